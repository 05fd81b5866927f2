import { isDomainError } from "../domainError.ts";
import {
  ASSIGNMENT_ENGINE_VERSION,
  assignmentInputsHash,
  assignPanels,
  type AssignmentInputs,
  type AssignPanelsInput,
  type AssignPanelsResult,
  type UnassignedCase,
} from "./assignPanels.ts";

/** What is recorded with a draw: its inputs, seed, the inputs' hash and the outcome, enough to recompute it. */
export type AssignmentRecord = AssignmentInputs & AssignPanelsResult;

export type VerifyDrawResult = { ok: true } | { ok: false; reason: string };

/** The record to store for a draw made by assignPanels(input). */
export function assignmentRecord(input: AssignPanelsInput, result: AssignPanelsResult): AssignmentRecord {
  return { ...result, panelSize: input.panelSize, cases: input.cases, members: input.members };
}

/**
 * Recomputes a recorded draw from its recorded inputs and seed and says whether it stands: the engine
 * version is one this code runs, the inputs hash to the recorded hash, and the recomputed panels, reserves
 * and unassigned cases are the recorded ones. Pure; the reason names the first difference found.
 */
export function verifyDraw(record: AssignmentRecord): VerifyDrawResult {
  if (record.engineVersion !== ASSIGNMENT_ENGINE_VERSION) {
    return { ok: false, reason: `recorded with engine version ${String(record.engineVersion)}; this code runs version ${ASSIGNMENT_ENGINE_VERSION}` };
  }
  let recomputed: AssignPanelsResult;
  try {
    const inputs = { panelSize: record.panelSize, cases: record.cases, members: record.members };
    const inputsHash = assignmentInputsHash(inputs);
    if (inputsHash !== record.inputsHash) {
      return { ok: false, reason: `the recorded inputs hash to ${inputsHash}, not to the recorded ${record.inputsHash}` };
    }
    recomputed = assignPanels({ ...inputs, seed: record.seed });
  } catch (error) {
    if (isDomainError(error)) return { ok: false, reason: `the recorded inputs are not a valid draw: ${error.message}` };
    throw error;
  }
  const difference = outcomeDifference(recomputed, record);
  return difference === undefined ? { ok: true } : { ok: false, reason: difference };
}

type Outcome = { panels: Record<string, string[]>; reserves: string[]; unassigned?: readonly Pick<UnassignedCase, "caseId" | "code">[] };

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((value, index) => value === b[index]);

/** The first way `recorded` differs from `recomputed`, in words; undefined when it does not. */
export function outcomeDifference(recomputed: Outcome, recorded: Outcome): string | undefined {
  const own = (panels: Record<string, string[]>, id: string): string[] | undefined => (Object.hasOwn(panels, id) ? panels[id] : undefined);
  const ids = [...new Set([...Object.keys(recomputed.panels), ...Object.keys(recorded.panels)])].sort();
  for (const id of ids) {
    const expected = own(recomputed.panels, id);
    const actual = own(recorded.panels, id);
    if (!sameList(expected, actual)) {
      const show = (panel: string[] | undefined): string => (panel === undefined ? "no panel" : `[${panel.join(", ")}]`);
      return `case ${id}: the recomputed draw gives ${show(expected)}, the record says ${show(actual)}`;
    }
  }
  if (!sameList(recomputed.reserves, recorded.reserves)) {
    return `the recomputed reserves are [${recomputed.reserves.join(", ")}], the record says [${(recorded.reserves ?? []).join(", ")}]`;
  }
  if (recomputed.unassigned !== undefined) {
    const show = (list: readonly Pick<UnassignedCase, "caseId" | "code">[] | undefined): string[] =>
      (list ?? []).map(({ caseId, code }) => `${caseId}:${code}`);
    if (!sameList(show(recomputed.unassigned), show(recorded.unassigned))) {
      return `the recomputed unassigned cases are [${show(recomputed.unassigned).join(", ")}], the record says [${show(recorded.unassigned).join(", ")}]`;
    }
  }
  return undefined;
}
