import { DomainError, isDomainError } from "../domainError.ts";
import { assignPanels } from "./assignPanels.ts";
import { canonicalJson, sha256Hex } from "./canonicalJson.ts";
import { competitionCase, type PanelCandidate, type PanelMember } from "./eligibility.ts";
import { outcomeDifference, type VerifyDrawResult } from "./verifyDraw.ts";

export type DrawCompetitionPanelInput = {
  /** Chosen after the inputs are fixed (e.g. from a public source), so nobody can aim the draw. */
  seed: string;
  panelSize: number;
  vacancySchoolId: string;
  members: PanelMember[];
  candidates: PanelCandidate[];
};

export type DrawCompetitionPanelResult =
  | { ok: true; inputsHash: string; seed: string; panels: Record<string, string[]>; reserves: string[] }
  | { ok: false; code: "no_eligible_panel"; inputsHash: string; applicationIds: string[] };

/**
 * Bumped whenever the algorithm changes, so a recorded hash also says which algorithm to rerun.
 * 1: a lexicographic min-cost flow of its own (Bellman-Ford paths, a seeded rank as a third cost).
 * 2: assignPanels (ASSIGNMENT_ENGINE_VERSION 1), the engine shared with attestation.
 */
export const COMPETITION_DRAW_VERSION = 2;

function invalid(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError("invalid_draw_input", message, details);
}

const sortedUnique = (values: readonly string[]): string[] => [...new Set(values)].sort();
const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

type NormalizedInput = {
  panelSize: number;
  vacancySchoolId: string;
  members: PanelMember[];
  candidates: PanelCandidate[];
};

// The order in which members, candidates and conflicts are listed carries no meaning, so it is removed
// before hashing and before drawing: the same facts always give the same hash and the same panels.
function normalize(input: DrawCompetitionPanelInput): NormalizedInput {
  const { panelSize, vacancySchoolId, members, candidates } = input;
  if (!Number.isSafeInteger(panelSize) || panelSize < 1) throw invalid("panelSize must be a positive integer", { panelSize });
  const userIds = new Set<string>();
  for (const member of members) {
    if (userIds.has(member.userId)) throw invalid(`member ${member.userId} is listed twice`, { userId: member.userId });
    userIds.add(member.userId);
    for (const [field, value] of [["loadCap", member.loadCap], ["currentLoad", member.currentLoad]] as const) {
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
        throw invalid(`member ${member.userId} has an invalid ${field}`, { userId: member.userId, [field]: value });
      }
    }
  }
  const applicationIds = new Set<string>();
  for (const candidate of candidates) {
    if (applicationIds.has(candidate.applicationId)) {
      throw invalid(`application ${candidate.applicationId} is listed twice`, { applicationId: candidate.applicationId });
    }
    applicationIds.add(candidate.applicationId);
  }
  return {
    panelSize,
    vacancySchoolId,
    members: members
      .map((member) => {
        const normalized: PanelMember = {
          userId: member.userId,
          role: member.role,
          currentLoad: member.currentLoad ?? 0,
          conflicts: { userIds: sortedUnique(member.conflicts.userIds), schoolIds: sortedUnique(member.conflicts.schoolIds) },
        };
        if (member.schoolId !== undefined) normalized.schoolId = member.schoolId;
        if (member.loadCap !== undefined) normalized.loadCap = member.loadCap;
        return normalized;
      })
      .sort(byKey((member) => member.userId)),
    candidates: candidates
      .map((candidate) => {
        const normalized: PanelCandidate = { applicationId: candidate.applicationId, candidateId: candidate.candidateId };
        if (candidate.schoolId !== undefined) normalized.schoolId = candidate.schoolId;
        return normalized;
      })
      .sort(byKey((candidate) => candidate.applicationId)),
  };
}

/**
 * The commitment to a draw's inputs. The seed is deliberately left out: the inputs can be fixed and
 * their hash published before the seed exists, which proves the inputs were not tuned to a known seed.
 */
export function competitionDrawInputsHash(input: Omit<DrawCompetitionPanelInput, "seed">): string {
  return hashNormalized(normalize({ ...input, seed: "" }));
}

function hashNormalized(normalized: NormalizedInput): string {
  return sha256Hex(canonicalJson({ drawVersion: COMPETITION_DRAW_VERSION, ...normalized }));
}

/**
 * Draws a scoring panel of `panelSize` members for every candidate of one competition: assignPanels with
 * one case per application (see competitionCase: the candidate's school and the hiring school are both
 * excluded), so the competition and attestation draws are one engine with one set of hard constraints.
 *
 * Within the constraints the draw is the cheapest assignment under these priorities, in order:
 *   1. as few reserve seats as possible (reserves only where chairs/members cannot fill a panel);
 *   2. load spread evenly: the least sum of squared final loads (current load + this draw);
 * and among equally cheap assignments the seeded tie-breaks of assignPanels decide.
 *
 * If some candidate cannot get a full panel the draw fails as a whole (no partial panels) and names the
 * candidates assignPanels could not serve.
 */
export function drawCompetitionPanel(input: DrawCompetitionPanelInput): DrawCompetitionPanelResult {
  if (input.seed === "") throw invalid("a draw needs a seed");
  const normalized = normalize(input);
  const inputsHash = hashNormalized(normalized);
  const { seed } = input;
  const { panelSize, vacancySchoolId, members, candidates } = normalized;
  const result = assignPanels({
    seed,
    panelSize,
    members,
    cases: candidates.map((candidate) => competitionCase(candidate, vacancySchoolId)),
  });
  if (result.unassigned.length > 0) {
    return { ok: false, code: "no_eligible_panel", inputsHash, applicationIds: result.unassigned.map(({ caseId }) => caseId) };
  }
  return { ok: true, inputsHash, seed, panels: result.panels, reserves: result.reserves };
}

/** A competition draw as recorded with the vacancy (PanelDraw): its inputs, seed, hash and outcome. */
export type CompetitionDrawRecord = Omit<DrawCompetitionPanelInput, "seed"> & {
  seed: string;
  inputsHash: string;
  drawVersion?: number;
  panels: Record<string, string[]>;
  reserves: string[];
};

/**
 * Recomputes a recorded competition draw from its recorded inputs and seed (see verifyDraw): the version
 * is this code's, the inputs hash to the recorded hash, and the panels and reserves are the recorded ones.
 */
export function verifyCompetitionDraw(record: CompetitionDrawRecord): VerifyDrawResult {
  if (record.drawVersion !== COMPETITION_DRAW_VERSION) {
    return { ok: false, reason: `recorded with draw version ${String(record.drawVersion)}; this code runs version ${COMPETITION_DRAW_VERSION}` };
  }
  const { seed, panelSize, vacancySchoolId, members, candidates } = record;
  let result: DrawCompetitionPanelResult;
  try {
    result = drawCompetitionPanel({ seed, panelSize, vacancySchoolId, members, candidates });
  } catch (error) {
    if (isDomainError(error)) return { ok: false, reason: `the recorded inputs are not a valid draw: ${error.message}` };
    throw error;
  }
  if (result.inputsHash !== record.inputsHash) {
    return { ok: false, reason: `the recorded inputs hash to ${result.inputsHash}, not to the recorded ${record.inputsHash}` };
  }
  if (!result.ok) return { ok: false, reason: `the recorded inputs give no panel for ${result.applicationIds.join(", ")}` };
  const difference = outcomeDifference(result, record);
  return difference === undefined ? { ok: true } : { ok: false, reason: difference };
}
