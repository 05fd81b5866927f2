import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

export type ExecutionStatus = "RUNNING" | "SUCCEEDED" | "FAILED" | "ABORTED" | "TIMED_OUT";

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  /** JSON text exactly as StartExecution received it. */
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  /** Epoch milliseconds. */
  startDate: number;
  stopDate?: number;
}

const STATUSES = new Set<string>(["RUNNING", "SUCCEEDED", "FAILED", "ABORTED", "TIMED_OUT"]);

/** One JSON file per execution, replaced atomically, so a crash leaves either the old or the new record. */
export class ExecutionStore {
  private readonly directory: string;
  /** Writes of one execution are chained so an older snapshot can never overwrite a newer one. */
  private readonly pending = new Map<string, Promise<void>>();

  private constructor(directory: string) {
    this.directory = directory;
  }

  static async open(dataDir: string): Promise<ExecutionStore> {
    const directory = join(dataDir, "executions");
    await mkdir(directory, { recursive: true });
    return new ExecutionStore(directory);
  }

  /** Records that cannot be read are reported and skipped rather than blocking the whole endpoint. */
  async loadAll(onUnreadable: (file: string, reason: string) => void): Promise<ExecutionRecord[]> {
    const records: ExecutionRecord[] = [];
    for (const file of await readdir(this.directory)) {
      const path = join(this.directory, file);
      if (file.endsWith(".tmp")) {
        await rm(path, { force: true });
        continue;
      }
      if (!file.endsWith(".json")) continue;
      try {
        const record: unknown = JSON.parse(await readFile(path, "utf8"));
        if (!isExecutionRecord(record)) throw new Error("not an execution record");
        records.push(record);
      } catch (error) {
        onUnreadable(file, error instanceof Error ? error.message : String(error));
      }
    }
    return records;
  }

  save(record: ExecutionRecord): Promise<void> {
    const snapshot = JSON.stringify(record);
    const file = join(this.directory, `${createHash("sha256").update(record.executionArn).digest("hex")}.json`);
    const previous = this.pending.get(record.executionArn) ?? Promise.resolve();
    const write = previous.then(async () => {
      const temp = `${file}.${randomUUID()}.tmp`;
      await writeFile(temp, snapshot, { flush: true });
      await rename(temp, file);
    });
    const settled = write.catch(() => undefined);
    this.pending.set(record.executionArn, settled);
    void settled.then(() => {
      if (this.pending.get(record.executionArn) === settled) this.pending.delete(record.executionArn);
    });
    return write;
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending.values());
  }
}

function isExecutionRecord(value: unknown): value is ExecutionRecord {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record["executionArn"] === "string" &&
    typeof record["stateMachineArn"] === "string" &&
    typeof record["name"] === "string" &&
    typeof record["input"] === "string" &&
    typeof record["startDate"] === "number" &&
    typeof record["status"] === "string" &&
    STATUSES.has(record["status"])
  );
}
