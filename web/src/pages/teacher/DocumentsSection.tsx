import type { OwnerDocument } from "../../api/types.ts";
import { ineligibilityTexts } from "../../../../functions/domain/competition/documentCheck.ts";
import { localized, useT } from "../../i18n/index.ts";
import { DocumentUpload } from "../../ui/DocumentUpload.tsx";

/**
 * A draft case's documents, one upload per kind, required kinds first. A kind counts once a document of it
 * is verified; refused uploads stay listed with their reason until replaced.
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
            </li>
          ))}
        </ul>
      )}
    </section>
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
