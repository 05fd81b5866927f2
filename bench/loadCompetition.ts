// Load benchmark of the local stack (issue #4 §5): `npm run bench:load` [-- --candidates=200 --experts=30 --concurrency=20]
// An in-memory local stack (demo seed) gets 200 extra candidate users and enough extra experts for 30, written into the
// table as the seed writes its users, plus a competition commission for school-2 with all 30 experts (expert1 chair,
// the rest members; being the newest for school-2 it is the one in force). First a second competition is carried to
// its scoring: HR of school-2 publishes a vacancy closing in ~25 s, 30 of the candidates apply to it with a confirmed
// identity card and diploma and submit; at its deadline the workflow checks the documents and draws a panel of 3 per
// application from the 30 experts (90 assignments spread by the engine's load balancing). Once those assignments are
// open, HR of school-1 publishes the main vacancy closing in a minute; in that last minute the 200 candidates apply
// through the HTTP API, 20 at a time, each POST sent twice with the same Idempotency-Key (a client retry), while the
// 30 experts concurrently read their assignments, open and submit every score sheet of the second competition (each
// POST sent twice: the second must be refused as already sealed) and each declares a conflict of interest (also sent
// twice with one key). At the end it checks that the table holds exactly one application per candidate (no write lost,
// none duplicated), that every replay returned the original, that every sheet was accepted exactly once (SHEET items
// and score_sheet.submitted events = sheets submitted = assignments drawn), and that every audit chain touched (both
// vacancies', each expert's) verifies; it prints and writes bench/results/load.json with the request count,
// throughput and p50/p99 latency per route. Bounded in count and time; the stack is closed at the end.

import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { listVacancyApplicationsFresh } from "../functions/adapters/dynamo/applicationRecords.ts";
import { readAuditChain } from "../functions/adapters/dynamo/auditLog.ts";
import { keys, partitions } from "../functions/adapters/dynamo/keys.ts";
import { verifyAuditChain } from "../functions/domain/audit/auditChain.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../infra/local/awsLocal.ts";
import { AdalClient, type ApiResponse, type Session } from "../infra/local/client/adalClient.ts";
import { PDF_BYTES, PNG_BYTES, scoreSheetFor } from "../infra/local/demo/competitionScenario.ts";
import { hashPassword } from "../infra/local/identity/passwords.ts";
import { startLocalStack, TABLE_NAME } from "../infra/local/localStack.ts";
import { DEMO_PASSWORD } from "../infra/local/seed/demoRegion.ts";
import { pool, putItems } from "./benchSupport.ts";
import { nearestRank } from "./nearestRank.ts";

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=") as [string, string]));
const CANDIDATES = Number(args["candidates"] ?? 200);
const EXPERTS = Number(args["experts"] ?? 30);
const CONCURRENCY = Number(args["concurrency"] ?? 20);
const CLOSES_IN_SECONDS = Number(args["closesIn"] ?? 60);
/** Applicants of the second competition (the first of the candidates), and how soon it closes once created. */
const SCORED_APPLICANTS = Number(args["scoredApplicants"] ?? 30);
const SECOND_CLOSES_IN_SECONDS = Number(args["secondClosesIn"] ?? 25);
const SECOND_SCHOOL = "school-2";
/** The panel size the drawPanel task uses (COMPETITION_PANEL_SIZE, 3 by default); not changed here. */
const PANEL_SIZE = Number(process.env.COMPETITION_PANEL_SIZE ?? 3);
/** The whole run gives up (and closes the stack) after this long. */
const RUN_LIMIT_MS = 170_000;
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

const percentile = (sorted: readonly number[], p: number): number => nearestRank(sorted, p / 100) ?? 0;

const round = (n: number) => Math.round(n * 10) / 10;

function summarise(list: Sample[], seconds: number) {
  const ms = list.map((sample) => sample.ms).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const sample of list) statuses[sample.status] = (statuses[sample.status] ?? 0) + 1;
  return { requests: list.length, throughputPerSecond: round(list.length / seconds), p50Ms: round(percentile(ms, 50)), p99Ms: round(percentile(ms, 99)), maxMs: round(ms.at(-1) ?? 0), statuses };
}

/** School-2's competition commission of all the experts, newer than the seed's (so currentCommission picks it). */
function commissionItem(): Record<string, unknown> {
  const id = "commission-competition-load-school-2";
  const createdAt = new Date().toISOString();
  const members = Array.from({ length: EXPERTS }, (_, i) => ({ userId: `user-expert${i + 1}`, role: i === 0 ? "chair" : "member" }));
  return {
    ...keys.commission(id), GSI1PK: partitions.commissions("competition", "school", SECOND_SCHOOL), GSI1SK: `${createdAt}#${id}`,
    type: "commission", id, kind: "competition", level: "school", territory: SECOND_SCHOOL, schoolId: SECOND_SCHOOL, members, createdAt,
  };
}

async function countSheets(endpoint: string, caseId: string): Promise<number> {
  const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new ScanCommand({
      TableName: TABLE_NAME, ConsistentRead: true, ExclusiveStartKey: start,
      FilterExpression: "SK = :sheet AND caseId = :case", ExpressionAttributeValues: { ":sheet": "SHEET", ":case": caseId },
    }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  documents.destroy();
  return count;
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
    commissionItem(),
  ];
  await putItems(documents, TABLE_NAME, items);
  documents.destroy();
}

async function main(): Promise<void> {
  const stack = await startLocalStack({ port: 0, seed: true, quiet: true });
  // Bounded: whatever hangs, the run stops, closes the stack and fails.
  const watchdog = setTimeout(() => {
    console.error(`FAILED: the run took longer than ${RUN_LIMIT_MS / 1000} s`);
    process.exitCode = 1;
    void stack.close().finally(() => process.exit(1));
  }, RUN_LIMIT_MS);
  try {
    const client = new AdalClient(stack.url);
    await writeUsers(stack.endpoints.dynamodb);

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
    console.log(`${CANDIDATES} candidates and ${EXPERTS} experts logged in in ${loginSeconds.toFixed(1)} s`);

    // The second competition, carried to its scoring before the burst: apply, upload, confirm, submit; deadline;
    // document check and panel draw by the workflow.
    const setupStarted = performance.now();
    const hr2 = await client.login(`hr.${SECOND_SCHOOL.replace("-", "")}`);
    const secondClosesAt = new Date(Date.now() + SECOND_CLOSES_IN_SECONDS * 1000).toISOString();
    const second = await client.request("POST", "/vacancies", {
      token: hr2.token,
      headers: { "idempotency-key": `load-second-${Date.now()}` },
      body: { title: "Mathematics teacher (load, scored)", subject: "mathematics", language: "kk", kind: "teacher", hoursPerWeek: 18, employment: "permanent", closesAt: secondClosesAt },
    });
    if (second.status !== 201) throw new Error(`create second vacancy: ${second.status} ${JSON.stringify(second.body)}`);
    const secondVacancyId: string = second.body.id;
    if ((await client.request("POST", `/vacancies/${secondVacancyId}/publish`, { token: hr2.token })).status !== 200) throw new Error("publish second failed");
    const secondClaims = { education: "higher_full_time", experience: "years_5_10" };
    await pool(candidates.slice(0, SCORED_APPLICANTS), CONCURRENCY, async (session, i) => {
      const application = await client.request("POST", `/vacancies/${secondVacancyId}/applications`, { token: session.token, body: { claims: secondClaims } });
      if (application.status !== 201) throw new Error(`loadteacher${i + 1} applies to the second vacancy: ${application.status} ${JSON.stringify(application.body)}`);
      for (const kind of ["identity", "diploma"] as const) {
        const bytes = kind === "identity" ? PNG_BYTES : PDF_BYTES;
        const contentType = kind === "identity" ? "image/png" : "application/pdf";
        const fileName = kind === "identity" ? "id-card.png" : "diploma.pdf";
        const registered = await client.request("POST", `/applications/${application.body.id}/documents`, { token: session.token, body: { kind, fileName, contentType, size: bytes.byteLength } });
        if (registered.status !== 201) throw new Error(`loadteacher${i + 1} registers ${kind}: ${registered.status}`);
        const uploaded = await client.upload(registered.body.upload, bytes, contentType, fileName);
        if (uploaded >= 300) throw new Error(`loadteacher${i + 1} uploads ${kind}: ${uploaded}`);
        const confirmed = await client.request("POST", `/applications/${application.body.id}/documents/${registered.body.documentId}/confirm`, { token: session.token });
        if (confirmed.status !== 200) throw new Error(`loadteacher${i + 1} confirms ${kind}: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
      }
      const submitted = await client.request("POST", `/applications/${application.body.id}/submit`, { token: session.token });
      if (submitted.status !== 200) throw new Error(`loadteacher${i + 1} submits: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    });
    if (Date.now() >= Date.parse(secondClosesAt)) throw new Error("the second competition closed before its applicants submitted; raise --secondClosesIn");
    console.log(`${SCORED_APPLICANTS} applications with confirmed documents submitted to ${secondVacancyId}; waiting for its deadline and panel draw`);
    const expectedSheets = SCORED_APPLICANTS * PANEL_SIZE;
    const openAssignments = async () => {
      const lists = await Promise.all(experts.map((session) => client.request("GET", "/me/assignments?limit=100", { token: session.token })));
      return lists.reduce((sum, list) => sum + (list.body?.items ?? []).filter((a: any) => a.caseId === secondVacancyId && a.status === "open").length, 0);
    };
    await client.waitFor("the second competition's assignments", async () => {
      const vacancy = await client.request("GET", `/vacancies/${secondVacancyId}`);
      if (["no_eligible_panel", "not_held", "failed"].includes(vacancy.body?.status)) throw new Error(`second competition ended as ${vacancy.body.status}`);
      if (vacancy.body?.status !== "scoring") return undefined;
      return (await openAssignments()) === expectedSheets ? true : undefined;
    }, 60_000, 1000);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    console.log(`${expectedSheets} assignments open after ${setupSeconds.toFixed(1)} s of setup`);

    // The main vacancy, published now so that the burst falls in its last minute.
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
    console.log(`main vacancy ${vacancyId} published; ${((Date.parse(closesAt) - Date.now()) / 1000).toFixed(1)} s left before its deadline`);

    const loadSamplesFrom = samples.length;
    const mismatches: string[] = [];
    const failures: string[] = [];
    /** 503 service_busy answers: the request wrote nothing and says to retry, which these clients do. */
    let busy = 0;
    let sheetsSubmitted = 0;
    const loadStarted = performance.now();
    const applying = pool(candidates, CONCURRENCY, async (session, i) => {
      const key = `load-apply-${vacancyId}-${i}`;
      const options = { token: session.token, headers: { "idempotency-key": key }, body: { claims: { education: "higher_full_time", experience: "years_5_10" } } };
      let first = await timed(client, "POST /vacancies/{id}/applications", "POST", `/vacancies/${vacancyId}/applications`, options);
      // A 503 says "busy, retry": the client does, once, with the same key.
      if (first.status === 503) {
        busy++;
        first = await timed(client, "POST /vacancies/{id}/applications (after 503)", "POST", `/vacancies/${vacancyId}/applications`, options);
      }
      // The client's retry (as after a lost response): the same key must give back the same application.
      const again = await timed(client, "POST /vacancies/{id}/applications (replay)", "POST", `/vacancies/${vacancyId}/applications`, options);
      if (first.status !== 201) failures.push(`loadteacher${i + 1}: ${first.status} ${JSON.stringify(first.body)}`);
      if (again.status !== first.status || again.body?.id !== first.body?.id) mismatches.push(`loadteacher${i + 1}: ${again.status} ${again.body?.id} vs ${first.body?.id}`);
    });
    const ROUNDS = 5;
    const reviewing = pool(experts, EXPERTS, async (session, i) => {
      for (let round = 0; round < ROUNDS; round++) {
        const list = await timed(client, "GET /me/assignments", "GET", "/me/assignments?limit=100", { token: session.token });
        if (list.status !== 200) failures.push(`expert${i + 1} assignments: ${list.status}`);
        // The sheets spread over the rounds: whatever is still open, shared out over the rounds left.
        const open = (list.body?.items ?? []).filter((a: any) => a.caseId === secondVacancyId && a.status === "open");
        for (const item of open.slice(0, Math.ceil(open.length / (ROUNDS - round)))) {
          const assignment = await timed(client, "GET /assignments/{id}", "GET", `/assignments/${item.id}`, { token: session.token });
          if (assignment.status !== 200) {
            failures.push(`expert${i + 1} assignment ${item.id}: ${assignment.status}`);
            continue;
          }
          const options = { token: session.token, body: { scores: scoreSheetFor(assignment.body.rubric, assignment.body.claims), comment: "Load test: claims checked." } };
          let first = await timed(client, "POST /assignments/{id}/score-sheet", "POST", `/assignments/${item.id}/score-sheet`, options);
          if (first.status === 503) {
            busy++;
            first = await timed(client, "POST /assignments/{id}/score-sheet (after 503)", "POST", `/assignments/${item.id}/score-sheet`, options);
          }
          // Sent again (a client retry): a sealed sheet is never taken twice.
          const again = await timed(client, "POST /assignments/{id}/score-sheet (again)", "POST", `/assignments/${item.id}/score-sheet`, options);
          if (first.status === 200) sheetsSubmitted++;
          else failures.push(`expert${i + 1} sheet ${item.id}: ${first.status} ${JSON.stringify(first.body)}`);
          if (again.status !== 409 || again.body?.code !== "sheet_already_submitted") mismatches.push(`expert${i + 1} sheet ${item.id} again: ${again.status} ${JSON.stringify(again.body)}`);
        }
        if (round === 2) {
          // A school other than the one being scored, so the declaration does not touch the second competition.
          const options = { token: session.token, headers: { "idempotency-key": `load-conflict-${vacancyId}-${i}` }, body: { schoolId: i % 2 === 0 ? "school-1" : "school-3", reason: "Load test: a relative teaches there." } };
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

    // Checks: one application per candidate, nothing lost, nothing twice; each sheet taken once; every touched audit chain intact.
    const applications = await listVacancyApplicationsFresh(vacancyId);
    const perCandidate = new Map<string, number>();
    for (const application of applications) perCandidate.set(application.candidateId, (perCandidate.get(application.candidateId) ?? 0) + 1);
    const duplicates = [...perCandidate.values()].filter((count) => count > 1).length;
    const secondApplications = await listVacancyApplicationsFresh(secondVacancyId);
    const chains: Record<string, { ok: boolean; count: number }> = {};
    for (const caseId of [vacancyId, secondVacancyId, ...experts.map((_, i) => `user-expert${i + 1}`)]) {
      const chain = await readAuditChain(caseId);
      const verified = verifyAuditChain(chain);
      chains[caseId] = { ok: verified.ok, count: chain.length };
    }
    const vacancyChain = await readAuditChain(vacancyId);
    const applicationEvents = vacancyChain.filter((event) => event.action === "application.created").length;
    const secondChain = await readAuditChain(secondVacancyId);
    const sheetEvents = secondChain.filter((event) => event.action === "score_sheet.submitted");
    const distinctSheetEvents = new Set(sheetEvents.map((event) => (event.data as { assignmentId?: string } | undefined)?.assignmentId)).size;
    const sheetItems = await countSheets(stack.endpoints.dynamodb, secondVacancyId);
    const openLeft = await openAssignments();
    const secondStatus = (await client.request("GET", `/vacancies/${secondVacancyId}`)).body?.status;

    const loadSamples = samples.slice(loadSamplesFrom);
    const routes = [...new Set(samples.map((sample) => sample.route))];
    const result = {
      at: new Date().toISOString(),
      node: process.version,
      setup: {
        candidates: CANDIDATES, experts: EXPERTS, concurrency: CONCURRENCY, closesInSeconds: CLOSES_IN_SECONDS, vacancyId,
        secondVacancyId, scoredApplicants: SCORED_APPLICANTS, panelSize: PANEL_SIZE, secondClosesInSeconds: SECOND_CLOSES_IN_SECONDS, setupSeconds: round(setupSeconds),
      },
      checks: {
        applicationsInTable: applications.length,
        distinctCandidates: perCandidate.size,
        duplicateApplications: duplicates,
        lostApplications: CANDIDATES - perCandidate.size,
        applicationCreatedAuditEvents: applicationEvents,
        secondCompetitionApplications: secondApplications.length,
        sheetsExpected: expectedSheets,
        sheetsSubmitted,
        sheetItemsInTable: sheetItems,
        scoreSheetSubmittedAuditEvents: sheetEvents.length,
        distinctAssignmentsInSheetEvents: distinctSheetEvents,
        assignmentsStillOpen: openLeft,
        secondCompetitionStatusAfter: secondStatus,
        replayMismatches: mismatches.length,
        failedRequests: failures.length,
        busyAnswersRetried: busy,
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
      applicationEvents === CANDIDATES && Object.values(chains).every((chain) => chain.ok) &&
      sheetsSubmitted === expectedSheets && sheetItems === expectedSheets && sheetEvents.length === expectedSheets && distinctSheetEvents === expectedSheets && openLeft === 0;
    console.log(ok ? "OK: no write lost, no duplicate, every sheet taken exactly once, every audit chain verifies" : "FAILED: see checks and problems above");
    if (!ok) process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    await stack.close();
  }
}

await main();
