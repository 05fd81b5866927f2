import { randomBytes } from "node:crypto";
import { CHAIR_VOTE_INDEX_ATTRIBUTES, getAttestation, updateAttestationWhere } from "../../adapters/dynamo/attestationRecords.ts";
import { commissionTerritory, currentCommission, loadPanelMembers, type Commission } from "../../adapters/dynamo/commissionRecords.ts";
import { when, type Condition } from "../../adapters/dynamo/updates.ts";
import { assignPanels } from "../../domain/assignment/assignPanels.ts";
import type { PanelCase } from "../../domain/assignment/eligibility.ts";
import { assignmentRecord, type AssignmentRecord } from "../../domain/assignment/verifyDraw.ts";
import { commissionLevelFor, isAttestedCategory, type CommissionLevel } from "../../domain/attestation/categories.ts";
import type { Attestation, ScoringRound } from "../../domain/attestation/records.ts";
import type { AttestationRules } from "../../domain/attestation/attestationRules.ts";
import type { PanelSlot } from "../../domain/competition/records.ts";
import { getAttestationRules, getRubric, listAttestationRules } from "../../domain/rubrics/registry.ts";
import type { Rubric } from "../../domain/rubrics/rubric.ts";
import { commissionMembers, requireCommission } from "./commissionPools.ts";
import type { ReplacementContext } from "./scoringCases.ts";
import { InvalidCaseState, workflowActor, type SlotRef } from "./taskSupport.ts";

// What the attestation workflow's tasks share: reading the case, its rounds (one per panel: first,
// recheck, appeal), who has sat on it, which commissions serve it, and what the slot tasks need to
// replace a late member.

export const ATTESTATION_ACTOR = workflowActor("attestation");

export const ROUND_KINDS = ["first", "recheck", "appeal"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

/** Read consistently: the previous step (or an API call) may have just changed it. */
export async function requireAttestation(attestationId: string): Promise<Attestation> {
  const attestation = await getAttestation(attestationId, true);
  if (!attestation) throw new InvalidCaseState(`attestation ${attestationId} does not exist`);
  return attestation;
}

/** The round of `kind` and its position in `rounds` (each kind is drawn at most once per case). */
export function findRound(attestation: Attestation, kind: RoundKind): { round: ScoringRound; index: number } | undefined {
  const index = (attestation.rounds ?? []).findIndex((round) => round.kind === kind);
  const round = attestation.rounds?.[index];
  return round ? { round, index } : undefined;
}

export function requireRound(attestation: Attestation, kind: RoundKind): { round: ScoringRound; index: number } {
  const found = findRound(attestation, kind);
  if (!found) throw new InvalidCaseState(`attestation ${attestation.id} has no ${kind} round`);
  return found;
}

/** Everyone who ever sat on a round: the drawn members, the extra member, and every reserve who took over. */
export function peopleOfRound(round: ScoringRound): string[] {
  return [
    ...round.members,
    ...(round.extraMembers ?? []),
    ...(round.replacements ?? []).flatMap((replacement) => (replacement.reserveId ? [replacement.reserveId] : [])),
  ];
}

/**
 * Everyone who has been on the case: every round's people, and every slot of the case (a slot exists only
 * for someone who was asked to score it). A fresh panel (recheck, appeal) and every reserve exclude them all.
 */
export function peopleOnCase(attestation: Attestation, slots: readonly Pick<PanelSlot, "memberId">[] = []): Set<string> {
  return new Set([...(attestation.rounds ?? []).flatMap(peopleOfRound), ...slots.map((slot) => slot.memberId)]);
}

/**
 * The positions of a round's panel, in order: each drawn member followed along the reserves who took
 * their place, then the extra member. One sheet at most is sealed per position (a late member's
 * assignment expires before a reserve takes over), so a position is one vote in the mean.
 */
export function panelPositions(round: ScoringRound): string[][] {
  const chainFrom = (memberId: string): string[] => {
    const chain = [memberId];
    for (let step = 0; step < 100; step++) {
      const last = chain[chain.length - 1];
      const next = (round.replacements ?? []).find((replacement) => replacement.memberId === last && replacement.reserveId)?.reserveId;
      if (!next || chain.includes(next)) break;
      chain.push(next);
    }
    return chain;
  };
  return [...round.members, ...(round.extraMembers ?? [])].map(chainFrom);
}

/** The engine's view of the case: the teacher, their school (whose staff never score them), and who is excluded. */
export function attestationPanelCase(attestation: Attestation, excludedUserIds: Iterable<string>): PanelCase {
  return {
    caseId: attestation.id,
    candidateId: attestation.candidateId,
    ...(attestation.schoolId !== undefined ? { schoolId: attestation.schoolId } : {}),
    ...(attestation.district !== undefined ? { districtId: attestation.district } : {}),
    excludedUserIds: [...new Set(excludedUserIds)].sort(),
  };
}

export function targetOf(attestation: Attestation) {
  const target = attestation.targetCategory;
  if (!isAttestedCategory(target)) throw new InvalidCaseState(`attestation ${attestation.id} targets ${target}, which is not attested`);
  return target;
}

async function attestationCommission(attestation: Attestation, level: CommissionLevel): Promise<Commission | undefined> {
  const territory = commissionTerritory({ level, schoolId: attestation.schoolId, district: attestation.district, region: attestation.region });
  return territory === "" ? undefined : currentCommission("attestation", level, territory);
}

/** The commission that decides the case: the law's level for the target category (п.19-23). */
export function decidingCommission(attestation: Attestation): Promise<Commission | undefined> {
  return attestationCommission(attestation, commissionLevelFor(targetOf(attestation)));
}

/**
 * The commission the panel is drawn from: the deciding one, except at school level, where the product
 * draws from the district's pool so that no colleague scores a colleague (DOMAIN.md §4).
 */
export function poolCommission(attestation: Attestation): Promise<Commission | undefined> {
  const level = commissionLevelFor(targetOf(attestation));
  return attestationCommission(attestation, level === "school" ? "district" : level);
}

/** The portfolio sheet the case pinned when it was filed. */
export function rubricOf(attestation: Attestation): Rubric {
  const rubric = getRubric(attestation.rubricId);
  if (!rubric || rubric.kind !== "attestation") throw new InvalidCaseState(`rubric ${attestation.rubricId} pinned by attestation ${attestation.id} is missing`);
  return rubric;
}

/** The attestation rules the case pinned (by id, or by version for cases that recorded only that). */
export function rulesOf(attestation: Attestation): AttestationRules {
  const rules = getAttestationRules(attestation.rulesVersion) ?? listAttestationRules().find((entry) => entry.version === attestation.rulesVersion);
  if (!rules) throw new InvalidCaseState(`rules ${attestation.rulesVersion} pinned by attestation ${attestation.id} are missing`);
  return rules;
}

/** The statuses in which a round is being scored (a recheck is drawn from scoring too; an appeal stays appealed). */
export const SCORING_STATUSES: readonly Attestation["status"][] = ["scoring", "appealed"];

/**
 * The slot tasks' view of an attestation (see ReplacementContext): the round the late member sits on, its
 * pool's reserves first and then its other members, and everyone who has been on the case kept out.
 */
export async function attestationReplacementContext(ref: SlotRef): Promise<ReplacementContext> {
  const attestation = await requireAttestation(ref.caseId);
  const index = (attestation.rounds ?? []).findIndex((round) => peopleOfRound(round).includes(ref.memberId));
  const round = attestation.rounds?.[index];
  if (!round) throw new InvalidCaseState(`member ${ref.memberId} sits on no round of attestation ${attestation.id}`);
  return {
    drawSeed: round.seed,
    panelCaseOf: (applicationId) => {
      if (applicationId !== attestation.id) throw new InvalidCaseState(`attestation ${attestation.id} has no application ${applicationId}`);
      return attestationPanelCase(attestation, []);
    },
    reserveGroups: async () => {
      const commission = await requireCommission(round.commissionId);
      return [await commissionMembers(commission, ["reserve"]), await commissionMembers(commission, ["chair", "member"])];
    },
    excludedMembers: (slots) => peopleOnCase(attestation, slots),
    recordReplacement: (replacement) =>
      updateAttestationWhere(attestation.id, {
        append: { [`rounds[${index}].replacements`]: [replacement] },
        condition: when.statusIn(SCORING_STATUSES),
      }),
  };
}

/** Holds while round `index` has no `attribute` yet (a step's result is written once per round). */
export function roundAttributeAbsent(index: number, attribute: string): Condition {
  if (!/^[A-Za-z]+$/.test(attribute)) throw new Error(`not a plain attribute name: ${attribute}`);
  return { expression: `attribute_not_exists(#rounds[${index}].#round_${attribute})`, names: { "#rounds": "rounds", [`#round_${attribute}`]: attribute } };
}

/** Holds while the case has exactly `count` rounds: a new round is appended once, by the first writer. */
export function roundCountIs(count: number): Condition {
  return count === 0
    ? { expression: "attribute_not_exists(#rounds)", names: { "#rounds": "rounds" } }
    : { expression: "size(#rounds) = :roundCount", names: { "#rounds": "rounds" }, values: { ":roundCount": count } };
}

/**
 * Draws `panelSize` members for the case from `pool` (every member of that commission; its reserves only
 * where the others cannot fill the panel) with the assignment engine, nobody in `excluded`, and a seed
 * drawn only now that the inputs are fixed. Returns the record to keep, from which verifyDraw recomputes
 * the draw, and the panel, or why there is none.
 */
export async function drawFromPool(
  attestation: Attestation,
  pool: Commission,
  panelSize: number,
  excluded: Iterable<string>,
): Promise<{ record: AssignmentRecord; panel: string[] } | { record: AssignmentRecord; panel: undefined; reason: string }> {
  const input = {
    seed: randomBytes(32).toString("hex"),
    panelSize,
    cases: [attestationPanelCase(attestation, excluded)],
    members: await loadPanelMembers(pool.members),
  };
  const result = assignPanels(input);
  const record = assignmentRecord(input, result);
  const panel = Object.hasOwn(result.panels, attestation.id) ? result.panels[attestation.id] : undefined;
  if (panel === undefined || panel.length !== panelSize) {
    return { record, panel: undefined, reason: result.unassigned[0]?.reason ?? `no panel of ${panelSize} for attestation ${attestation.id}` };
  }
  return { record, panel };
}

/** The attributes every step that ends the wait for the commission's vote removes, the chair's index entry with them. */
export const VOTE_WAIT_ATTRIBUTES = ["voteTaskToken", "voteRound", ...CHAIR_VOTE_INDEX_ATTRIBUTES] as const;
