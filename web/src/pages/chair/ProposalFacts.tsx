import { formatNumber, useT } from "../../i18n/index.ts";
import { Facts } from "../../ui/Facts.tsx";
import type { OpenVote } from "./types.ts";

/** The panel's proposal and the commission that votes on it, as the chair reads them before the meeting. */
export function ProposalFacts({ vote }: { vote: OpenVote }) {
  const t = useT();
  const { proposal, commission } = vote;
  const unknown = t("chair:proposal.unknown");
  const number = (value: number | undefined) => (value === undefined ? unknown : formatNumber(value));
  return (
    <Facts
      rows={[
        [t("chair:proposal.targetCategory"), t(`common:category.${vote.targetCategory}`)],
        [t("chair:proposal.outcome"), proposal.outcome ? <strong>{t(`chair:proposal.${proposal.outcome}`)}</strong> : unknown],
        [t("chair:proposal.grantedCategory"), proposal.grantedCategory ? t(`common:category.${proposal.grantedCategory}`) : unknown],
        [t("chair:proposal.meanScore"), number(proposal.meanScore)],
        [t("chair:proposal.threshold"), number(proposal.threshold)],
        [t("chair:proposal.round"), proposal.round ? t(`chair:proposal.roundKind.${proposal.round}`) : unknown],
        [t("chair:proposal.commission"), commission.level ? t(`chair:proposal.level.${commission.level}`) : unknown],
        [t("chair:proposal.members"), number(commission.votingMembers)],
      ]}
    />
  );
}
