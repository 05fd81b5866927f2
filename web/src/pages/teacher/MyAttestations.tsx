import { href, type PageProps } from "../../app/router.tsx";
import { formatDate, useT } from "../../i18n/index.ts";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import type { AttestationView } from "./AttestationDetail.tsx";

export default function MyAttestations(_props: PageProps) {
  const t = useT();
  const paged = usePaged<AttestationView>("/me/attestations");
  return (
    <Page
      title={t("teacher:nav.attestations")}
      actions={
        <a class="button" href={href("/attestations/new")}>
          {t("teacher:attestation.newAction")}
        </a>
      }
    >
      <p class="hint">{t("teacher:attestation.listIntro")}</p>
      <PagedList paged={paged} empty={t("teacher:attestation.empty")}>
        <ul class="cards">
          {paged.items.map((attestation) => (
            <li key={attestation.id} class="card">
              <h2>
                <a href={href("/attestations/:id", { id: attestation.id })}>
                  {t("teacher:attestation.cardTitle", { from: t(`common:category.${attestation.currentCategory}`), to: t(`common:category.${attestation.targetCategory}`) })}
                </a>
              </h2>
              <p class="meta">
                <StatusBadge status={attestation.status} />
                <span>{t("teacher:applications.createdOn", { date: formatDate(attestation.createdAt) })}</span>
              </p>
            </li>
          ))}
        </ul>
      </PagedList>
    </Page>
  );
}
