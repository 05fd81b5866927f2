import { StateMachine, type StateMachineDefinition } from "aws-local-stepfunctions";

type JsonObject = Record<string, unknown>;

/** The library's JSON value type, which it does not export. */
export type JSONValue = Parameters<StateMachine["run"]>[0];

/**
 * Longest delay a Node timer accepts: anything larger fires after 1 ms instead (TimeoutOverflowWarning).
 * The library arms plain setTimeout for Task timeouts and Wait states, so a 30-day deadline would pass at once.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The library always arms its own Task timer (60 s when the state has no TimeoutSeconds, where AWS waits up to a
 * year). Every Task handed to it gets this longest safe value; the engine enforces the real limits itself.
 */
const LIBRARY_TASK_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

/** A Wait sleeps in slices that end well before the library's Task timer, and retries itself until its deadline. */
export const WAIT_SLICE_MS = (LIBRARY_TASK_TIMEOUT_SECONDS - 60) * 1000;
export const WAIT_CONTINUES = "Local.WaitContinues";

const LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
const LAMBDA_INVOKE_WAIT = "arn:aws:states:::lambda:invoke.waitForTaskToken";
const TASK_TOKEN_PATH = "$$.Task.Token";
const PLACEHOLDER = /^\$\{([A-Za-z0-9_-]+)\}$/;

export type Integration = "direct" | "invoke" | "waitForTaskToken";

/** What the engine runs for one library Task state, keyed by that state's name. */
export type LocalTask =
  | {
      kind: "task";
      integration: Integration;
      functionName: string;
      timeoutSeconds?: number;
      heartbeatSeconds?: number;
    }
  | { kind: "resolveWait" }
  | { kind: "sleepUntil" };

/**
 * Shape of the input the engine's Task overrides receive: the rewritten Parameters wrap the state's real payload
 * so that TimeoutSecondsPath / HeartbeatSecondsPath are resolved by the library's own JSONPath evaluation.
 */
export interface WrappedTaskInput {
  payload: unknown;
  timeoutSeconds?: unknown;
  heartbeatSeconds?: unknown;
}

export interface CompiledStateMachine {
  name: string;
  definition: JsonObject;
  machine: StateMachine;
  tasks: Map<string, LocalTask>;
  /** Synthetic wait states whose retry interval must be overridden to zero. */
  waitSleepStates: string[];
  functionNames: Set<string>;
  timeoutSeconds?: number;
}

export function compileStateMachine(name: string, definition: JsonObject): CompiledStateMachine {
  // Default validation accepts "${name}" Resources; checkArn:false would reject them (two schemas then match).
  new StateMachine(definition as unknown as StateMachineDefinition);
  rejectUnexecutedFeatures(name, definition);

  const compiler = new Compiler(name);
  const { TimeoutSeconds, ...top } = definition;
  const rewritten = { ...top, States: compiler.rewriteStates(definition["States"]) };
  compiler.checkSyntheticNames();

  return {
    name,
    definition,
    machine: new StateMachine(rewritten as unknown as StateMachineDefinition, {
      validationOptions: { noValidate: true },
    }),
    tasks: compiler.tasks,
    waitSleepStates: compiler.waitSleepStates,
    functionNames: new Set(
      [...compiler.tasks.values()].flatMap((task) => (task.kind === "task" ? [task.functionName] : [])),
    ),
    // An execution timeout can exceed a timer's range, so the engine arms it from the recorded start date.
    ...(typeof TimeoutSeconds === "number" ? { timeoutSeconds: TimeoutSeconds } : {}),
  };
}

/** The library silently skips JSONata and variables; running such a workflow locally would be a lie. */
function rejectUnexecutedFeatures(machineName: string, node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach((child) => rejectUnexecutedFeatures(machineName, child));
    return;
  }
  if (!isObject(node)) return;
  if (node["QueryLanguage"] === "JSONata") {
    throw new Error(`State machine "${machineName}": JSONata is not executed locally; write the workflow in JSONPath`);
  }
  if ("Assign" in node) {
    throw new Error(`State machine "${machineName}": "Assign" (variables) is not executed locally`);
  }
  Object.values(node).forEach((child) => rejectUnexecutedFeatures(machineName, child));
}

class Compiler {
  readonly tasks = new Map<string, LocalTask>();
  readonly waitSleepStates: string[] = [];
  private readonly machineName: string;
  private readonly userStateNames = new Set<string>();

  constructor(machineName: string) {
    this.machineName = machineName;
  }

  rewriteStates(states: unknown): JsonObject {
    if (!isObject(states)) throw new Error(`State machine "${this.machineName}": "States" must be an object`);
    const out: JsonObject = {};
    for (const [stateName, state] of Object.entries(states)) {
      if (!isObject(state)) throw new Error(this.where(stateName, "must be an object"));
      this.userStateNames.add(stateName);
      switch (state["Type"]) {
        case "Task":
          out[stateName] = this.rewriteTask(stateName, state);
          break;
        case "Wait":
          Object.assign(out, this.rewriteWait(stateName, state));
          break;
        case "Map": {
          const key = "ItemProcessor" in state ? "ItemProcessor" : "Iterator";
          const processor = state[key];
          if (!isObject(processor)) throw new Error(this.where(stateName, `has no ${key}`));
          out[stateName] = { ...state, [key]: { ...processor, States: this.rewriteStates(processor["States"]) } };
          break;
        }
        case "Parallel": {
          const branches = Array.isArray(state["Branches"]) ? state["Branches"] : [];
          out[stateName] = {
            ...state,
            Branches: branches.map((branch: JsonObject) => ({ ...branch, States: this.rewriteStates(branch["States"]) })),
          };
          break;
        }
        default:
          out[stateName] = state;
      }
    }
    return out;
  }

  checkSyntheticNames(): void {
    for (const synthetic of this.waitSleepStates) {
      if (this.userStateNames.has(synthetic)) {
        throw new Error(this.where(synthetic, "clashes with the name the local engine gives a Wait state's second half"));
      }
    }
  }

  private rewriteTask(stateName: string, state: JsonObject): JsonObject {
    const {
      Resource,
      Parameters,
      TimeoutSeconds,
      TimeoutSecondsPath,
      HeartbeatSeconds,
      HeartbeatSecondsPath,
      ...rest
    } = state;
    const { integration, functionName } = this.resolveResource(stateName, Resource, Parameters);

    const wrapper: JsonObject = "Parameters" in state ? { payload: Parameters } : { "payload.$": "$" };
    if (typeof TimeoutSecondsPath === "string") wrapper["timeoutSeconds.$"] = TimeoutSecondsPath;
    if (typeof HeartbeatSecondsPath === "string") wrapper["heartbeatSeconds.$"] = HeartbeatSecondsPath;

    this.tasks.set(stateName, {
      kind: "task",
      integration,
      functionName,
      ...(typeof TimeoutSeconds === "number" ? { timeoutSeconds: TimeoutSeconds } : {}),
      ...(typeof HeartbeatSeconds === "number" ? { heartbeatSeconds: HeartbeatSeconds } : {}),
    });
    return { ...rest, Resource, Parameters: wrapper, TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS };
  }

  private resolveResource(
    stateName: string,
    resource: unknown,
    parameters: unknown,
  ): { integration: Integration; functionName: string } {
    const direct = typeof resource === "string" ? PLACEHOLDER.exec(resource)?.[1] : undefined;
    if (direct !== undefined) return { integration: "direct", functionName: direct };

    if (resource === LAMBDA_INVOKE || resource === LAMBDA_INVOKE_WAIT) {
      const functionName = isObject(parameters) && typeof parameters["FunctionName"] === "string"
        ? PLACEHOLDER.exec(parameters["FunctionName"])?.[1]
        : undefined;
      if (functionName === undefined) {
        throw new Error(this.where(stateName, `needs Parameters.FunctionName of the form "\${functionName}"`));
      }
      if (resource === LAMBDA_INVOKE) return { integration: "invoke", functionName };
      if (!isObject(parameters) || !mentionsTaskToken(parameters["Payload"])) {
        throw new Error(this.where(stateName, `must pass "${TASK_TOKEN_PATH}" in Parameters.Payload`));
      }
      return { integration: "waitForTaskToken", functionName };
    }

    throw new Error(
      this.where(
        stateName,
        `has Resource ${JSON.stringify(resource)}; the local engine runs only "\${functionName}", ` +
          `"${LAMBDA_INVOKE}" and "${LAMBDA_INVOKE_WAIT}" with FunctionName "\${functionName}"`,
      ),
    );
  }

  /**
   * A Wait becomes two engine-run Tasks: the first turns Seconds/Timestamp(Path) into an absolute deadline, the
   * second sleeps towards it in timer-safe slices, retrying itself (WAIT_CONTINUES) until the deadline has passed.
   * An absolute deadline is what lets a slice retry resume rather than restart a relative wait.
   */
  private rewriteWait(stateName: string, state: JsonObject): JsonObject {
    const sleepName = `${stateName} #sleep`;
    const parameters: JsonObject = { "input.$": "$" };
    if ("Seconds" in state) parameters["seconds"] = state["Seconds"];
    else if ("SecondsPath" in state) parameters["seconds.$"] = state["SecondsPath"];
    else if ("Timestamp" in state) parameters["timestamp"] = state["Timestamp"];
    else if ("TimestampPath" in state) parameters["timestamp.$"] = state["TimestampPath"];

    this.tasks.set(stateName, { kind: "resolveWait" });
    this.tasks.set(sleepName, { kind: "sleepUntil" });
    this.waitSleepStates.push(sleepName);

    const resolve: JsonObject = {
      Type: "Task",
      Resource: "local:wait",
      Parameters: parameters,
      TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
      Next: sleepName,
    };
    if ("InputPath" in state) resolve["InputPath"] = state["InputPath"];

    const sleep: JsonObject = {
      Type: "Task",
      Resource: "local:wait",
      TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
      Retry: [{ ErrorEquals: [WAIT_CONTINUES], MaxAttempts: Number.MAX_SAFE_INTEGER }],
    };
    for (const key of ["OutputPath", "Next", "End"]) {
      if (key in state) sleep[key] = state[key];
    }
    return { [stateName]: resolve, [sleepName]: sleep };
  }

  private where(stateName: string, problem: string): string {
    return `State machine "${this.machineName}", state "${stateName}": ${problem}`;
  }
}

function mentionsTaskToken(template: unknown): boolean {
  if (Array.isArray(template)) return template.some(mentionsTaskToken);
  if (!isObject(template)) return false;
  return Object.entries(template).some(
    ([key, value]) => (key.endsWith(".$") && typeof value === "string" && value.includes(TASK_TOKEN_PATH)) ||
      mentionsTaskToken(value),
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
