import type { Localized } from "../../api/types.ts";
import { useLocalized, useT } from "../../i18n/index.ts";

/** Why an application or attestation was found ineligible: the API's sentence in the reader's language, else its code. */
export function IneligibleNotice({ reason, reasonText }: { reason?: string | undefined; reasonText?: Localized | undefined }) {
  const t = useT();
  const localized = useLocalized();
  return (
    <div class="notice error">
      <p class="notice-title">{t("teacher:application.ineligibleWhy")}</p>
      <p>{reasonText ? localized(reasonText) : reason}</p>
    </div>
  );
}
