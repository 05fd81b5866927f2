// Request overhead of the busiest routes (issue #5 part 2): `node bench/requestOverhead.ts`, or through
// `npm run bench`. An in-memory local stack (demo seed, DynamoDB Local) gets a published vacancy (through the
// HTTP API) and extra candidate users (written into the table as bench/loadCompetition.ts writes them); then
// each route's handler module is imported and invoked IN-PROCESS with an API Gateway v2 event built by the
// local gateway's own `httpApiEvent` (JWT claims of the user as the authorizer hands them over) and a Lambda
// context. Every DynamoDB command the handlers send goes through the shared client of
// functions/adapters/dynamo/client.ts, whose middleware stack gets a recorder here: per invocation it keeps
// each command's name, its (DocumentClient) input and when it started and ended. The raw baseline then replays
// exactly those commands (same inputs, same number; commands that overlapped in the handler are sent
// together) through a fresh DocumentClient against the same DynamoDB Local, after deleting the items the
// handler's puts created so that conditional puts meet the same state. Overhead = our p50 ÷ raw p50 − 1,
// target ≤ 10 %. Scans are reported, never thrown. To say where an overhead comes from, every invocation is
// run once more with DynamoDB answered from memory (the recorder returns the response it recorded, in order,
// without sending): that time is our layers alone (routing, claims, zod, domain rules, audit hashing, JSON,
// the SDK's own middleware), with no DynamoDB Local in it. The score-sheet route gets open assignments of the
// published vacancy written as the workflow's openMemberAssignments task writes them (assignment + panel
// slot, through the adapters' own item builders), one per invocation, for expert1; the slot never reaches 0,
// so no workflow task is completed (the last-sheet SendTaskSuccess happens once per member, not per sheet).

import type { IncomingMessage } from "node:http";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import * as lib from "@aws-sdk/lib-dynamodb";
import { DeleteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { routes } from "../functions/routes.ts";
import { assignmentItem, slotItem } from "../functions/adapters/dynamo/scoringRecords.ts";
import { getRubric } from "../functions/domain/rubrics/registry.ts";
import type { RouteDefinition } from "../functions/platform/http/routeDefinition.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../infra/local/awsLocal.ts";
import { AdalClient } from "../infra/local/client/adalClient.ts";
import { httpApiEvent, newRequestId } from "../infra/local/gateway/event.ts";
import { lambdaContext } from "../infra/local/handlers.ts";
import { hashPassword } from "../infra/local/identity/passwords.ts";
import { startLocalStack, TABLE_NAME } from "../infra/local/localStack.ts";
import { DEMO_PASSWORD } from "../infra/local/seed/demoRegion.ts";
import { scoreSheetFor } from "../infra/local/demo/competitionScenario.ts";
import { putItems } from "./benchSupport.ts";
import { nearestRank } from "./nearestRank.ts";

export interface OverheadOptions {
  runs?: number;
  warmups?: number;
  log?: (line: string) => void;
}

export interface Percentiles {
  p50: number;
  p99: number;
  mean: number;
}

export interface RouteOverhead {
  route: string;
  handler: string;
  runs: number;
  /** Invocations whose status was not the route's success status (their times are still in the figures). */
  failures: number;
  failureSample: string[];
  ours: Percentiles;
  raw: Percentiles;
  /** ours p50 ÷ raw p50 − 1. */
  overhead: number;
  /** The same invocations with every DynamoDB response served from memory: our layers alone. */
  stubbed: Percentiles;
  overheadPass: boolean;
  /** DynamoDB requests per invocation, by command (mean over the timed invocations; normally an integer). */
  dynamoRequestsPerInvocation: number;
  commands: Record<string, number>;
  scans: number;
  /** Raw replays whose command failed (e.g. a condition that no longer held); timed all the same. */
  rawReplayErrors: number;
  rawReplayErrorSample: string[];
}

export interface OverheadFigures {
  at: string;
  node: string;
  runs: number;
  warmups: number;
  target: number;
  routes: RouteOverhead[];
  wallSeconds: number;
}

const TARGET = 0.1;

interface Recorded {
  name: string;
  input: Record<string, unknown>;
  output?: unknown;
  start: number;
  end: number;
}

type Handler = (event: unknown, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => nearestRank(sorted, q)!;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { p50: round(at(0.5)), p99: round(at(0.99)), mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length) };
}

/** Groups a recorded sequence into batches: a command that started before the previous one ended ran alongside it. */
function batches(commands: readonly Recorded[]): Recorded[][] {
  const groups: Recorded[][] = [];
  let groupEnd = -Infinity;
  for (const command of commands) {
    if (groups.length > 0 && command.start < groupEnd) {
      groups.at(-1)!.push(command);
      groupEnd = Math.max(groupEnd, command.end);
    } else {
      groups.push([command]);
      groupEnd = command.end;
    }
  }
  return groups;
}

/** The recorder sees the low-level command name with the DocumentClient's (unmarshalled) input. */
const documentCommand: Record<string, string> = {
  GetItemCommand: "GetCommand", PutItemCommand: "PutCommand", UpdateItemCommand: "UpdateCommand", DeleteItemCommand: "DeleteCommand",
  QueryCommand: "QueryCommand", ScanCommand: "ScanCommand", BatchGetItemCommand: "BatchGetCommand", BatchWriteItemCommand: "BatchWriteCommand",
  TransactGetItemsCommand: "TransactGetCommand", TransactWriteItemsCommand: "TransactWriteCommand",
};

/** Keys of the items a recorded sequence put (PutItem, TransactWriteItems Put, BatchWriteItem PutRequest). */
function putKeys(commands: readonly Recorded[]): { table: string; key: Record<string, any> }[] {
  const keyOf = (item: Record<string, any>) => ({ PK: item["PK"], SK: item["SK"] });
  const out: { table: string; key: Record<string, any> }[] = [];
  for (const { name, input } of commands) {
    const i = input as Record<string, any>;
    if (name === "PutItemCommand") out.push({ table: i.TableName, key: keyOf(i.Item) });
    if (name === "TransactWriteItemsCommand")
      for (const entry of i.TransactItems ?? []) if (entry.Put) out.push({ table: entry.Put.TableName, key: keyOf(entry.Put.Item) });
    if (name === "BatchWriteItemCommand")
      for (const [table, requests] of Object.entries(i.RequestItems ?? {}))
        for (const request of requests as any[]) if (request.PutRequest) out.push({ table, key: keyOf(request.PutRequest.Item) });
  }
  return out;
}

export async function runRequestOverhead(options: OverheadOptions = {}): Promise<OverheadFigures> {
  const runs = options.runs ?? 200;
  const warmups = options.warmups ?? 20;
  const log = options.log ?? ((line: string) => console.error(line));
  const started = performance.now();
  const total = runs + warmups;

  const stack = await startLocalStack({ port: 0, seed: true, quiet: true });
  const raw = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
  );
  try {
    // ---- set-up through the HTTP API and the table ----------------------------------------------------
    const client = new AdalClient(stack.url);
    const hr = await client.login("hr.school1");
    const closesAt = new Date(Date.now() + 3 * 3600_000).toISOString();
    const vacancy = await client.request("POST", "/vacancies", {
      token: hr.token,
      body: { title: "Mathematics teacher", subject: "mathematics", language: "ru", kind: "teacher", hoursPerWeek: 16, employment: "permanent", closesAt },
    });
    if (vacancy.status !== 201) throw new Error(`create vacancy: ${vacancy.status} ${JSON.stringify(vacancy.body)}`);
    const publish = await client.request("POST", `/vacancies/${vacancy.body.id}/publish`, { token: hr.token });
    if (publish.status !== 200) throw new Error(`publish vacancy: ${publish.status} ${JSON.stringify(publish.body)}`);
    const vacancyId = vacancy.body.id as string;

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const candidates = Array.from({ length: total }, (_, i) => ({ id: `user-benchteacher${i + 1}`, schoolId: `school-${(i % 3) + 1}` }));
    const items = candidates.map(({ id, schoolId }, i) => ({
      PK: `USER#${id}`, SK: "USER", GSI1PK: `USERNAME#benchteacher${i + 1}`, GSI1SK: "USER", type: "user", id,
      username: `benchteacher${i + 1}`, passwordHash, roles: ["candidate"], schoolId, subjects: ["mathematics"], experienceYears: (i % 20) + 1, loadCap: 0,
    }));
    await putItems(raw, TABLE_NAME, items);

    // ---- the recorder on the handlers' shared client ---------------------------------------------------
    const { documentClient } = await import("../functions/adapters/dynamo/client.ts");
    let recording: Recorded[] | undefined;
    /** When set, the recorder answers each command with the next of these recorded responses instead of sending it. */
    let stubbing: Recorded[] | undefined;
    documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        if (stubbing) {
          const recorded = stubbing.shift();
          if (!recorded || recorded.name !== context.commandName) throw new Error(`stub: expected ${recorded?.name}, got ${String(context.commandName)}`);
          return { output: structuredClone(recorded.output), response: { statusCode: 200, headers: {} } } as Awaited<ReturnType<typeof next>>;
        }
        if (!recording) return next(args);
        const record: Recorded = {
          name: String(context.commandName ?? "unknown"),
          input: structuredClone(args.input as Record<string, unknown>),
          start: performance.now(),
          end: 0,
        };
        recording.push(record);
        try {
          const result = await next(args);
          // Kept by reference (the DocumentClient unmarshalls into new objects); cloned only when served back.
          record.output = result.output;
          return result;
        } finally {
          record.end = performance.now();
        }
      },
      { step: "serialize", priority: "high", name: "benchRequestRecorder" },
    );

    const port = Number(new URL(stack.url).port);
    const eventFor = (route: RouteDefinition, path: string, pathParameters: Record<string, string>, user?: { id: string; schoolId?: string; group?: string }, body?: unknown, key?: string) => {
      const text = body === undefined ? "" : JSON.stringify(body);
      const headersDistinct: Record<string, string[]> = { host: [`127.0.0.1:${port}`], "user-agent": ["adal-bench"] };
      if (text) headersDistinct["content-type"] = ["application/json"];
      if (key) headersDistinct["idempotency-key"] = [key];
      if (user) headersDistinct["authorization"] = ["Bearer bench"];
      const request = { headersDistinct, socket: { remoteAddress: "127.0.0.1", localPort: port }, method: route.method, httpVersion: "1.1" } as unknown as IncomingMessage;
      const now = Math.floor(Date.now() / 1000);
      return httpApiEvent({
        request, requestId: newRequestId(), receivedAt: new Date(), routeKey: `${route.method} ${route.path}`, rawPath: path, rawQueryString: "",
        pathParameters, body: Buffer.from(text),
        claims: user
          ? { sub: user.id, "cognito:groups": [user.group ?? "candidate"], ...(user.schoolId ? { "custom:schoolId": user.schoolId } : {}), iat: now, exp: now + 3600, token_use: "id" }
          : undefined,
      });
    };

    interface Invocation {
      ms: number;
      commands: Recorded[];
      status: number;
      body: string | undefined;
    }
    async function invoke(route: RouteDefinition, event: unknown, stub?: readonly Recorded[]): Promise<Invocation> {
      const handler = ((await import(`../functions/${route.handler}.ts`)) as { handler: Handler }).handler;
      const context = lambdaContext(`adal-${route.handler.split("/").at(-1)}`, 30_000);
      if (stub) stubbing = [...stub];
      else recording = [];
      const t0 = performance.now();
      const result = await handler(event, context).finally(() => (stubbing = undefined));
      const ms = performance.now() - t0;
      const commands = recording ?? [];
      recording = undefined;
      for (const command of commands) {
        command.start -= t0;
        command.end -= t0;
      }
      return { ms, commands, status: result.statusCode ?? 200, body: typeof result.body === "string" ? result.body : undefined };
    }

    async function replay(commands: readonly Recorded[]): Promise<{ ms: number; errors: string[] }> {
      const errors: string[] = [];
      const t0 = performance.now();
      for (const group of batches(commands)) {
        await Promise.all(
          group.map(async ({ name, input }) => {
            const Command = (lib as unknown as Record<string, new (input: unknown) => any>)[documentCommand[name] ?? name];
            if (!Command) throw new Error(`no command class ${name}`);
            try {
              await raw.send(new Command(structuredClone(input)));
            } catch (error) {
              errors.push(`${name}: ${(error as Error).name}`);
            }
          }),
        );
      }
      return { ms: performance.now() - t0, errors };
    }

    interface Measured {
      route: RouteDefinition;
      invocations: Invocation[];
      raw: number[];
      rawErrors: string[];
      stubbed: number[];
    }
    const measured = new Map<string, Measured>();
    /**
     * Each invocation is followed at once by the raw replay of the DynamoDB commands it sent and by the same
     * invocation with DynamoDB answered from memory, so that ours and raw meet DynamoDB Local equally warm (its
     * JVM keeps getting faster over the first thousands of requests: measuring all of ours before all of raw
     * charged that warm-up to ours). Between ours and raw, what the handler wrote is undone (not timed): the
     * items it put are deleted and `reset` puts back what its updates changed, so that the replay's conditions
     * meet the state the handler met.
     */
    async function measure(
      label: string,
      route: RouteDefinition,
      eventAt: (i: number) => unknown,
      after?: (invocation: Invocation, i: number) => void,
      reset?: (i: number) => Promise<void>,
    ): Promise<void> {
      log(`bench: request overhead — ${label}: ${total} invocations, each with its raw replay and its run against recorded responses`);
      const result: Measured = { route, invocations: [], raw: [], rawErrors: [], stubbed: [] };
      for (let i = 0; i < total; i++) {
        const event = eventAt(i);
        const invocation = await invoke(route, event);
        after?.(invocation, i);
        for (const { table, key } of putKeys(invocation.commands)) if (key.PK && key.SK) await raw.send(new DeleteCommand({ TableName: table, Key: key }));
        await reset?.(i);
        const replayed = await replay(invocation.commands);
        const stubbed = await invoke(route, event, invocation.commands);
        if (i < warmups) continue;
        result.invocations.push(invocation);
        result.raw.push(replayed.ms);
        result.rawErrors.push(...replayed.errors);
        result.stubbed.push(stubbed.ms);
      }
      measured.set(label, result);
    }

    // ---- ours: in-process handler invocations ---------------------------------------------------------
    await measure("GET /vacancies", routes.listVacancies, () => eventFor(routes.listVacancies, "/vacancies", {}));

    const applicationIds: string[] = new Array(total);
    await measure(
      "POST /vacancies/{id}/applications",
      routes.createApplication,
      (i) =>
        eventFor(routes.createApplication, `/vacancies/${vacancyId}/applications`, { id: vacancyId }, candidates[i],
          { claims: { education: "higher_full_time", experience: "years_5_10" } }, `bench-apply-${i}`),
      (invocation, i) => {
        if (invocation.status === 201 && invocation.body) applicationIds[i] = (JSON.parse(invocation.body) as { id: string }).id;
      },
    );

    const presignable = applicationIds.filter(Boolean).length;
    if (presignable === total) {
      await measure(
        "POST /applications/{id}/documents",
        routes.createApplicationDocument,
        (i) =>
          eventFor(routes.createApplicationDocument, `/applications/${applicationIds[i]}/documents`, { id: applicationIds[i]! }, candidates[i],
            { kind: "identity", fileName: "id.png", contentType: "image/png", size: 10 }, `bench-presign-${i}`),
      );
    } else log(`bench: request overhead — only ${presignable}/${total} applications created; presign not measured`);

    // Open assignments of the vacancy for expert1, one per invocation, on one slot that never runs out.
    const expert = { id: "user-expert1", group: "expert" };
    const slotId = "bench-slot";
    const createdAt = new Date().toISOString();
    const dueAt = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
    const openAssignments = applicationIds.filter(Boolean).map((applicationId, i) =>
      assignmentItem({ id: `bench-assignment-${i}`, caseKind: "competition", caseId: vacancyId, applicationId, expertId: expert.id, slotId, status: "open", dueAt, createdAt }));
    const slot = slotItem({
      id: slotId, caseKind: "competition", caseId: vacancyId, memberId: expert.id, applicationIds: applicationIds.filter(Boolean),
      // Each sheet counts down twice (ours and its raw replay): never reaching 0, no workflow task is completed.
      remaining: 2 * openAssignments.length + 1, status: "open", dueAt, createdAt,
    });
    if (openAssignments.length === total) {
      await putItems(raw, TABLE_NAME, [...openAssignments, slot]);
      const rubric = getRubric(String(vacancy.body.rubricId));
      if (!rubric) throw new Error(`rubric ${String(vacancy.body.rubricId)} of the vacancy is unknown`);
      const scores = scoreSheetFor(rubric, { education: "higher_full_time", experience: "years_5_10" });
      // The raw replay's update needs the assignment open again.
      await measure("POST /assignments/{id}/score-sheet", routes.submitScoreSheet, (i) =>
        eventFor(routes.submitScoreSheet, `/assignments/bench-assignment-${i}/score-sheet`, { id: `bench-assignment-${i}` }, expert, { scores }),
        undefined, async (i) => void (await raw.send(new lib.PutCommand({ TableName: TABLE_NAME, Item: openAssignments[i]! }))));
    } else log(`bench: request overhead — only ${openAssignments.length}/${total} applications created; score sheet not measured`);

    // ---- figures ----------------------------------------------------------------------------------------
    const figures: RouteOverhead[] = [...measured.entries()].map(([label, { route, invocations, raw: rawMs, rawErrors, stubbed }]) => {
      const commands: Record<string, number> = {};
      for (const invocation of invocations) for (const command of invocation.commands) commands[command.name] = (commands[command.name] ?? 0) + 1;
      for (const name of Object.keys(commands)) commands[name] = Math.round((commands[name]! / invocations.length) * 100) / 100;
      const failed = invocations.filter((invocation) => invocation.status !== route.successStatus);
      const ours = percentiles(invocations.map((invocation) => invocation.ms));
      const rawPercentiles = percentiles(rawMs);
      const overhead = Math.round((ours.p50 / rawPercentiles.p50 - 1) * 1000) / 1000;
      const scans = Object.entries(commands).filter(([name]) => name === "ScanCommand").reduce((sum, [, count]) => sum + count, 0);
      if (scans > 0) log(`bench: request overhead — ${label} SCANS (${scans} per invocation)`);
      return {
        route: label,
        handler: route.handler,
        runs: invocations.length,
        failures: failed.length,
        failureSample: failed.slice(0, 3).map((invocation) => `${invocation.status} ${invocation.body?.slice(0, 200)}`),
        ours,
        raw: rawPercentiles,
        overhead,
        stubbed: percentiles(stubbed),
        overheadPass: overhead <= TARGET,
        dynamoRequestsPerInvocation: Math.round((invocations.reduce((sum, invocation) => sum + invocation.commands.length, 0) / invocations.length) * 100) / 100,
        commands,
        scans,
        rawReplayErrors: rawErrors.length,
        rawReplayErrorSample: [...new Set(rawErrors)].slice(0, 3),
      };
    });

    return {
      at: new Date().toISOString(),
      node: process.version,
      runs,
      warmups,
      target: TARGET,
      routes: figures,
      wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    raw.destroy();
    await stack.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await runRequestOverhead();
  console.log(JSON.stringify(figures, null, 2));
  process.exit(0);
}
