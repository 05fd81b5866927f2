import { href, type PageProps } from "../../app/router.tsx";
import { formatDate, useT } from "../../i18n/index.ts";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { StatusBadge } from "../../ui/StatusBadge.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import type { AttestationView } from "./AttestationDetail.tsx";

export default function MyAttestations(_props: PageProps) {
  const t = useT();
  const { items, loading, error, hasMore, more, reload } = usePaged<AttestationView>("/me/attestations");
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
      <ErrorNotice error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 && <p class="notice">{t("teacher:attestation.empty")}</p>}
      <ul class="cards">
        {items.map((attestation) => (
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
      {loading && <Loading />}
      {hasMore && !loading && (
        <button type="button" class="button secondary" onClick={more}>
          {t("common:action.loadMore")}
        </button>
      )}
    </Page>
  );
}
