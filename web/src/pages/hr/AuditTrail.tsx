import { href, type PageProps } from "../../app/router.tsx";
import { useT } from "../../i18n/index.ts";
import { AuditTrail } from "../../ui/AuditTrail.tsx";
import { Page } from "../../ui/Page.tsx";

/** A competition's audit trail, reached from the HR officer's vacancy page and leading back to it. */
export default function AuditTrailPage({ params }: PageProps) {
  const t = useT();
  const caseId = params.caseId ?? "";
  return (
    <Page title={t("hr:audit.title")} actions={<a href={href("/hr/vacancies/:id", { id: caseId })}>{t("hr:audit.back")}</a>}>
      <p>{t("hr:audit.case", { id: caseId })}</p>
      <p class="hint">{t("hr:audit.intro")}</p>
      <AuditTrail caseId={caseId} label={t("hr:audit.title")} />
    </Page>
  );
}
