import { href } from "../../app/router.tsx";
import { useT } from "../../i18n/index.ts";
import { Button } from "../../ui/Button.tsx";
import { ErrorNotice } from "../../ui/ErrorNotice.tsx";
import { Loading } from "../../ui/Loading.tsx";
import { Page } from "../../ui/Page.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import { ProposalFacts } from "./ProposalFacts.tsx";
import type { OpenVote } from "./types.ts";

/** The proposals waiting for the commission's vote that this chair records, oldest first. */
export default function VoteList() {
  const t = useT();
  const { items, loading, error, hasMore, more, reload } = usePaged<OpenVote>("/me/votes", { limit: 50 });
  return (
    <Page title={t("chair:votes.title")}>
      <p>{t("chair:votes.intro")}</p>
      <ErrorNotice error={error} onRetry={reload} />
      {loading && items.length === 0 && <Loading />}
      {!loading && !error && items.length === 0 && <p>{t("chair:votes.empty")}</p>}
      <ul class="cards">
        {items.map((vote) => (
          <li key={vote.attestationId} class="card">
            <h2>{t("chair:votes.case", { ref: vote.attestationId })}</h2>
            <ProposalFacts vote={vote} />
            <a class="button" href={href("/chair/votes/:id", { id: vote.attestationId })}>
              {t("chair:votes.record", { ref: vote.attestationId })}
            </a>
          </li>
        ))}
      </ul>
      {hasMore && (
        <p>
          <Button variant="secondary" busy={loading} onClick={more}>
            {t("common:action.loadMore")}
          </Button>
        </p>
      )}
    </Page>
  );
}
