import * as z from "zod/mini";
import { updateAttestationWhere } from "../adapters/dynamo/attestationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { listSlots } from "../adapters/dynamo/scoringRecords.ts";
import { when } from "../adapters/dynamo/updates.ts";
import type { Attestation, ScoringRound } from "../domain/attestation/records.ts";
import { config } from "../platform/config.ts";
import { logger } from "../platform/logger.ts";
import {
  ATTESTATION_ACTOR,
  decidingCommission,
  drawFromPool,
  findRound,
  peopleOnCase,
  poolCommission,
  requireAttestation,
  ROUND_KINDS,
  roundCountIs,
  type RoundKind,
  VOTE_WAIT_ATTRIBUTES,
} from "./shared/attestationCase.ts";
import { slotsOfDraw } from "./shared/panelSlots.ts";
import { failedOn, InvalidCaseState, NoEligiblePanel, parseTaskInput, TaskId, type SlotRef } from "./shared/taskSupport.ts";

const Input = z.object({ attestationId: TaskId, round: z.enum(ROUND_KINDS) });

type Output = { round: RoundKind; members: SlotRef[] };

/** The status each round is drawn from: a fresh case, a proposal the commission voted down, an appeal. */
const DRAWN_FROM: Readonly<Record<RoundKind, Attestation["status"]>> = {
  first: "submitted",
  recheck: "awaiting_commission",
  appeal: "appealed",
};

/** The status while the round is scored: an appeal keeps showing "appealed" until its final decision. */
const SCORED_AS: Readonly<Record<RoundKind, Attestation["status"]>> = { first: "scoring", recheck: "scoring", appeal: "appealed" };

const output = (attestationId: string, round: ScoringRound): Output => ({
  round: round.kind,
  members: slotsOfDraw("attestation", attestationId, { [attestationId]: round.members }),
});

function panelSize(): number {
  const size = config.attestationPanelSize();
  // An even panel could tie; DOMAIN.md §3 asks for an odd one.
  if (!Number.isSafeInteger(size) || size % 2 === 0) throw new InvalidCaseState(`ATTESTATION_PANEL_SIZE must be odd, not ${size}`);
  return size;
}

/** The deciding commission's chair and voting members, fixed with the first panel. */
async function decidingFields(attestation: Attestation): Promise<Partial<Attestation>> {
  const commission = await decidingCommission(attestation);
  const chairId = commission?.members.find((member) => member.role === "chair")?.userId;
  if (!commission || !chairId) throw new NoEligiblePanel(`attestation ${attestation.id} has no deciding commission with a chair`);
  return { commissionId: commission.id, chairId, commissionSize: commission.members.filter((member) => member.role !== "reserve").length };
}

/**
 * Draws a round's panel (first; recheck after the commission voted against a proposal; appeal) from the
 * pool of the commission the target category needs, excluding everyone who has been on the case before.
 * The draw is recorded on the round with its seed, inputs hash and inputs, so anyone can recompute it
 * (verifyDraw). A round is drawn once: a retry or a re-driven execution gets the recorded one.
 */
export const handler = async (input: unknown): Promise<Output> => {
  const { attestationId, round: kind } = parseTaskInput("drawAttestationPanel", Input, input);
  const attestation = await requireAttestation(attestationId);
  const drawn = findRound(attestation, kind);
  if (drawn) return output(attestationId, drawn.round);
  // Recorded by an earlier run: the state machine's Catch records the same outcome again (a no-op).
  if (attestation.status === "no_eligible_panel") throw new NoEligiblePanel(`attestation ${attestationId} has no eligible panel`);
  const from = DRAWN_FROM[kind];
  if (attestation.status !== from) throw new InvalidCaseState(`attestation ${attestationId} is ${attestation.status}; no ${kind} panel can be drawn`);
  if (kind !== "first" && !findRound(attestation, "first")) throw new InvalidCaseState(`attestation ${attestationId} has no first round to follow`);

  const deciding = kind === "first" ? await decidingFields(attestation) : {};
  const pool = await poolCommission(attestation);
  if (!pool) throw new NoEligiblePanel(`attestation ${attestationId} has no commission to draw its panel from`);
  const excluded = peopleOnCase(attestation, await listSlots(attestationId));
  const draw = await drawFromPool(attestation, pool, panelSize(), excluded);
  if (draw.panel === undefined) {
    logger.warn("no eligible attestation panel", { task: "drawAttestationPanel", attestationId, round: kind, inputsHash: draw.record.inputsHash });
    throw new NoEligiblePanel(draw.reason);
  }

  const drawnAt = new Date().toISOString();
  const round: ScoringRound = {
    kind,
    seed: draw.record.seed,
    inputsHash: draw.record.inputsHash,
    drawnAt,
    commissionId: pool.id,
    members: draw.panel,
    draw: draw.record,
  };
  const roundCount = attestation.rounds?.length ?? 0;
  try {
    await commitWithAudit(
      attestationId,
      {
        actor: ATTESTATION_ACTOR,
        action: "panel.drawn",
        data: {
          round: kind,
          seed: round.seed,
          inputsHash: round.inputsHash,
          engineVersion: draw.record.engineVersion,
          commissionId: pool.id,
          panelSize: draw.record.panelSize,
          panel: draw.panel,
          excludedCount: draw.record.cases[0]?.excludedUserIds?.length ?? 0,
        },
      },
      [
        updateAttestationWhere(attestationId, {
          set: { ...deciding, status: SCORED_AS[kind], updatedAt: drawnAt },
          append: { rounds: [round] },
          // A recheck takes the case back from the commission: its vote on the old proposal is done.
          remove: VOTE_WAIT_ATTRIBUTES,
          condition: when.allOf(when.statusIn([from]), roundCountIs(roundCount)),
        }),
      ],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    // Another run of this step drew first: its draw is the one that counts.
    const recorded = findRound(await requireAttestation(attestationId), kind);
    if (!recorded) throw new InvalidCaseState(`attestation ${attestationId} changed while its ${kind} panel was drawn`);
    return output(attestationId, recorded.round);
  }
  logger.info("attestation panel drawn", { task: "drawAttestationPanel", attestationId, round: kind, inputsHash: round.inputsHash, memberCount: round.members.length });
  return output(attestationId, round);
};
