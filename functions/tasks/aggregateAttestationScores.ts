import * as z from "zod/mini";
import { updateAttestationWhere } from "../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { assignmentId, getSheets, getSlot } from "../adapters/dynamo/scoringRecords.ts";
import { when } from "../adapters/dynamo/updates.ts";
import { aggregatePanelScores } from "../domain/attestation/aggregatePanelScores.ts";
import type { Attestation, ScoringRound } from "../domain/attestation/records.ts";
import type { ScoreSheet } from "../domain/competition/records.ts";
import { config } from "../platform/config.ts";
import { logger } from "../platform/logger.ts";
import {
  ATTESTATION_ACTOR,
  panelPositions,
  requireAttestation,
  requireRound,
  rubricOf,
  ROUND_KINDS,
  roundAttributeAbsent,
  SCORING_STATUSES,
  targetOf,
} from "./shared/attestationCase.ts";
import { liveEndOf } from "./shared/slotChain.ts";
import { failedOn, InvalidCaseState, NoEligiblePanel, parseTaskInput, TaskId } from "./shared/taskSupport.ts";

const Input = z.object({ attestationId: TaskId, round: z.enum(ROUND_KINDS) });

type Output = { needsExtraMember: boolean; meanScore: number; meetsCategory: boolean; sheetCount: number };

type Aggregate = NonNullable<ScoringRound["aggregate"]>;

const recorded = (aggregate: Aggregate): Output => ({
  needsExtraMember: false,
  meanScore: aggregate.meanScore,
  meetsCategory: aggregate.meetsCategory,
  sheetCount: aggregate.memberTotals.length,
});

/** The sealed sheet of each seat of the round, in seat order; a seat nobody scored (no reserve was left) has none. */
async function sheetsOf(attestation: Attestation, round: ScoringRound): Promise<ScoreSheet[]> {
  const sheets: ScoreSheet[] = [];
  for (const chain of panelPositions(round)) {
    const found = await getSheets(chain.map((memberId) => assignmentId(attestation.id, attestation.id, memberId)));
    // A late member's assignment expires before a reserve takes the seat, so a seat has one sheet at most.
    const [sheet] = found;
    if (sheet) sheets.push(sheet);
  }
  return sheets;
}

/** Whether an extra member was drawn whose seat is not settled yet: never opened, or still open without a sheet. */
async function extraMemberStillScoring(caseId: string, round: ScoringRound): Promise<boolean> {
  for (const memberId of round.extraMembers ?? []) {
    const slot = await getSlot(caseId, `${memberId}-1`);
    if (!slot) return true;
    const live = await liveEndOf(slot);
    if (live.status === "open" && live.remaining > 0) return true;
  }
  return false;
}

/**
 * Combines the round's sealed sheets with the domain's rule (a criterion below the target's level counts
 * 0; the mean of the members' totals against the threshold). When the totals spread by more than the
 * configured share of the threshold and this round has not had its extra member yet, nothing is recorded
 * and the state machine draws one (`needsExtraMember`, which also sends a re-driven execution back to an
 * extra member still scoring); otherwise the result is recorded on the round, once.
 */
export const handler = async (input: unknown): Promise<Output> => {
  const { attestationId, round: kind } = parseTaskInput("aggregateAttestationScores", Input, input);
  const attestation = await requireAttestation(attestationId);
  const { round, index } = requireRound(attestation, kind);
  if (round.aggregate) return recorded(round.aggregate);
  if (!SCORING_STATUSES.includes(attestation.status)) throw new InvalidCaseState(`attestation ${attestationId} is ${attestation.status}; its ${kind} round cannot be aggregated`);

  // A re-driven execution reaches this step without having waited for an extra member drawn before the
  // restart: send it back through the extra member's scoring (drawExtraMember returns the recorded draw).
  if (await extraMemberStillScoring(attestation.id, round)) {
    return { needsExtraMember: true, meanScore: 0, meetsCategory: false, sheetCount: 0 };
  }
  const sheets = await sheetsOf(attestation, round);
  // Every member missed the deadline and no reserve could take over: nobody scored the portfolio.
  if (sheets.length === 0) throw new NoEligiblePanel(`nobody scored the ${kind} round of attestation ${attestationId}`);
  const result = aggregatePanelScores({
    rubric: rubricOf(attestation),
    targetCategory: targetOf(attestation),
    sheets: sheets.map((sheet) => ({ memberRef: sheet.expertId, answers: sheet.scores })),
    spreadShare: config.attestationSpreadShare(),
  });
  const extraDrawn = round.extraMembers !== undefined || round.extraMemberUnavailable === true;
  if (result.disagreement && !extraDrawn) {
    logger.info("attestation panel disagrees", { task: "aggregateAttestationScores", attestationId, round: kind, spread: result.spread, threshold: result.threshold });
    return { needsExtraMember: true, meanScore: result.meanTotal, meetsCategory: result.meetsCategory, sheetCount: sheets.length };
  }

  const aggregatedAt = new Date().toISOString();
  const aggregate: Aggregate = {
    memberTotals: result.members.map((member) => ({ memberId: member.memberRef, total: member.total })),
    meanScore: result.meanTotal,
    threshold: result.threshold,
    meetsCategory: result.meetsCategory,
    disagreement: result.disagreement,
    spread: result.spread,
    unmetCriteria: result.unmetCriteria,
    aggregatedAt,
  };
  try {
    await commitWithAudit(
      attestationId,
      {
        actor: ATTESTATION_ACTOR,
        action: "panel.aggregated",
        data: {
          round: kind,
          rubricId: result.rubricId,
          meanScore: aggregate.meanScore,
          threshold: aggregate.threshold,
          meetsCategory: aggregate.meetsCategory,
          spread: result.spread,
          disagreement: result.disagreement,
          // Which sealed sheets the result stands on, by hash: anyone holding them can recompute it.
          sheets: sheets.map((sheet) => ({ assignmentId: sheet.assignmentId, sha256: sheet.sha256 })),
        },
      },
      [
        updateAttestationWhere(attestationId, {
          set: { [`rounds[${index}].aggregate`]: aggregate, updatedAt: aggregatedAt },
          condition: when.allOf(when.statusIn(SCORING_STATUSES), roundAttributeAbsent(index, "aggregate")),
        }),
      ],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    const now = requireRound(await requireAttestation(attestationId), kind).round;
    if (!now.aggregate) throw new InvalidCaseState(`attestation ${attestationId} left scoring before its ${kind} round was aggregated`);
    return recorded(now.aggregate);
  }
  logger.info("attestation panel aggregated", { task: "aggregateAttestationScores", attestationId, round: kind, sheetCount: sheets.length, meetsCategory: result.meetsCategory });
  return recorded(aggregate);
};
