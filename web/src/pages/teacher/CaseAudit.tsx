import type { PageProps } from "../../app/router.tsx";
import { useT } from "../../i18n/index.ts";
import { AuditTrail } from "../../ui/AuditTrail.tsx";
import { Page } from "../../ui/Page.tsx";

/** The history of the candidate's own application or attestation, as the case's audit trail records it. */
export default function CaseAudit({ params }: PageProps) {
  const t = useT();
  return (
    <Page title={t("teacher:audit.title")}>
      <p class="hint">{t("teacher:audit.intro")}</p>
      <AuditTrail caseId={params.caseId ?? ""} label={t("teacher:audit.title")} />
    </Page>
  );
}
