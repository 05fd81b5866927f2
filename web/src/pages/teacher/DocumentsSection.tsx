import { useEffect, useState } from "preact/hooks";
import type { OwnerDocument } from "../../api/types.ts";
import { ineligibilityTexts } from "../../../../functions/domain/competition/documentCheck.ts";
import { localized, useT } from "../../i18n/index.ts";
import { DocumentUpload } from "../../ui/DocumentUpload.tsx";
import { linksStale } from "../expert/documentLinks.ts";

/**
 * A case's documents: while a draft, one upload per kind, required kinds first (a kind counts once a
 * document of it is verified; refused uploads stay listed with their reason until replaced); afterwards the
 * list. Each verified document can be opened again through the short-lived link the case's read carries;
 * `onChange` reads the case again, which also renews the links.
 */
export function DocumentsSection({
  ownerPath,
  kinds,
  required,
  documents,
  editable,
  onChange,
}: {
  ownerPath: string;
  kinds: readonly string[];
  required: readonly string[];
  documents: readonly OwnerDocument[];
  editable: boolean;
  onChange: () => void;
}) {
  const t = useT();
  const links = useLinkRenewal(documents, onChange);
  const ordered = [...required, ...kinds.filter((kind) => !required.includes(kind))];
  const latest = (kind: string) => documents.filter((document) => document.kind === kind).at(-1);
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t("teacher:documents.title")}</h2>
      {editable ? (
        <>
          <p class="hint">{t("teacher:documents.intro")}</p>
          <div class="form">
            {ordered.map((kind) => {
              const document = latest(kind);
              return (
                <div key={kind}>
                  <DocumentUpload
                    ownerPath={ownerPath}
                    kind={kind}
                    kinds={kinds}
                    label={t(`common:documentKind.${kind}`)}
                    required={required.includes(kind)}
                    current={document?.status === "verified" ? { fileName: document.fileName } : undefined}
                    onUploaded={onChange}
                  />
                  {document?.status === "verified" && <OpenLink document={document} links={links} />}
                  {document?.status === "rejected" && (
                    <p class="field-error">{t("teacher:documents.refused", { fileName: document.fileName, reason: reasonText(document.reason) })}</p>
                  )}
                </div>
              );
            })}
          </div>
        </>
      ) : documents.length === 0 ? (
        <p>{t("teacher:documents.none")}</p>
      ) : (
        <ul>
          {documents.map((document) => (
            <li key={document.id}>
              {t(`common:documentKind.${document.kind}`)}: {document.fileName} — {t(`common:status.${document.status}`)}
              {document.status === "rejected" && document.reason && ` (${reasonText(document.reason)})`}
              {document.status === "verified" && <> <OpenLink document={document} links={links} /></>}
            </li>
          ))}
        </ul>
      )}
      <p class="hint" aria-live="polite">
        {links.renewed && t("teacher:documents.renewed")}
      </p>
    </section>
  );
}

type LinkRenewal = { renewIfStale: (opening?: boolean) => boolean; renewed: boolean };

/**
 * The links expire 5 minutes after the case was read: they are renewed (the case read again) as soon as the
 * user heads for one that may have run out, and a click on such a link waits for the new one.
 */
function useLinkRenewal(documents: readonly OwnerDocument[], renew: () => void): LinkRenewal {
  // Every read of the case issues new links, and hands over a new list.
  const [issuedAt, setIssuedAt] = useState(Date.now());
  const [renewed, setRenewed] = useState(false);
  useEffect(() => setIssuedAt(Date.now()), [documents]);
  const renewIfStale = (opening = false) => {
    const stale = linksStale(issuedAt, Date.now());
    if (opening) setRenewed(stale);
    if (stale) {
      setIssuedAt(Date.now());
      renew();
    }
    return stale;
  };
  return { renewIfStale, renewed };
}

/** Opens a verified document in a new tab, under a name that says which file it is. */
function OpenLink({ document, links }: { document: OwnerDocument; links: LinkRenewal }) {
  const t = useT();
  if (!document.url) return null;
  return (
    <a
      class="button secondary small"
      href={document.url}
      target="_blank"
      rel="noopener"
      onFocus={() => links.renewIfStale()}
      onPointerEnter={() => links.renewIfStale()}
      onClick={(event) => {
        // The new link arrives with the case; opening the old one could show an expiry error instead.
        if (links.renewIfStale(true)) event.preventDefault();
      }}
    >
      {t("teacher:documents.open", { fileName: document.fileName })}
    </a>
  );
}

/** Why an upload was refused, in the words the API records on an ineligible case. */
function reasonText(reason: string | null): string {
  if (!reason) return "";
  return reason in ineligibilityTexts ? localized(ineligibilityTexts[reason as keyof typeof ineligibilityTexts]) : reason;
}

/** Required kinds without a verified document. */
export function missingKinds(required: readonly string[], documents: readonly OwnerDocument[]): string[] {
  return required.filter((kind) => !documents.some((document) => document.kind === kind && document.status === "verified"));
}
