import * as z from "zod/mini";
import { updateAttestationWhere } from "../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { listSlots } from "../adapters/dynamo/scoringRecords.ts";
import { when } from "../adapters/dynamo/updates.ts";
import type { ScoringRound } from "../domain/attestation/records.ts";
import { logger } from "../platform/logger.ts";
import {
  ATTESTATION_ACTOR,
  drawFromPool,
  peopleOnCase,
  requireAttestation,
  requireRound,
  ROUND_KINDS,
  roundAttributeAbsent,
  SCORING_STATUSES,
} from "./shared/attestationCase.ts";
import { requireCommission } from "./shared/commissionPools.ts";
import { slotsOfDraw } from "./shared/panelSlots.ts";
import { failedOn, InvalidCaseState, parseTaskInput, TaskId, type SlotRef } from "./shared/taskSupport.ts";

const Input = z.object({ attestationId: TaskId, round: z.enum(ROUND_KINDS) });

type Output = { members: SlotRef[] };

const output = (attestationId: string, round: ScoringRound): Output => ({
  members: slotsOfDraw("attestation", attestationId, { [attestationId]: round.extraMembers ?? [] }),
});

/**
 * The panel's totals spread by more than the configured share of the threshold (DOMAIN.md §3 [product]):
 * ONE more member of the round's pool scores the portfolio, drawn like the panel, excluding everyone who
 * has been on the case. Once per round: when nobody is left to draw, that is recorded instead and the
 * round stands on the sheets it has (an empty list of members here). A retry gets the recorded result.
 */
export const handler = async (input: unknown): Promise<Output> => {
  const { attestationId, round: kind } = parseTaskInput("drawExtraMember", Input, input);
  const attestation = await requireAttestation(attestationId);
  const { round, index } = requireRound(attestation, kind);
  if (round.extraMembers !== undefined || round.extraMemberUnavailable) return output(attestationId, round);
  if (round.aggregate) throw new InvalidCaseState(`the ${kind} round of attestation ${attestationId} is aggregated already`);
  if (!SCORING_STATUSES.includes(attestation.status)) throw new InvalidCaseState(`attestation ${attestationId} is ${attestation.status}; its panel is not scoring`);

  const pool = await requireCommission(round.commissionId);
  const draw = await drawFromPool(attestation, pool, 1, peopleOnCase(attestation, await listSlots(attestationId)));
  const at = new Date().toISOString();
  const fields = draw.panel
    ? { [`rounds[${index}].extraMembers`]: draw.panel, [`rounds[${index}].extraDraw`]: draw.record }
    : { [`rounds[${index}].extraMemberUnavailable`]: true, [`rounds[${index}].extraDraw`]: draw.record };
  try {
    await commitWithAudit(
      attestationId,
      {
        actor: ATTESTATION_ACTOR,
        action: draw.panel ? "extra_member.drawn" : "extra_member.unavailable",
        data: { round: kind, seed: draw.record.seed, inputsHash: draw.record.inputsHash, engineVersion: draw.record.engineVersion, members: draw.panel ?? [] },
      },
      [
        updateAttestationWhere(attestationId, {
          set: { ...fields, updatedAt: at },
          condition: when.allOf(
            when.statusIn(SCORING_STATUSES),
            roundAttributeAbsent(index, "extraMembers"),
            roundAttributeAbsent(index, "extraMemberUnavailable"),
          ),
        }),
      ],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    // Drawn by another run of this step meanwhile: that draw counts.
    const recorded = requireRound(await requireAttestation(attestationId), kind).round;
    if (recorded.extraMembers === undefined && !recorded.extraMemberUnavailable) throw new InvalidCaseState(`attestation ${attestationId} left scoring`);
    return output(attestationId, recorded);
  }
  if (draw.panel) logger.info("extra member drawn", { task: "drawExtraMember", attestationId, round: kind });
  else logger.warn("no extra member available", { task: "drawExtraMember", attestationId, round: kind, reason: draw.reason });
  return { members: draw.panel ? slotsOfDraw("attestation", attestationId, { [attestationId]: draw.panel }) : [] };
};
