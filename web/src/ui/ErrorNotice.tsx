import { ApiError } from "../api/client.ts";
import { useT } from "../i18n/index.ts";

/** What went wrong, in the user's language: the API's detail, or a plain sentence for anything else. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (!error) return null;
  const api = error instanceof ApiError ? error : undefined;
  const title = api ? api.title : t("common:error.unexpectedShort");
  // A rule refusal repeats its first field message as the detail: say it once.
  const detail = api && api.detail !== api.title && !api.fields?.some((field) => field.message === api.detail) ? api.detail : undefined;
  return (
    <div class="notice error" role="alert">
      <p class="notice-title">{title}</p>
      {detail && <p>{detail}</p>}
      {api?.fields && api.fields.length > 0 && (
        <ul>
          {api.fields.map((field) => (
            <li key={field.path + field.code}>{field.message}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" class="button secondary small" onClick={onRetry}>
          {t("common:action.retry")}
        </button>
      )}
    </div>
  );
}
