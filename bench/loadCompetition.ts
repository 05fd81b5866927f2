// Load benchmark of the local stack (issue #4 §5): `npm run bench:load` [-- --candidates=200 --experts=30 --concurrency=20]
// An in-memory local stack (demo seed) gets 200 extra candidate users and enough extra experts for 30, written into the
// table as the seed writes its users. The HR officer publishes a vacancy closing in about a minute; in that last minute
// the 200 candidates apply through the HTTP API, 20 at a time, each POST sent twice with the same Idempotency-Key (a
// client retry), while 30 experts concurrently read their assignments and each declares a conflict of interest (also
// sent twice with one key). Experts do not submit score sheets here: that would need a second competition carried
// through its deadline, document checks and panel draw first. At the end it checks that the table holds exactly one
// application per candidate (no write lost, none duplicated), that every replay returned the original, and that every
// audit chain touched (the vacancy's, each expert's) verifies; it prints and writes bench/results/load.json with the
// request count, throughput and p50/p99 latency per route. Bounded in count and time; the stack is closed at the end.

import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { listVacancyApplicationsFresh } from "../functions/adapters/dynamo/applicationRecords.ts";
import { readAuditChain } from "../functions/adapters/dynamo/auditLog.ts";
import { verifyAuditChain } from "../functions/domain/audit/auditChain.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../infra/local/awsLocal.ts";
import { AdalClient, type ApiResponse, type Session } from "../infra/local/client/adalClient.ts";
import { hashPassword } from "../infra/local/identity/passwords.ts";
import { startLocalStack, TABLE_NAME } from "../infra/local/localStack.ts";
import { DEMO_PASSWORD } from "../infra/local/seed/demoRegion.ts";

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=") as [string, string]));
const CANDIDATES = Number(args["candidates"] ?? 200);
const EXPERTS = Number(args["experts"] ?? 30);
const CONCURRENCY = Number(args["concurrency"] ?? 20);
const CLOSES_IN_SECONDS = Number(args["closesIn"] ?? 60);
/** The seed has expert1–expert7; the rest are written here. */
const SEEDED_EXPERTS = 7;
const resultsDir = fileURLToPath(new URL("./results/", import.meta.url));

type Sample = { route: string; ms: number; status: number };
const samples: Sample[] = [];

async function timed<T = any>(client: AdalClient, route: string, method: string, path: string, options: Parameters<AdalClient["request"]>[2] = {}): Promise<ApiResponse<T>> {
  const started = performance.now();
  const response = await client.request<T>(method, path, options);
  samples.push({ route, ms: performance.now() - started, status: response.status });
  return response;
}

async function pool<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (n: number) => Math.round(n * 10) / 10;

function summarise(list: Sample[], seconds: number) {
  const ms = list.map((sample) => sample.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const sample of list) statuses[sample.status] = (statuses[sample.status] ?? 0) + 1;
  return { requests: list.length, throughputPerSecond: round(list.length / seconds), p50Ms: round(percentile(ms, 50)), p99Ms: round(percentile(ms, 99)), maxMs: round(ms.at(-1) ?? 0), statuses };
}

async function writeUsers(endpoint: string): Promise<void> {
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = (id: string, username: string, fields: Record<string, unknown>) => ({
    PK: `USER#${id}`, SK: "USER", GSI1PK: `USERNAME#${username}`, GSI1SK: "USER", type: "user", id, username, passwordHash, ...fields,
  });
  const items = [
    ...Array.from({ length: CANDIDATES }, (_, i) =>
      user(`user-loadteacher${i + 1}`, `loadteacher${i + 1}`, { roles: ["candidate"], schoolId: `school-${(i % 3) + 1}`, subjects: ["mathematics"], experienceYears: (i % 20) + 1, loadCap: 0 })),
    ...Array.from({ length: Math.max(0, EXPERTS - SEEDED_EXPERTS) }, (_, i) =>
      user(`user-expert${SEEDED_EXPERTS + i + 1}`, `expert${SEEDED_EXPERTS + i + 1}`, { roles: ["expert"], subjects: ["mathematics"], experienceYears: 10, loadCap: 50 })),
  ];
  for (let i = 0; i < items.length; i += 25) {
    let request: Record<string, any> | undefined = { [TABLE_NAME]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
    while (request && Object.keys(request).length > 0) request = (await documents.send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems;
  }
  documents.destroy();
}

async function main(): Promise<void> {
  const stack = await startLocalStack({ port: 0, seed: true, quiet: true });
  try {
    const client = new AdalClient(stack.url);
    await writeUsers(stack.endpoints.dynamodb);
    const hr = await client.login("hr.school1");
    const closesAt = new Date(Date.now() + CLOSES_IN_SECONDS * 1000).toISOString();
    const created = await client.request("POST", "/vacancies", {
      token: hr.token,
      headers: { "idempotency-key": `load-${Date.now()}` },
      body: { title: "Mathematics teacher (load)", subject: "mathematics", language: "kk", kind: "teacher", hoursPerWeek: 18, employment: "permanent", closesAt },
    });
    if (created.status !== 201) throw new Error(`create vacancy: ${created.status} ${JSON.stringify(created.body)}`);
    const vacancyId: string = created.body.id;
    if ((await client.request("POST", `/vacancies/${vacancyId}/publish`, { token: hr.token })).status !== 200) throw new Error("publish failed");

    // Logins are part of the load (scrypt per login), measured as their own route.
    const candidates: Session[] = new Array(CANDIDATES);
    const experts: Session[] = new Array(EXPERTS);
    const loginStarted = performance.now();
    await pool(Array.from({ length: CANDIDATES }, (_, i) => i), CONCURRENCY, async (i) => {
      const response = await timed<Session>(client, "POST /auth/login", "POST", "/auth/login", { body: { username: `loadteacher${i + 1}`, password: DEMO_PASSWORD } });
      if (response.status !== 200) throw new Error(`login loadteacher${i + 1}: ${response.status}`);
      candidates[i] = response.body;
    });
    await pool(Array.from({ length: EXPERTS }, (_, i) => i), CONCURRENCY, async (i) => {
      const response = await timed<Session>(client, "POST /auth/login", "POST", "/auth/login", { body: { username: `expert${i + 1}`, password: DEMO_PASSWORD } });
      if (response.status !== 200) throw new Error(`login expert${i + 1}: ${response.status}`);
      experts[i] = response.body;
    });
    const loginSeconds = (performance.now() - loginStarted) / 1000;
    const secondsLeft = (Date.parse(closesAt) - Date.now()) / 1000;
    console.log(`${CANDIDATES} candidates and ${EXPERTS} experts logged in; ${secondsLeft.toFixed(1)} s left before the deadline`);
    if (secondsLeft < 5) throw new Error("too little time left before the deadline; raise --closesIn");

    const loadSamplesFrom = samples.length;
    const mismatches: string[] = [];
    const failures: string[] = [];
    const loadStarted = performance.now();
    const applying = pool(candidates, CONCURRENCY, async (session, i) => {
      const key = `load-apply-${vacancyId}-${i}`;
      const options = { token: session.token, headers: { "idempotency-key": key }, body: { claims: { education: "higher_full_time", experience: "years_5_10" } } };
      const first = await timed(client, "POST /vacancies/{id}/applications", "POST", `/vacancies/${vacancyId}/applications`, options);
      // The client's retry (as after a lost response): the same key must give back the same application.
      const again = await timed(client, "POST /vacancies/{id}/applications (replay)", "POST", `/vacancies/${vacancyId}/applications`, options);
      if (first.status !== 201) failures.push(`loadteacher${i + 1}: ${first.status} ${JSON.stringify(first.body)}`);
      if (again.status !== first.status || again.body?.id !== first.body?.id) mismatches.push(`loadteacher${i + 1}: ${again.status} ${again.body?.id} vs ${first.body?.id}`);
    });
    const reviewing = pool(experts, EXPERTS, async (session, i) => {
      for (let round = 0; round < 5; round++) {
        const list = await timed(client, "GET /me/assignments", "GET", "/me/assignments?limit=100", { token: session.token });
        if (list.status !== 200) failures.push(`expert${i + 1} assignments: ${list.status}`);
        if (round === 2) {
          const options = { token: session.token, headers: { "idempotency-key": `load-conflict-${vacancyId}-${i}` }, body: { schoolId: `school-${(i % 3) + 1}`, reason: "Load test: a relative teaches there." } };
          const first = await timed(client, "POST /me/conflicts", "POST", "/me/conflicts", options);
          const again = await timed(client, "POST /me/conflicts (replay)", "POST", "/me/conflicts", options);
          if (first.status !== 201) failures.push(`expert${i + 1} conflict: ${first.status} ${JSON.stringify(first.body)}`);
          if (again.body?.id !== first.body?.id) mismatches.push(`expert${i + 1} conflict replay: ${again.body?.id} vs ${first.body?.id}`);
        }
      }
    });
    await Promise.all([applying, reviewing]);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const beforeDeadline = Date.now() < Date.parse(closesAt);

    // Checks: one application per candidate, nothing lost, nothing twice; every touched audit chain intact.
    const applications = await listVacancyApplicationsFresh(vacancyId);
    const perCandidate = new Map<string, number>();
    for (const application of applications) perCandidate.set(application.candidateId, (perCandidate.get(application.candidateId) ?? 0) + 1);
    const duplicates = [...perCandidate.values()].filter((count) => count > 1).length;
    const chains: Record<string, { ok: boolean; count: number }> = {};
    for (const caseId of [vacancyId, ...experts.map((_, i) => `user-expert${i + 1}`)]) {
      const chain = await readAuditChain(caseId);
      const verified = verifyAuditChain(chain);
      chains[caseId] = { ok: verified.ok, count: chain.length };
    }
    const vacancyChain = await readAuditChain(vacancyId);
    const applicationEvents = vacancyChain.filter((event) => event.action === "application.created").length;

    const loadSamples = samples.slice(loadSamplesFrom);
    const routes = [...new Set(samples.map((sample) => sample.route))];
    const result = {
      at: new Date().toISOString(),
      node: process.version,
      setup: { candidates: CANDIDATES, experts: EXPERTS, concurrency: CONCURRENCY, closesInSeconds: CLOSES_IN_SECONDS, vacancyId },
      checks: {
        applicationsInTable: applications.length,
        distinctCandidates: perCandidate.size,
        duplicateApplications: duplicates,
        lostApplications: CANDIDATES - perCandidate.size,
        applicationCreatedAuditEvents: applicationEvents,
        replayMismatches: mismatches.length,
        failedRequests: failures.length,
        finishedBeforeDeadline: beforeDeadline,
        auditChainsVerified: Object.values(chains).filter((chain) => chain.ok).length,
        auditChains: Object.keys(chains).length,
      },
      logins: { ...summarise(samples.filter((sample) => sample.route === "POST /auth/login"), loginSeconds), seconds: round(loginSeconds) },
      load: {
        seconds: round(loadSeconds),
        overall: summarise(loadSamples, loadSeconds),
        routes: Object.fromEntries(routes.filter((route) => route !== "POST /auth/login").map((route) => [route, summarise(loadSamples.filter((sample) => sample.route === route), loadSeconds)])),
      },
      problems: [...failures, ...mismatches].slice(0, 20),
    };
    await mkdir(resultsDir, { recursive: true });
    await writeFile(new URL("./results/load.json", import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    const ok =
      applications.length === CANDIDATES && perCandidate.size === CANDIDATES && duplicates === 0 && mismatches.length === 0 && failures.length === 0 &&
      applicationEvents === CANDIDATES && Object.values(chains).every((chain) => chain.ok);
    console.log(ok ? "OK: no write lost, no duplicate, every audit chain verifies" : "FAILED: see checks and problems above");
    if (!ok) process.exitCode = 1;
  } finally {
    await stack.close();
  }
}

await main();
