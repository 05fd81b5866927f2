import type { TaskHandler } from "./stepfunctions/index.ts";

// Test-only fault injection for the local stack's workflow tasks. It is handed to startLocalStack as an option and
// wraps the in-process task handlers there; nothing in functions/ knows about it, and nothing reads it from the
// environment, so no code path on AWS can ever take it.

/** What a faulty task does when its fault applies. */
export type TaskFault = (
  | {
      /** Throws the named error on the first `failTimes` matching calls (Infinity: always), then runs the handler. */
      failTimes: number;
      /** The thrown error's name, which Step Functions reports as the Lambda's errorType, e.g. "ThrottlingException". */
      error: "ThrottlingException" | "ProvisionedThroughputExceededException" | "TimeoutError" | (string & {});
      message?: string;
    }
  | {
      /** Never answers within the task's TimeoutSeconds: the engine's States.Timeout ends the attempt. */
      hang: true;
      /** After this long the hung call gives up like a Lambda reaching its own timeout (Sandbox.Timedout). */
      hangMs?: number;
    }
) & {
  /** Limits the fault to some calls, e.g. those of one case: `(payload) => payload.vacancyId === id`. */
  match?: (payload: unknown) => boolean;
  /** Called on every matching call, with its 1-based number and whether the fault was injected into it. */
  onCall?: (call: number, injected: boolean) => void;
};

/** Faults by task function name ("closeApplications", the placeholder of `${closeApplications}`); the first matching one applies. */
export type TaskFaults = Record<string, TaskFault | readonly TaskFault[]>;

export interface FaultInjector {
  wrap(functionName: string, handler: TaskHandler): TaskHandler;
  /** Releases hung calls, so that closing the stack does not wait for them. */
  dispose(): void;
}

const DEFAULT_HANG_MS = 60_000;

export function createFaultInjector(faults: TaskFaults): FaultInjector {
  const released = new AbortController();
  const calls = new Map<TaskFault, number>();
  return {
    wrap(functionName, handler) {
      const configured = faults[functionName];
      if (configured === undefined) return handler;
      const list: readonly TaskFault[] = Array.isArray(configured) ? configured : [configured as TaskFault];
      return async (payload) => {
        const fault = list.find((candidate) => candidate.match?.(payload) ?? true);
        if (!fault) return handler(payload);
        const call = (calls.get(fault) ?? 0) + 1;
        calls.set(fault, call);
        const inject = "hang" in fault || call <= fault.failTimes;
        fault.onCall?.(call, inject);
        if (!inject) return handler(payload);
        if ("hang" in fault) {
          await hang(fault.hangMs ?? DEFAULT_HANG_MS, released.signal);
          throw named("Sandbox.Timedout", `Injected fault: ${functionName} hung past its timeout`);
        }
        throw named(fault.error, fault.message ?? `Injected fault: ${functionName} failed with ${fault.error} (call ${call})`);
      };
    },
    dispose: () => released.abort(),
  };
}

function hang(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
