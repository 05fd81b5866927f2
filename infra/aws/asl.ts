// Reading Amazon States Language files: which Lambda placeholders a workflow's Task states name, and the
// same document with those placeholders replaced. Only Task states are looked at, so a `${name}` written
// in prose (a Comment) is neither taken for a task nor substituted.
import { readFileSync } from "node:fs";

export interface AslState {
  Type?: string;
  Resource?: unknown;
  Parameters?: Record<string, unknown>;
  Iterator?: AslMachine;
  ItemProcessor?: AslMachine;
  Branches?: AslMachine[];
  [field: string]: unknown;
}

export interface AslMachine {
  StartAt: string;
  States: Record<string, AslState>;
  [field: string]: unknown;
}

// `${closeApplications}` names functions/tasks/closeApplications.ts.
const placeholderPattern = /^\$\{([A-Za-z][A-Za-z0-9]*)\}$/;

export function readAsl(file: string): AslMachine {
  return JSON.parse(readFileSync(file, "utf8")) as AslMachine;
}

// Visits every Task state, including those inside Map (ItemProcessor, or the older Iterator) and
// Parallel branches, at any depth.
function forEachTask(machine: AslMachine, visit: (state: AslState, stateName: string) => void): void {
  for (const [stateName, state] of Object.entries(machine.States)) {
    if (state.Type === "Task") visit(state, stateName);
    for (const nested of [state.ItemProcessor, state.Iterator, ...(state.Branches ?? [])]) {
      if (nested) forEachTask(nested, visit);
    }
  }
}

// The two places a Task names its Lambda: `Resource` (the direct form) or `Parameters.FunctionName`
// (the `lambda:invoke` integrations, e.g. `.waitForTaskToken`).
function placeholderSlots(state: AslState): { get: () => unknown; set: (value: string) => void }[] {
  const parameters = state.Parameters;
  return [
    { get: () => state.Resource, set: (value) => (state.Resource = value) },
    ...(parameters ? [{ get: () => parameters.FunctionName, set: (value: string) => (parameters.FunctionName = value) }] : []),
  ];
}

function placeholderIn(value: unknown, stateName: string): string | undefined {
  if (typeof value !== "string" || !value.includes("${")) return undefined;
  const match = placeholderPattern.exec(value);
  if (!match?.[1]) throw new Error(`Task state ${stateName}: "${value}" is not a \${taskName} placeholder`);
  return match[1];
}

/** The distinct task names a workflow's Task states refer to, sorted. */
export function taskPlaceholders(machine: AslMachine): string[] {
  const names = new Set<string>();
  forEachTask(machine, (state, stateName) => {
    for (const slot of placeholderSlots(state)) {
      const name = placeholderIn(slot.get(), stateName);
      if (name) names.add(name);
    }
  });
  return [...names].sort();
}

/** A copy of the workflow with each task placeholder replaced by `resolve(name)` (a function ARN). */
export function substitutePlaceholders(machine: AslMachine, resolve: (taskName: string) => string): AslMachine {
  const copy = structuredClone(machine);
  forEachTask(copy, (state, stateName) => {
    for (const slot of placeholderSlots(state)) {
      const name = placeholderIn(slot.get(), stateName);
      if (name) slot.set(resolve(name));
    }
  });
  return copy;
}
