import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ExecutionRecord, ExecutionStatus } from "./executionStore.ts";
import { SfnError, type LocalStepFunctionsEngine, type Log } from "./localStepFunctions.ts";

type Body = Record<string, unknown>;
type Operation = (request: Body) => Body | Promise<Body>;

const TARGET_PREFIX = "AWSStepFunctions.";
const CONTENT_TYPE = "application/x-amz-json-1.0";
const MAX_BODY_BYTES = 1024 * 1024;
const STATUSES = new Set<string>(["RUNNING", "SUCCEEDED", "FAILED", "ABORTED", "TIMED_OUT"]);

export interface SfnHttpServer {
  endpoint: string;
  close(): Promise<void>;
}

/** Speaks the AWS JSON 1.0 protocol of Step Functions, so an unmodified SFNClient can talk to the engine. */
export async function startSfnHttpServer(
  engine: LocalStepFunctionsEngine,
  options: { port: number; accountId: string; log: Log },
): Promise<SfnHttpServer> {
  const operations = operationsFor(engine, `arn:aws:iam::${options.accountId}:role/local-stepfunctions`);

  const server = createServer((request, response) => {
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const target = request.headers["x-amz-target"];
    const operationName =
      typeof target === "string" && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : undefined;
    let status = 200;
    let body: Body;
    let executionArn: unknown;
    try {
      const operation = operationName === undefined ? undefined : operations.get(operationName);
      if (request.method !== "POST" || !operation) {
        throw new SfnError("UnknownOperationException", `Unknown operation ${String(target)}`);
      }
      const input = await readJson(request);
      executionArn = input["executionArn"];
      body = await operation(input);
      executionArn ??= body["executionArn"];
    } catch (error) {
      if (error instanceof SfnError) {
        status = 400;
        body = { __type: error.code, message: error.message };
      } else {
        status = 500;
        body = { __type: "InternalFailure", message: "Internal failure in the local Step Functions endpoint" };
        options.log({ level: "error", event: "sfn.internal_error", operation: operationName, error: errorText(error) });
      }
    }
    const text = JSON.stringify(body);
    response.writeHead(status, {
      "content-type": CONTENT_TYPE,
      "content-length": Buffer.byteLength(text),
      "x-amzn-requestid": randomUUID(),
    });
    response.end(text);
    options.log({
      event: "sfn.request",
      operation: operationName,
      status,
      ...(status === 200 ? {} : { error: body["__type"] }),
      ...(typeof executionArn === "string" ? { executionArn } : {}),
      durationMs: Math.round(performance.now() - startedAt),
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // SDK clients keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

function operationsFor(engine: LocalStepFunctionsEngine, roleArn: string): Map<string, Operation> {
  const describeStateMachine = (stateMachineArn: string) => {
    const found = engine.listStateMachines().find((entry) => entry.stateMachineArn === stateMachineArn);
    if (!found) throw new SfnError("StateMachineDoesNotExist", `State Machine Does Not Exist: '${stateMachineArn}'`);
    return found;
  };

  return new Map<string, Operation>([
    [
      "StartExecution",
      async (request) => {
        const record = await engine.startExecution({
          stateMachineArn: requiredString(request, "stateMachineArn"),
          ...optional("name", optionalString(request, "name")),
          ...optional("input", optionalString(request, "input")),
        });
        return { executionArn: record.executionArn, startDate: seconds(record.startDate) };
      },
    ],
    ["DescribeExecution", (request) => describe(engine.describeExecution(requiredString(request, "executionArn")))],
    [
      "ListExecutions",
      (request) => {
        const statusFilter = optionalString(request, "statusFilter");
        if (statusFilter !== undefined && !STATUSES.has(statusFilter)) {
          throw new SfnError("ValidationException", `Invalid statusFilter '${statusFilter}'`);
        }
        const records = engine.listExecutions(
          requiredString(request, "stateMachineArn"),
          statusFilter as ExecutionStatus | undefined,
        );
        const page = paginate(records, (record) => record.executionArn, request);
        return {
          executions: page.items.map((record) => ({
            executionArn: record.executionArn,
            stateMachineArn: record.stateMachineArn,
            name: record.name,
            status: record.status,
            startDate: seconds(record.startDate),
            ...optional("stopDate", record.stopDate === undefined ? undefined : seconds(record.stopDate)),
          })),
          ...optional("nextToken", page.nextToken),
        };
      },
    ],
    [
      "StopExecution",
      async (request) => {
        const record = await engine.stopExecution(
          requiredString(request, "executionArn"),
          optionalString(request, "error"),
          optionalString(request, "cause"),
        );
        return { stopDate: seconds(record.stopDate ?? Date.now()) };
      },
    ],
    [
      "SendTaskSuccess",
      (request) => {
        engine.sendTaskSuccess(requiredString(request, "taskToken"), requiredString(request, "output"));
        return {};
      },
    ],
    [
      "SendTaskFailure",
      (request) => {
        engine.sendTaskFailure(
          requiredString(request, "taskToken"),
          optionalString(request, "error"),
          optionalString(request, "cause"),
        );
        return {};
      },
    ],
    [
      "SendTaskHeartbeat",
      (request) => {
        engine.sendTaskHeartbeat(requiredString(request, "taskToken"));
        return {};
      },
    ],
    [
      "ListStateMachines",
      (request) => {
        const page = paginate(engine.listStateMachines(), (entry) => entry.stateMachineArn, request);
        return {
          stateMachines: page.items.map((entry) => ({
            stateMachineArn: entry.stateMachineArn,
            name: entry.machine.name,
            type: "STANDARD",
            creationDate: seconds(entry.creationDate),
          })),
          ...optional("nextToken", page.nextToken),
        };
      },
    ],
    [
      "DescribeStateMachine",
      (request) => {
        const entry = describeStateMachine(requiredString(request, "stateMachineArn"));
        return {
          stateMachineArn: entry.stateMachineArn,
          name: entry.machine.name,
          status: "ACTIVE",
          definition: JSON.stringify(entry.machine.definition),
          roleArn,
          type: "STANDARD",
          creationDate: seconds(entry.creationDate),
        };
      },
    ],
  ]);
}

function describe(record: ExecutionRecord): Body {
  return {
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: seconds(record.startDate),
    ...optional("stopDate", record.stopDate === undefined ? undefined : seconds(record.stopDate)),
    input: record.input,
    inputDetails: { included: true },
    ...(record.output === undefined ? {} : { output: record.output, outputDetails: { included: true } }),
    ...optional("error", record.error),
    ...optional("cause", record.cause),
  };
}

/** The token names the last item returned, so items started meanwhile do not shift the next page. */
function paginate<T>(items: T[], keyOf: (item: T) => string, request: Body): { items: T[]; nextToken?: string } {
  const maxResults = optionalInteger(request, "maxResults") || 100;
  if (maxResults < 0 || maxResults > 1000) {
    throw new SfnError("ValidationException", "maxResults must be between 0 and 1000");
  }
  const nextToken = optionalString(request, "nextToken");
  let start = 0;
  if (nextToken !== undefined) {
    const after = Buffer.from(nextToken, "base64url").toString("utf8");
    const index = items.findIndex((item) => keyOf(item) === after);
    if (index < 0) throw new SfnError("InvalidToken", "Invalid Token: unknown nextToken");
    start = index + 1;
  }
  const page = items.slice(start, start + maxResults);
  const last = page.at(-1);
  return start + maxResults < items.length && last !== undefined
    ? { items: page, nextToken: Buffer.from(keyOf(last), "utf8").toString("base64url") }
    : { items: page };
}

async function readJson(request: IncomingMessage): Promise<Body> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new SfnError("SerializationException", "Request body is too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  let parsed: unknown;
  try {
    parsed = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new SfnError("SerializationException", "Request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new SfnError("SerializationException", "Request body must be a JSON object");
  }
  return parsed as Body;
}

function requiredString(request: Body, key: string): string {
  const value = optionalString(request, key);
  if (value === undefined) {
    throw new SfnError("ValidationException", `Value null at '${key}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

function optionalString(request: Body, key: string): string | undefined {
  const value = request[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new SfnError("SerializationException", `'${key}' must be a string`);
  return value;
}

function optionalInteger(request: Body, key: string): number | undefined {
  const value = request[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new SfnError("SerializationException", `'${key}' must be an integer`);
  }
  return value;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The protocol carries timestamps as epoch seconds. */
function seconds(epochMs: number): number {
  return epochMs / 1000;
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
