import { useId, useState } from "preact/hooks";
import { api, ApiError, newIdempotencyKey, uploadDocument, type PresignedUpload } from "../api/client.ts";
import { formatNumber, useT } from "../i18n/index.ts";
import { MAX_DOCUMENT_BYTES, precheckUpload } from "./uploadChecks.ts";

export type UploadedDocument = { documentId: string; kind: string; fileName: string; status: "verified" };

type State =
  | { step: "idle" }
  | { step: "checking" | "registering" | "confirming"; fileName: string }
  | { step: "uploading"; fileName: string; progress: number }
  | { step: "done"; fileName: string }
  | { step: "refused"; message: string; detail?: string };

const ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

/**
 * One document of a case: pick a file, have it checked here, registered, sent with progress, and confirmed
 * by the API against the stored bytes. A refusal at any step says why in the user's language.
 * `ownerPath` is "/applications/{id}" or "/attestations/{id}".
 */
export function DocumentUpload({
  ownerPath,
  kind,
  kinds,
  label,
  required = false,
  current,
  onUploaded,
}: {
  ownerPath: string;
  kind: string;
  kinds: readonly string[];
  label: string;
  required?: boolean;
  current?: { fileName: string } | undefined;
  onUploaded: (document: UploadedDocument) => void;
}) {
  const t = useT();
  const id = useId();
  const [state, setState] = useState<State>(current ? { step: "done", fileName: current.fileName } : { step: "idle" });
  const busy = state.step === "checking" || state.step === "registering" || state.step === "uploading" || state.step === "confirming";
  const maxMb = formatNumber(MAX_DOCUMENT_BYTES / 1024 / 1024);

  const send = async (file: File) => {
    const fileName = file.name;
    setState({ step: "checking", fileName });
    // Only a PDF's whole body is scanned; for the rest (or files too large anyway) the signature suffices.
    const whole = file.size <= MAX_DOCUMENT_BYTES && /pdf/i.test(file.type + file.name);
    const bytes = new Uint8Array(await (whole ? file : file.slice(0, 16)).arrayBuffer());
    const check = precheckUpload({ size: file.size, bytes }, kind, kinds);
    if (!check.ok) {
      setState({ step: "refused", message: t(`common:upload.precheck.${check.reason}`, { max: maxMb }), ...(check.detail ? { detail: check.detail } : {}) });
      return;
    }
    try {
      setState({ step: "registering", fileName });
      const registered = await api<{ documentId: string; upload: PresignedUpload }>("POST", `${ownerPath}/documents`, {
        body: { kind, fileName, contentType: check.contentType, size: file.size },
        idempotencyKey: newIdempotencyKey(),
      });
      setState({ step: "uploading", fileName, progress: 0 });
      await uploadDocument(registered.upload, file, (progress) => setState({ step: "uploading", fileName, progress }));
      setState({ step: "confirming", fileName });
      await api("POST", `${ownerPath}/documents/${encodeURIComponent(registered.documentId)}/confirm`);
      setState({ step: "done", fileName });
      onUploaded({ documentId: registered.documentId, kind, fileName, status: "verified" });
    } catch (error) {
      setState({
        step: "refused",
        message: error instanceof ApiError ? error.title : t("common:error.unexpectedShort"),
        ...(error instanceof ApiError && error.status === 0 ? { detail: t("common:upload.retryHint") } : {}),
      });
    }
  };

  return (
    <div class={`upload upload-${state.step}`}>
      <p class="upload-label" id={`${id}-label`}>
        {label}
        {required && <span class="required"> ({t("common:upload.required")})</span>}
      </p>
      <p class="hint" id={`${id}-hint`}>
        {t("common:upload.hint", { max: maxMb })}
      </p>
      {/* The native picker says "Choose File" in the browser's language, not the page's: it is hidden, and a
          label in the page's language opens it. The input keeps focus and the accessible name. */}
      <input
        id={id}
        class="file-input"
        type="file"
        accept={ACCEPT}
        disabled={busy}
        aria-labelledby={`${id}-label ${id}-choose`}
        aria-describedby={`${id}-hint ${id}-status`}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void send(file);
          event.currentTarget.value = "";
        }}
      />
      <label for={id} id={`${id}-choose`} class={busy ? "button secondary small disabled" : "button secondary small"}>
        {state.step === "done" ? t("common:upload.replace") : t("common:upload.choose")}
      </label>
      <div id={`${id}-status`} class="upload-status" role="status" aria-live="polite">
        {state.step === "checking" && t("common:upload.checking", { fileName: state.fileName })}
        {state.step === "registering" && t("common:upload.registering", { fileName: state.fileName })}
        {state.step === "uploading" && (
          <>
            <span>{t("common:upload.uploading", { fileName: state.fileName, percent: formatNumber(state.progress, { style: "percent" }) })}</span>
            <progress max={1} value={state.progress} aria-label={t("common:upload.progress")} />
          </>
        )}
        {state.step === "confirming" && t("common:upload.confirming", { fileName: state.fileName })}
        {state.step === "done" && <span class="ok">{t("common:upload.done", { fileName: state.fileName })}</span>}
      </div>
      {state.step === "refused" && (
        <div class="notice error" role="alert">
          <p class="notice-title">{state.message}</p>
          {state.detail && <p>{state.detail}</p>}
          <p>{t("common:upload.chooseAnother")}</p>
        </div>
      )}
    </div>
  );
}
