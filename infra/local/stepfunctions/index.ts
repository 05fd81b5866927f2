import { compileStateMachine } from "./definition.ts";
import { ExecutionStore } from "./executionStore.ts";
import { LocalStepFunctionsEngine, type TaskHandler } from "./localStepFunctions.ts";
import { startSfnHttpServer } from "./sfnHttpServer.ts";
import { libraryTimeoutError } from "./timing.ts";

export type { TaskHandler };

export interface LocalStateMachine {
  name: string;
  /** ASL JSON; Task functions are named by "${placeholder}" strings. */
  definition: Record<string, unknown>;
}

export interface LocalStepFunctionsOptions {
  /** 0 or undefined: a random free port. Always bound to 127.0.0.1. */
  port?: number;
  region?: string;
  accountId?: string;
  stateMachines: LocalStateMachine[];
  /** Called once per function at start with the placeholder name, e.g. "closeApplications" for "${closeApplications}". */
  resolveTask: (functionName: string) => Promise<TaskHandler>;
  /** When set, executions are persisted here and unfinished ones are re-driven on the next start. */
  dataDir?: string;
  /** Structured log lines; they never carry payload contents. */
  log?: (entry: Record<string, unknown>) => void;
}

export interface LocalStepFunctions {
  endpoint: string;
  stateMachineArn(name: string): string;
  /** Stops the server and aborts running executions in memory; on disk they stay RUNNING, to be re-driven. */
  close(): Promise<void>;
  /** Resolves when no task handler is running. */
  idle(): Promise<void>;
}

export async function startLocalStepFunctions(options: LocalStepFunctionsOptions): Promise<LocalStepFunctions> {
  const region = options.region ?? "us-east-1";
  const accountId = options.accountId ?? "000000000000";
  const log = options.log ?? (() => undefined);

  const names = options.stateMachines.map((machine) => machine.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw new Error(`State machine "${duplicate}" is defined twice`);
  const stateMachines = options.stateMachines.map((machine) => compileStateMachine(machine.name, machine.definition));

  const functionNames = new Set(stateMachines.flatMap((machine) => [...machine.functionNames]));
  const handlers = new Map(
    await Promise.all([...functionNames].map(async (name) => [name, await options.resolveTask(name)] as const)),
  );
  const store = options.dataDir === undefined ? undefined : await ExecutionStore.open(options.dataDir);
  const engine = new LocalStepFunctionsEngine({
    region,
    accountId,
    stateMachines,
    handlers,
    store,
    log,
    timeoutError: await libraryTimeoutError(),
  });
  const records = store
    ? await store.loadAll((file, reason) => log({ level: "error", event: "execution.unreadable", file, reason }))
    : [];

  const server = await startSfnHttpServer(engine, { port: options.port ?? 0, accountId, log });
  engine.resume(records);
  log({ event: "sfn.listening", endpoint: server.endpoint, stateMachines: names });

  return {
    endpoint: server.endpoint,
    stateMachineArn: (name) => engine.stateMachineArn(name),
    close: async () => {
      try {
        await server.close();
      } finally {
        await engine.close();
      }
    },
    idle: () => engine.idle(),
  };
}
