import { href, type PageProps } from "../../app/router.tsx";
import { useT } from "../../i18n/index.ts";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import type { AttestationView } from "./AttestationDetail.tsx";
import { CaseCard } from "./CaseCard.tsx";

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
            <CaseCard
              key={attestation.id}
              link={href("/attestations/:id", { id: attestation.id })}
              title={t("teacher:attestation.cardTitle", { from: t(`common:category.${attestation.currentCategory}`), to: t(`common:category.${attestation.targetCategory}`) })}
              status={attestation.status}
              createdAt={attestation.createdAt}
            />
          ))}
        </ul>
      </PagedList>
    </Page>
  );
}
