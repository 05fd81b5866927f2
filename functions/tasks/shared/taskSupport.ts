import * as z from "zod/mini";
import { ConditionFailed } from "../../adapters/dynamo/transactions.ts";
import { getVacancy } from "../../adapters/dynamo/vacancyRecords.ts";
import type { Vacancy } from "../../domain/competition/records.ts";

// What every workflow task shares: input parsing at the edge, the errors the state machine's Retry and
// Catch match by name, and the actor its audit events are signed with.

/** The kinds of case a panel scores; a case's id is its vacancy id or its attestation id. */
export const CASE_KINDS = ["competition", "attestation"] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** Audit events written by a workflow (not by a person) carry its actor. */
export const workflowActor = (caseKind: CaseKind): string => `workflow:${caseKind}`;

/** The competition workflow's actor. */
export const WORKFLOW_ACTOR = workflowActor("competition");

/** Caught by a draw's Catch: the case ends as no_eligible_panel. Never retried. */
export class NoEligiblePanel extends Error {
  override name = "NoEligiblePanel";
}

/** Caught by ReplaceWithReserve's Catch: the applications go on with the sheets already in. Never retried. */
export class NoReserveAvailable extends Error {
  override name = "NoReserveAvailable";
}

/** The input does not have the shape the state machine promises: a definition bug, not a data problem. */
export class MalformedTaskInput extends Error {
  override name = "MalformedTaskInput";
}

/** A record is not in a state this step can act on (e.g. a cancelled vacancy); retrying will not help. */
export class InvalidCaseState extends Error {
  override name = "InvalidCaseState";
}

export const TaskId = z.string().check(z.minLength(1), z.maxLength(200));

/**
 * One panel member's share of a case's scoring, as the state machine passes it around. A competition
 * slot covers every application of the vacancy the member sits on; an attestation has one "application",
 * the attestation itself.
 */
export const SlotRef = z.object({
  caseKind: z.enum(CASE_KINDS),
  caseId: TaskId,
  slotId: TaskId,
  memberId: TaskId,
  applicationIds: z.array(TaskId),
});
export type SlotRef = z.infer<typeof SlotRef>;

/** Parses a task's input; the error names only the paths, never the values (they may hold task tokens). */
export function parseTaskInput<S extends z.ZodMiniType>(task: string, schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const paths = result.error.issues.map((issue) => issue.path.map(String).join(".") || "(input)");
    throw new MalformedTaskInput(`${task}: malformed input at ${[...new Set(paths)].join(", ")}`);
  }
  return result.data;
}

/** Read consistently: the previous step (or an API call) may have just changed it. */
export async function requireVacancy(vacancyId: string): Promise<Vacancy> {
  const vacancy = await getVacancy(vacancyId, true);
  if (!vacancy) throw new InvalidCaseState(`vacancy ${vacancyId} does not exist`);
  return vacancy;
}

/** True when the transaction failed on the condition of item `index` (the caller knows what that item guards). */
export function failedOn(error: unknown, index: number): boolean {
  return error instanceof ConditionFailed && error.index === index;
}
