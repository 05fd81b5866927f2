import { randomBytes, randomUUID } from "node:crypto";
import { ExecutionError, type RunOptions, type StateMachine } from "aws-local-stepfunctions";
import {
  WAIT_CONTINUES,
  type CompiledStateMachine,
  type JSONValue,
  type LocalTask,
  type WrappedTaskInput,
} from "./definition.ts";
import type { ExecutionRecord, ExecutionStatus, ExecutionStore } from "./executionStore.ts";
import {
  namedError,
  resolveWait,
  setLongTimeout,
  sleepUntil,
  TaskLimits,
  UncatchableError,
} from "./timing.ts";

export type TaskHandler = (payload: unknown) => Promise<unknown>;
export type Log = (entry: Record<string, unknown>) => void;

type EventLogs = ReturnType<StateMachine["run"]>["eventLogs"];
type TaskOverride = NonNullable<NonNullable<RunOptions["overrides"]>["taskResourceLocalHandlers"]>[string];
type Outcome = Pick<ExecutionRecord, "status" | "output" | "error" | "cause">;

/** Step Functions' limit on execution input, task output and the like. */
const MAX_PAYLOAD_BYTES = 262_144;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** AWS: 1-80 characters, no whitespace, brackets, wildcards, the listed punctuation or control characters. */
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/u;
/** Closed tokens are remembered so late callbacks get TaskTimedOut like AWS, within a bounded memory. */
const REMEMBERED_CLOSED_TOKENS = 10_000;

/** An AWS API error: the HTTP layer sends it as a 400 with `__type` = code. */
export class SfnError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = code;
    this.code = code;
  }
}

interface RunningExecution {
  record: ExecutionRecord;
  /** Aborted when the execution ends for any reason: releases its token waits, sleeps and timers. */
  controller: AbortController;
  abortRun: () => void;
  cancelTimeout: () => void;
}

interface OpenToken {
  executionArn: string;
  stateName: string;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  heartbeat: () => void;
}

export interface EngineOptions {
  region: string;
  accountId: string;
  stateMachines: CompiledStateMachine[];
  handlers: Map<string, TaskHandler>;
  store: ExecutionStore | undefined;
  log: Log;
  /** Builds the library's own States.Timeout error, the only kind its States.TaskFailed matcher skips. */
  timeoutError: () => Error;
}

export class LocalStepFunctionsEngine {
  private readonly options: EngineOptions;
  private readonly machines = new Map<string, CompiledStateMachine>();
  private readonly createdAt = Date.now();
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly running = new Map<string, RunningExecution>();
  private readonly tokens = new Map<string, OpenToken>();
  private readonly closedTokens = new Set<string>();
  /**
   * The library hands the same $$.Task.Token to a whole run, so it gets this marker instead and every task
   * instance swaps it for a freshly minted token of its own.
   */
  private readonly tokenMarker = `local-task-token-${randomUUID()}`;
  private handlersRunning = 0;
  private idleWaiters: Array<() => void> = [];
  private closed = false;

  constructor(options: EngineOptions) {
    this.options = options;
    for (const machine of options.stateMachines) this.machines.set(this.stateMachineArn(machine.name), machine);
  }

  stateMachineArn(name: string): string {
    return `arn:aws:states:${this.options.region}:${this.options.accountId}:stateMachine:${name}`;
  }

  /** Makes stored executions describable and re-drives the unfinished ones from the start with their input. */
  resume(records: ExecutionRecord[]): void {
    for (const record of records) {
      this.executions.set(record.executionArn, record);
      if (record.status !== "RUNNING") continue;
      const machine = this.machines.get(record.stateMachineArn);
      if (machine) {
        this.options.log({ event: "execution.redriven", executionArn: record.executionArn });
        this.launch(record, machine, "deferred");
      } else {
        Object.assign(record, {
          status: "ABORTED",
          cause: "The state machine is no longer defined",
          stopDate: Date.now(),
        } satisfies Partial<ExecutionRecord>);
        this.persist(record).catch((error: unknown) => this.persistFailed(record, error));
      }
    }
  }

  async startExecution(request: { stateMachineArn: string; name?: string; input?: string }): Promise<ExecutionRecord> {
    const machine = this.machines.get(request.stateMachineArn);
    if (!machine) {
      throw new SfnError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${request.stateMachineArn}'`);
    }
    const name = request.name ?? randomUUID();
    if (!EXECUTION_NAME.test(name)) throw new SfnError("InvalidName", `Invalid Name: '${name}'`);
    const input = request.input ?? "{}";
    checkPayloadSize(input, "input");
    try {
      JSON.parse(input);
    } catch {
      throw new SfnError("InvalidExecutionInput", "Invalid State Machine Execution Input: input is not valid JSON");
    }

    const executionArn =
      `arn:aws:states:${this.options.region}:${this.options.accountId}:execution:${machine.name}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      // AWS Standard: repeating a running execution's name and input is an idempotent retry.
      if (existing.status === "RUNNING" && existing.input === input) return existing;
      throw new SfnError("ExecutionAlreadyExists", `Execution Already Exists: '${executionArn}'`);
    }

    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: request.stateMachineArn,
      name,
      status: "RUNNING",
      input,
      startDate: Date.now(),
    };
    this.executions.set(executionArn, record);
    try {
      await this.persist(record);
    } catch (error) {
      this.executions.delete(executionArn);
      throw error;
    }
    // Closing while the record was being written leaves it RUNNING on disk: the next start re-drives it.
    if (!this.closed) this.launch(record, machine, "now");
    return record;
  }

  describeExecution(executionArn: string): ExecutionRecord {
    if (!executionArn.startsWith("arn:")) throw new SfnError("InvalidArn", `Invalid Arn: '${executionArn}'`);
    const record = this.executions.get(executionArn);
    if (!record) throw new SfnError("ExecutionDoesNotExist", `Execution Does Not Exist: '${executionArn}'`);
    return record;
  }

  /** Newest first, as AWS lists them. */
  listExecutions(stateMachineArn: string, statusFilter: ExecutionStatus | undefined): ExecutionRecord[] {
    if (!this.machines.has(stateMachineArn)) {
      throw new SfnError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${stateMachineArn}'`);
    }
    return [...this.executions.values()]
      .filter((record) => record.stateMachineArn === stateMachineArn)
      .filter((record) => statusFilter === undefined || record.status === statusFilter)
      .sort((a, b) => b.startDate - a.startDate || (a.executionArn < b.executionArn ? 1 : -1));
  }

  async stopExecution(executionArn: string, error: string | undefined, cause: string | undefined): Promise<ExecutionRecord> {
    const record = this.describeExecution(executionArn);
    const running = this.running.get(executionArn);
    if (running) await this.finish(running, { status: "ABORTED", error, cause });
    return record;
  }

  sendTaskSuccess(taskToken: string, output: string): void {
    const open = this.findToken(taskToken);
    checkPayloadSize(output, "output");
    let value: unknown;
    try {
      value = JSON.parse(output);
    } catch {
      throw new SfnError("InvalidOutput", "Invalid Output: output is not valid JSON");
    }
    this.closeToken(taskToken);
    this.options.log({ event: "task.callback", outcome: "success", executionArn: open.executionArn, state: open.stateName });
    open.resolve(value);
  }

  sendTaskFailure(taskToken: string, error: string | undefined, cause: string | undefined): void {
    const open = this.findToken(taskToken);
    this.closeToken(taskToken);
    this.options.log({
      event: "task.callback",
      outcome: "failure",
      executionArn: open.executionArn,
      state: open.stateName,
      error,
    });
    const failure = new Error(cause ?? "");
    failure.name = error ?? "";
    open.reject(failure);
  }

  sendTaskHeartbeat(taskToken: string): void {
    this.findToken(taskToken).heartbeat();
  }

  listStateMachines(): Array<{ stateMachineArn: string; machine: CompiledStateMachine; creationDate: number }> {
    return [...this.machines].map(([stateMachineArn, machine]) => ({
      stateMachineArn,
      machine,
      creationDate: this.createdAt,
    }));
  }

  idle(): Promise<void> {
    if (this.handlersRunning === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops everything in memory; the records of unfinished executions stay RUNNING on disk to be re-driven. */
  async close(): Promise<void> {
    this.closed = true;
    for (const running of this.running.values()) {
      running.controller.abort();
      running.abortRun();
      running.cancelTimeout();
    }
    this.running.clear();
    await this.options.store?.flush();
  }

  /**
   * The library calls the first Task's handler synchronously inside run(). A re-driven execution therefore starts
   * on a later turn ("deferred"), once the caller holds the endpoint its handlers may call back into; until then
   * it is already registered, so StopExecution and close() can cancel it.
   */
  private launch(record: ExecutionRecord, machine: CompiledStateMachine, when: "now" | "deferred"): void {
    const running: RunningExecution = {
      record,
      controller: new AbortController(),
      abortRun: () => undefined,
      cancelTimeout: () => undefined,
    };
    this.running.set(record.executionArn, running);
    if (when === "now") this.run(running, machine);
    else setImmediate(() => this.run(running, machine));
  }

  private run(running: RunningExecution, machine: CompiledStateMachine): void {
    if (running.controller.signal.aborted) return;
    const record = running.record;
    this.options.log({ event: "execution.started", executionArn: record.executionArn, stateMachine: machine.name });

    const taskResourceLocalHandlers: Record<string, TaskOverride> = {};
    for (const [stateName, task] of machine.tasks) {
      taskResourceLocalHandlers[stateName] = (input) => this.runTask(running, stateName, task, input);
    }
    const execution = machine.machine.run(JSON.parse(record.input) as JSONValue, {
      overrides: {
        taskResourceLocalHandlers,
        retryIntervalOverrides: Object.fromEntries(machine.waitSleepStates.map((stateName) => [stateName, 0])),
      },
      context: {
        Execution: { Id: record.executionArn, Name: record.name },
        StateMachine: { Id: record.stateMachineArn, Name: machine.name },
        Task: { Token: this.tokenMarker },
      },
    });
    running.abortRun = execution.abort;
    void this.logStates(record.executionArn, execution.eventLogs);
    if (machine.timeoutSeconds !== undefined) {
      // Measured from the recorded start, so a re-driven execution keeps its original deadline.
      running.cancelTimeout = setLongTimeout(record.startDate + machine.timeoutSeconds * 1000, () =>
        this.settle(running, { status: "TIMED_OUT", error: "States.Timeout", cause: "Execution timed out" }),
      );
    }
    execution.result.then(
      (output) => this.settle(running, { status: "SUCCEEDED", output: JSON.stringify(output) }),
      (error: unknown) => this.settle(running, failureOf(error)),
    );
  }

  private settle(running: RunningExecution, outcome: Outcome): void {
    this.finish(running, outcome).catch((error: unknown) => this.persistFailed(running.record, error));
  }

  private persistFailed(record: ExecutionRecord, error: unknown): void {
    this.options.log({
      level: "error",
      event: "execution.persist_failed",
      executionArn: record.executionArn,
      error: errorName(error),
    });
  }

  private finish(running: RunningExecution, outcome: Outcome): Promise<void> {
    // Already finished, stopped, timed out or closed: the first ending wins.
    if (running.controller.signal.aborted) return Promise.resolve();
    running.controller.abort();
    running.abortRun();
    running.cancelTimeout();
    this.running.delete(running.record.executionArn);

    const record = running.record;
    record.status = outcome.status;
    record.stopDate = Date.now();
    if (outcome.output !== undefined) record.output = outcome.output;
    if (outcome.error) record.error = outcome.error;
    if (outcome.cause) record.cause = outcome.cause;
    this.options.log({
      event: "execution.finished",
      executionArn: record.executionArn,
      status: record.status,
      error: record.error,
      durationMs: record.stopDate - record.startDate,
    });
    return this.persist(record);
  }

  private persist(record: ExecutionRecord): Promise<void> {
    return this.options.store?.save(record) ?? Promise.resolve();
  }

  private async runTask(running: RunningExecution, stateName: string, task: LocalTask, input: JSONValue): Promise<JSONValue> {
    switch (task.kind) {
      case "resolveWait":
        return resolveWait(input);
      case "sleepUntil":
        return sleepUntil(input, running.controller.signal);
      case "task":
        return this.invokeTask(running, stateName, task, input as unknown as WrappedTaskInput);
    }
  }

  private async invokeTask(
    running: RunningExecution,
    stateName: string,
    task: Extract<LocalTask, { kind: "task" }>,
    input: WrappedTaskInput,
  ): Promise<JSONValue> {
    const limits = new TaskLimits(
      task.timeoutSeconds ?? positiveSeconds(input.timeoutSeconds, "TimeoutSecondsPath"),
      task.heartbeatSeconds ?? positiveSeconds(input.heartbeatSeconds, "HeartbeatSecondsPath"),
      running.controller.signal,
      this.options.timeoutError,
    );
    const handler = this.options.handlers.get(task.functionName);
    if (!handler) throw new UncatchableError("States.Runtime", `No handler for function "${task.functionName}"`);
    const entry = { executionArn: running.record.executionArn, state: stateName, function: task.functionName };
    const startedAt = performance.now();
    this.options.log({ event: "task.started", ...entry, integration: task.integration });
    try {
      let result: unknown;
      switch (task.integration) {
        case "direct":
          result = await limits.race(this.callHandler(handler, input.payload));
          break;
        case "invoke":
          result = { Payload: await limits.race(this.callHandler(handler, invokePayload(input.payload))), StatusCode: 200 };
          break;
        case "waitForTaskToken":
          result = await this.waitForTaskToken(running, stateName, handler, input.payload, limits);
          break;
      }
      this.options.log({ event: "task.succeeded", ...entry, durationMs: Math.round(performance.now() - startedAt) });
      return result as JSONValue;
    } catch (error) {
      this.options.log({
        event: "task.failed",
        ...entry,
        error: errorName(error),
        durationMs: Math.round(performance.now() - startedAt),
      });
      throw error;
    } finally {
      limits.dispose();
    }
  }

  private async waitForTaskToken(
    running: RunningExecution,
    stateName: string,
    handler: TaskHandler,
    parameters: unknown,
    limits: TaskLimits,
  ): Promise<unknown> {
    const token = randomBytes(32).toString("base64url");
    const callback = Promise.withResolvers<unknown>();
    // A callback may fail while the handler is still running; it is awaited right after the handler returns.
    callback.promise.catch(() => undefined);
    this.tokens.set(token, {
      executionArn: running.record.executionArn,
      stateName,
      resolve: callback.resolve,
      reject: callback.reject,
      heartbeat: () => limits.heartbeat(),
    });
    try {
      await limits.race(this.callHandler(handler, replaceMarker(invokePayload(parameters), this.tokenMarker, token)));
      return await limits.race(callback.promise);
    } finally {
      this.closeToken(token);
    }
  }

  /** Crosses a JSON boundary both ways, as a Lambda invocation does, and reports errors as Lambda would. */
  private async callHandler(handler: TaskHandler, payload: unknown): Promise<unknown> {
    this.handlersRunning += 1;
    try {
      return jsonCopy(await handler(jsonCopy(payload)));
    } catch (error) {
      throw lambdaError(error);
    } finally {
      this.handlersRunning -= 1;
      if (this.handlersRunning === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        waiters.forEach((resolve) => resolve());
      }
    }
  }

  private findToken(taskToken: string): OpenToken {
    if (!TOKEN_PATTERN.test(taskToken)) throw new SfnError("InvalidToken", "Invalid Token: malformed task token");
    const open = this.tokens.get(taskToken);
    if (open) return open;
    if (this.closedTokens.has(taskToken)) {
      throw new SfnError("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'");
    }
    throw new SfnError("TaskDoesNotExist", "Task Does Not Exist: no task is waiting for this token");
  }

  private closeToken(taskToken: string): void {
    if (!this.tokens.delete(taskToken)) return;
    this.closedTokens.add(taskToken);
    if (this.closedTokens.size > REMEMBERED_CLOSED_TOKENS) {
      const oldest = this.closedTokens.values().next().value;
      if (oldest !== undefined) this.closedTokens.delete(oldest);
    }
  }

  /** Draining the event log also keeps it from piling up in memory; payloads are deliberately left out. */
  private async logStates(executionArn: string, events: EventLogs): Promise<void> {
    const enteredAt = new Map<string, number>();
    for await (const event of events) {
      if (!("state" in event)) continue;
      const key = `${event.state.name}#${event.index ?? ""}`;
      const entry = { executionArn, state: event.state.name, type: event.state.type, index: event.index };
      switch (event.type) {
        case "StateEntered":
          enteredAt.set(key, event.timestamp);
          break;
        case "StateExited":
          this.options.log({
            level: "debug",
            event: "state.exited",
            ...entry,
            durationMs: event.timestamp - (enteredAt.get(key) ?? event.timestamp),
          });
          enteredAt.delete(key);
          break;
        case "StateFailed":
          if (event.Error !== WAIT_CONTINUES) this.options.log({ event: "state.failed", ...entry, error: event.Error });
          break;
        case "StateCaught":
          this.options.log({ event: "state.caught", ...entry });
          break;
        case "StateRetried":
          if (!event.retry.retrier.ErrorEquals.includes(WAIT_CONTINUES)) {
            this.options.log({ event: "state.retried", ...entry, attempt: event.retry.attempt });
          }
          break;
      }
    }
  }
}

function positiveSeconds(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new UncatchableError("States.Runtime", `${field} must select a positive integer`);
  }
  return value;
}

function invokePayload(parameters: unknown): unknown {
  const payload = (parameters as { Payload?: unknown }).Payload;
  return payload === undefined ? {} : payload;
}

function replaceMarker(value: unknown, marker: string, token: string): unknown {
  if (typeof value === "string") return value.replaceAll(marker, token);
  if (Array.isArray(value)) return value.map((item) => replaceMarker(item, marker, token));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceMarker(item, marker, token)]));
  }
  return value;
}

/** Lambda reports a thrown error as errorType (the error's name, matched by Catch) and a JSON Cause. */
function lambdaError(error: unknown): Error {
  const errorType = error instanceof Error ? error.name : "Error";
  const errorMessage = error instanceof Error ? error.message : String(error);
  return namedError(errorType, JSON.stringify({ errorType, errorMessage }));
}

function failureOf(error: unknown): Outcome {
  const cause = error instanceof ExecutionError ? error.cause : error;
  if (cause instanceof Error) return { status: "FAILED", error: cause.name, cause: cause.message };
  return { status: "FAILED", error: "States.Runtime", cause: String(cause) };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function jsonCopy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

function checkPayloadSize(text: string, field: string): void {
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) {
    throw new SfnError("ValidationException", `'${field}' must be at most ${MAX_PAYLOAD_BYTES} bytes`);
  }
}
