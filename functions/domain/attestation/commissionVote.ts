import type { LocalizedText } from "../rubrics/rubric.ts";

// The attestation commission confirms the panel's decision proposal by vote (п.19-23): a meeting is
// competent when at least two thirds of the members are present; the majority of those voting decides;
// on a tie the chair's vote decides.

export type CommissionVoteInput = {
  commissionSize: number;
  present: number;
  for: number;
  against: number;
  /** How the chair voted; needed only to break a tie. */
  chairVotedFor?: boolean;
};

export const COMMISSION_VOTE_REFUSAL_CODES = ["no_quorum", "invalid_vote", "tie_without_chair_vote"] as const;
export type CommissionVoteRefusalCode = (typeof COMMISSION_VOTE_REFUSAL_CODES)[number];

export type CommissionVoteResult =
  | { ok: true; accepted: boolean; decidedByChair: boolean }
  | { ok: false; code: CommissionVoteRefusalCode; message: LocalizedText; details?: Record<string, unknown> };

/** ceil(2/3 × size), in integers: the smallest attendance that makes a quorum. */
export function quorumFor(commissionSize: number): number {
  return Math.floor((2 * commissionSize + 2) / 3);
}

const isCount = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

function invalidVote(problem: string, message: LocalizedText): CommissionVoteResult {
  return { ok: false, code: "invalid_vote", message, details: { problem } };
}

export function commissionVote(input: CommissionVoteInput): CommissionVoteResult {
  const { commissionSize, present, against, chairVotedFor } = input;
  const votesFor = input.for;
  if (!isCount(commissionSize) || commissionSize === 0 || !isCount(present) || !isCount(votesFor) || !isCount(against)) {
    return invalidVote("not_counts", {
      kk: "Дауыс беру нәтижелері теріс емес бүтін сандар болуы керек.",
      ru: "Итоги голосования должны быть целыми неотрицательными числами.",
      en: "Vote counts must be non-negative whole numbers.",
    });
  }
  if (present > commissionSize) {
    return invalidVote("more_present_than_members", {
      kk: "Қатысушылар саны комиссия мүшелерінің санынан аспауы керек.",
      ru: "Число присутствующих не может превышать число членов комиссии.",
      en: "More members present than the commission has.",
    });
  }
  const quorum = quorumFor(commissionSize);
  if (present < quorum) {
    return {
      ok: false,
      code: "no_quorum",
      message: {
        kk: `Кворум жоқ: комиссия мүшелерінің кемінде үштен екісі (${commissionSize}-ден ${quorum}) қатысуы керек, қатысқаны ${present}.`,
        ru: `Нет кворума: должны присутствовать не менее двух третей членов комиссии (${quorum} из ${commissionSize}), присутствует ${present}.`,
        en: `No quorum: at least two thirds of the commission (${quorum} of ${commissionSize}) must be present; ${present} are.`,
      },
      details: { quorum, present, commissionSize },
    };
  }
  if (votesFor + against > present) {
    return invalidVote("more_votes_than_present", {
      kk: "«Жақтап» және «қарсы» дауыстардың сомасы қатысушылар санынан аспауы керек.",
      ru: "Сумма голосов «за» и «против» не может превышать число присутствующих.",
      en: "Votes for and against cannot exceed the number of members present.",
    });
  }
  if (votesFor + against === 0) {
    return invalidVote("no_votes", {
      kk: "Ешкім дауыс бермеді: шешім қабылданбады.",
      ru: "Никто не проголосовал: решение не принято.",
      en: "Nobody voted: no decision was taken.",
    });
  }
  if (votesFor !== against) return { ok: true, accepted: votesFor > against, decidedByChair: false };

  if (chairVotedFor === undefined) {
    return {
      ok: false,
      code: "tie_without_chair_vote",
      message: {
        kk: "Дауыстар тең: шешуші дауыс төрағаға тиесілі, оның дауысын көрсетіңіз.",
        ru: "Голоса разделились поровну: решающий голос за председателем, укажите, как он проголосовал.",
        en: "The votes are tied: the chair's vote decides, so record how the chair voted.",
      },
    };
  }
  // A tie with at least one vote means both sides have votes, so the chair's is among them either way.
  return { ok: true, accepted: chairVotedFor, decidedByChair: true };
}
