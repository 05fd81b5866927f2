import { ExecutionError, StateMachine } from "aws-local-stepfunctions";
import { MAX_TIMER_MS, WAIT_CONTINUES, WAIT_SLICE_MS, type JSONValue } from "./definition.ts";

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The library reads these two flags; like AWS's States.Runtime, such errors skip Retry and Catch. */
export class UncatchableError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;

  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Task timeout and heartbeat clocks; both end in the library's own States.Timeout error. */
export class TaskLimits {
  private readonly expired: Promise<never>;
  private readonly expire: (error: Error) => void;
  private readonly timeoutError: () => Error;
  private readonly heartbeatMs: number | undefined;
  private readonly signal: AbortSignal;
  private readonly onAbort = (): void => this.fail(new UncatchableError("ExecutionEnded", "The execution has ended"));
  private timeoutTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(
    timeoutSeconds: number | undefined,
    heartbeatSeconds: number | undefined,
    signal: AbortSignal,
    timeoutError: () => Error,
  ) {
    const { promise, reject } = Promise.withResolvers<never>();
    // Only raced while the task runs; once disposed nothing can reject it.
    promise.catch(() => undefined);
    this.expired = promise;
    this.expire = reject;
    this.timeoutError = timeoutError;
    this.signal = signal;
    this.heartbeatMs = heartbeatSeconds === undefined ? undefined : heartbeatSeconds * 1000;
    if (timeoutSeconds !== undefined) {
      // Beyond a timer's range the library's own Task timer (set to that range) fires first.
      this.timeoutTimer = setTimeout(() => this.fail(this.timeoutError()), Math.min(timeoutSeconds * 1000, MAX_TIMER_MS));
    }
    this.heartbeat();
    if (signal.aborted) this.onAbort();
    else signal.addEventListener("abort", this.onAbort, { once: true });
  }

  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.expired]);
  }

  heartbeat(): void {
    if (this.heartbeatMs === undefined) return;
    clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = setTimeout(() => this.fail(this.timeoutError()), Math.min(this.heartbeatMs, MAX_TIMER_MS));
  }

  dispose(): void {
    clearTimeout(this.timeoutTimer);
    clearTimeout(this.heartbeatTimer);
    this.signal.removeEventListener("abort", this.onAbort);
  }

  private fail(error: Error): void {
    this.dispose();
    this.expire(error);
  }
}

let timeoutErrorFactory: Promise<() => Error> | undefined;

/**
 * The library's States.TaskFailed matcher skips only its own, unexported timeout error class, so the timeouts the
 * engine raises (heartbeat, TimeoutSecondsPath) must be instances of it. A Task timing out after 1 ms yields one.
 */
export function libraryTimeoutError(): Promise<() => Error> {
  timeoutErrorFactory ??= (async () => {
    const probe = new StateMachine(
      { StartAt: "Probe", States: { Probe: { Type: "Task", Resource: "probe", TimeoutSeconds: 0.001, End: true } } },
      { validationOptions: { noValidate: true } },
    );
    const never = new Promise<JSONValue>(() => undefined);
    const execution = probe.run(null, { overrides: { taskResourceLocalHandlers: { Probe: () => never } } });
    const error = await execution.result.then(() => undefined, (reason: unknown) => reason);
    const cause = error instanceof ExecutionError ? error.cause : undefined;
    if (!(cause instanceof Error) || cause.name !== "States.Timeout") {
      throw new Error("aws-local-stepfunctions no longer reports a Task timeout as States.Timeout");
    }
    const TimeoutError = cause.constructor as new () => Error;
    return () => new TimeoutError();
  })();
  return timeoutErrorFactory;
}

/** First half of a rewritten Wait (see definition.ts): turns Seconds or Timestamp into an absolute deadline. */
export function resolveWait(input: JSONValue): JSONValue {
  const { input: data, seconds, timestamp } = input as { input: JSONValue; seconds?: unknown; timestamp?: unknown };
  let until = Date.now();
  if (seconds !== undefined) {
    if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 0) {
      throw new UncatchableError("States.Runtime", "Wait seconds must be a non-negative integer");
    }
    until += seconds * 1000;
  } else if (timestamp !== undefined) {
    if (typeof timestamp !== "string" || !RFC3339.test(timestamp) || Number.isNaN(Date.parse(timestamp))) {
      throw new UncatchableError("States.Runtime", "Wait timestamp must be an RFC 3339 timestamp");
    }
    until = Date.parse(timestamp);
  }
  return { input: data, until };
}

/** Second half of a rewritten Wait: sleeps one timer-safe slice, then asks the library to retry it if time is left. */
export async function sleepUntil(input: JSONValue, signal: AbortSignal): Promise<JSONValue> {
  const { input: data, until } = input as { input: JSONValue; until: number };
  const left = until - Date.now();
  if (left > 0) {
    await sleep(Math.min(left, WAIT_SLICE_MS), signal);
    if (until > Date.now()) throw namedError(WAIT_CONTINUES, "Wait continues in the next slice");
  }
  return data;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new UncatchableError("ExecutionEnded", "The execution has ended"));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Chains timers so that deadlines beyond a timer's range (an execution may run a year) neither fire early nor late. */
export function setLongTimeout(deadline: number, callback: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = (): void => {
    const left = deadline - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(callback, Math.max(0, left));
  };
  arm();
  return () => clearTimeout(timer);
}

export function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
