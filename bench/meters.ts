// What a local run would be billed for on AWS (issue #5 parts 4-5), counted while the local stack runs in
// this process: every Lambda invocation (the local stack's handler loader calls each API and task handler
// through `wrapInvocations`) with its duration, every DynamoDB request of the handlers' shared client with
// the capacity units DynamoDB reports for it (the meter asks for ReturnConsumedCapacity TOTAL on each
// request; production code never does), every S3 request of the handlers' S3 clients, and every state
// transition of the Step Functions engine (from its state log). Everything a handler does is attributed to
// that handler's module through AsyncLocalStorage, so the figures can be read per function. Installed only
// by the benchmarks, in their own process.

import { AsyncLocalStorage } from "node:async_hooks";
import { S3Client } from "@aws-sdk/client-s3";
import { wrapInvocations } from "../infra/local/handlers.ts";

export interface FunctionUse {
  invocations: number;
  failed: number;
  /** Sum of the invocations' durations, and of their billed durations (each rounded up to 1 ms). */
  totalMs: number;
  billedMs: number;
  durations: number[];
  dynamo: Record<string, { requests: number; readUnits: number; writeUnits: number }>;
  s3: Record<string, number>;
}

export interface Usage {
  functions: Record<string, FunctionUse>;
  /** State transitions as Step Functions Standard bills them, by workflow and state. */
  transitions: Record<string, number>;
  /** Time spent in each state (entered → exited), by workflow and state: count, total and p50 ms. */
  stateTimes: Record<string, number[]>;
  /** Client uploads straight to S3 with a presigned POST (one PUT-class request each), counted by the driver per case kind. */
  presignedUploads: Record<string, number>;
}

const UNATTRIBUTED = "(outside a handler)";

export function emptyUsage(): Usage {
  return { functions: {}, transitions: {}, stateTimes: {}, presignedUploads: {} };
}

/** Counts into one Usage per phase of a run (`next()` closes a phase). */
export class Meters {
  usage: Usage = emptyUsage();
  private readonly scope = new AsyncLocalStorage<string>();
  private readonly entered = new Map<string, number>();

  /** Starts counting into a fresh Usage and returns the one counted so far. */
  next(): Usage {
    const done = this.usage;
    this.usage = emptyUsage();
    return done;
  }

  private fn(name: string): FunctionUse {
    return (this.usage.functions[name] ??= { invocations: 0, failed: 0, totalMs: 0, billedMs: 0, durations: [], dynamo: {}, s3: {} });
  }

  install(documentClient: { middlewareStack: { add: (...args: any[]) => void } }): void {
    wrapInvocations(async (modulePath, invoke) => {
      const startedAt = performance.now();
      let failed = true;
      try {
        const result = await this.scope.run(modulePath, invoke);
        failed = false;
        return result;
      } finally {
        const ms = performance.now() - startedAt;
        const use = this.fn(modulePath);
        use.invocations += 1;
        use.failed += failed ? 1 : 0;
        use.totalMs += ms;
        use.billedMs += Math.max(1, Math.ceil(ms));
        use.durations.push(ms);
      }
    });

    documentClient.middlewareStack.add(
      (next: (args: any) => Promise<any>, context: { commandName?: string }) => async (args: any) => {
        args.input.ReturnConsumedCapacity = "TOTAL";
        const result = await next(args);
        const command = String(context.commandName ?? "unknown").replace(/Command$/, "");
        const use = this.fn(this.scope.getStore() ?? UNATTRIBUTED);
        const entry = (use.dynamo[command] ??= { requests: 0, readUnits: 0, writeUnits: 0 });
        entry.requests += 1;
        const consumed = result.output?.ConsumedCapacity;
        for (const capacity of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
          const units = Number(capacity.CapacityUnits ?? 0);
          const read = capacity.ReadCapacityUnits ?? (/^(Get|Query|Scan|BatchGet|TransactGet)/.test(command) ? units : 0);
          const write = capacity.WriteCapacityUnits ?? (/^(Get|Query|Scan|BatchGet|TransactGet)/.test(command) ? 0 : units);
          entry.readUnits += Number(read);
          entry.writeUnits += Number(write);
        }
        return result;
      },
      { step: "serialize", priority: "high", name: "benchCapacityMeter" },
    );

    // Every S3Client instance the handlers create (documents bucket) shares this prototype.
    const send = S3Client.prototype.send as (this: S3Client, command: any, ...rest: any[]) => Promise<any>;
    const meters = this;
    S3Client.prototype.send = function (this: S3Client, command: any, ...rest: any[]) {
      const use = meters.fn(meters.scope.getStore() ?? UNATTRIBUTED);
      const name = String(command?.constructor?.name ?? "unknown").replace(/Command$/, "");
      use.s3[name] = (use.s3[name] ?? 0) + 1;
      return send.call(this, command, ...rest);
    } as typeof S3Client.prototype.send;
  }

  /** The local Step Functions engine's state log (startLocalStack's `log`), turned into transitions and state times. */
  onStackLog(message: string, fields: Record<string, unknown> | undefined): void {
    if (message !== "state.exited" && message !== "state.retried" && message !== "state.failed") return;
    const arn = String(fields?.["executionArn"] ?? "");
    const machine = arn.split(":").at(-2) ?? "unknown";
    const rawState = String(fields?.["state"] ?? "");
    // The local engine runs a Wait as two library states, "X" and "X #sleep": AWS bills it as one.
    const state = rawState.replace(/ #sleep$/, "");
    const key = `${machine.replace(/^adal-/, "")}: ${state}`;
    if (message === "state.exited") {
      if (rawState === state) this.usage.transitions[key] = (this.usage.transitions[key] ?? 0) + 1;
      (this.usage.stateTimes[rawState === state ? key : `${key} (waiting)`] ??= []).push(Number(fields?.["durationMs"] ?? 0));
    } else if (message === "state.retried") {
      // A retried attempt is a transition of its own.
      this.usage.transitions[key] = (this.usage.transitions[key] ?? 0) + 1;
    }
  }
}
