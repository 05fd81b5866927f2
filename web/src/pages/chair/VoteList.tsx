import { href } from "../../app/router.tsx";
import { useT } from "../../i18n/index.ts";
import { Page } from "../../ui/Page.tsx";
import { PagedList } from "../../ui/PagedList.tsx";
import { usePaged } from "../../ui/usePaged.ts";
import { ProposalFacts } from "./ProposalFacts.tsx";
import type { OpenVote } from "./types.ts";

/** The proposals waiting for the commission's vote that this chair records, oldest first. */
export default function VoteList() {
  const t = useT();
  const paged = usePaged<OpenVote>("/me/votes", { limit: 50 });
  return (
    <Page title={t("chair:votes.title")}>
      <p>{t("chair:votes.intro")}</p>
      <PagedList paged={paged} empty={t("chair:votes.empty")}>
        <ul class="cards">
          {paged.items.map((vote) => (
            <li key={vote.attestationId} class="card">
              <h2>{t("chair:votes.case", { ref: vote.attestationId })}</h2>
              <ProposalFacts vote={vote} />
              <a class="button" href={href("/chair/votes/:id", { id: vote.attestationId })}>
                {t("chair:votes.record", { ref: vote.attestationId })}
              </a>
            </li>
          ))}
        </ul>
      </PagedList>
    </Page>
  );
}
