import { useT } from "../i18n/index.ts";

/** A document shown in the page: PDFs in the browser's own viewer, images as images, with a download link. */
export function DocumentViewer({ url, fileName, contentType }: { url: string; fileName: string; contentType?: string }) {
  const t = useT();
  const type = contentType ?? guessType(fileName);
  return (
    <figure class="document-viewer">
      {type === "application/pdf" ? (
        <object data={url} type="application/pdf" aria-label={fileName}>
          <p>
            <a href={url} target="_blank" rel="noopener noreferrer">
              {t("common:document.open", { fileName })}
            </a>
          </p>
        </object>
      ) : (
        <img src={url} alt={fileName} loading="lazy" />
      )}
      <figcaption>
        <a href={url} target="_blank" rel="noopener noreferrer" download={fileName}>
          {t("common:document.open", { fileName })}
        </a>
      </figcaption>
    </figure>
  );
}

function guessType(fileName: string): string {
  return /\.pdf$/i.test(fileName) ? "application/pdf" : "image/*";
}
