import { Fragment, type ComponentChildren } from "preact";
import { formatNumber, useT } from "../../i18n/index.ts";
import type { OpenVote } from "./types.ts";

/** The panel's proposal and the commission that votes on it, as the chair reads them before the meeting. */
export function ProposalFacts({ vote }: { vote: OpenVote }) {
  const t = useT();
  const { proposal, commission } = vote;
  const unknown = t("chair:proposal.unknown");
  const number = (value: number | undefined) => (value === undefined ? unknown : formatNumber(value));
  const rows: [string, ComponentChildren][] = [
    ["targetCategory", t(`common:category.${vote.targetCategory}`)],
    ["outcome", proposal.outcome ? <strong>{t(`chair:proposal.${proposal.outcome}`)}</strong> : unknown],
    ["grantedCategory", proposal.grantedCategory ? t(`common:category.${proposal.grantedCategory}`) : unknown],
    ["meanScore", number(proposal.meanScore)],
    ["threshold", number(proposal.threshold)],
    ["round", proposal.round ? t(`chair:proposal.roundKind.${proposal.round}`) : unknown],
    ["commission", commission.level ? t(`chair:proposal.level.${commission.level}`) : unknown],
    ["members", number(commission.votingMembers)],
  ];
  return (
    <dl class="facts">
      {rows.map(([key, value]) => (
        <Fragment key={key}>
          <dt>{t(`chair:proposal.${key}`)}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
