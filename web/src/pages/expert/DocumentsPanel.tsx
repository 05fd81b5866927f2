import { useState } from "preact/hooks";
import { formatDateTime, useT } from "../../i18n/index.ts";
import { Button } from "../../ui/Button.tsx";
import { DocumentViewer } from "../../ui/DocumentViewer.tsx";
import { linksStale } from "./documentLinks.ts";
import type { AssignmentDetail } from "./types.ts";

type Document = AssignmentDetail["documents"][number];

const keyOf = (document: Document) => `${document.kind}/${document.fileName}`;

/**
 * The case's verified documents, each viewed in the page on request (a scan is only downloaded when asked
 * for, which matters on a slow connection). A link that may have expired is renewed before it is used.
 */
export function DocumentsPanel({ documents, issuedAt, renewing, onRenew }: { documents: Document[]; issuedAt: number; renewing: boolean; onRenew: () => void }) {
  const t = useT();
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set());
  const toggle = (document: Document) => {
    const key = keyOf(document);
    const next = new Set(shown);
    if (next.has(key)) next.delete(key);
    else {
      next.add(key);
      if (linksStale(issuedAt, Date.now())) onRenew();
    }
    setShown(next);
  };
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t("expert:documents.title")}</h2>
      <p class="hint">{t("expert:documents.intro")}</p>
      {documents.length === 0 ? (
        <p>{t("expert:documents.empty")}</p>
      ) : (
        <ul class="cards">
          {documents.map((document) => {
            const key = keyOf(document);
            const name = `${t(`common:documentKind.${document.kind}`)} (${document.fileName})`;
            const open = shown.has(key);
            return (
              <li key={key} class="card">
                <button type="button" class="button secondary small" aria-expanded={open} onClick={() => toggle(document)}>
                  {t(open ? "expert:documents.hide" : "expert:documents.view", { name })}
                </button>
                {/* While links are being renewed, an old one must not be requested. */}
                {open && !renewing && <DocumentViewer url={document.url} fileName={document.fileName} />}
              </li>
            );
          })}
        </ul>
      )}
      <p class="actions">
        <span class="hint">{t("expert:documents.issuedAt", { time: formatDateTime(new Date(issuedAt).toISOString()) })}</span>
        <Button variant="secondary" busy={renewing} onClick={onRenew}>
          {t("expert:documents.renew")}
        </Button>
      </p>
    </section>
  );
}
