// Workflow throughput on the local stack (issue #5 part 4), and the counts the cost model prices (part 5):
// `node bench/workflowThroughput.ts [--applicants=200] [--waves=1000] [--calibration=10] [--out=file.json]`, or through
// `npm run bench` (which runs it in a child process of its own: the meters patch SDK clients process-wide).
//
// One local stack (startLocalStack with its own temporary data folder, as `npm start` keeps one) serves two
// runs, one after the other, everything through the HTTP API as the real users would call it:
//  1. A competition: HR of school-2 publishes a vacancy; 200 candidates apply with a confirmed identity card
//     and diploma and submit; at the deadline the workflow checks the 400 documents and draws a panel of 3
//     per application from the school's competition commission (30 experts written for the run); the experts
//     list their assignments, open each and submit its sheet (600 sheets); the workflow ranks, HR approves
//     the first offer, the workflow records the appointment. Timed: deadline → ranking (offer pending).
//  2. A wave of 1,000 attestation cases (moderator category: the school commission decides, the district's
//     pool — 40 experts written for the run — scores): each teacher files a portfolio of four confirmed
//     documents; then all 1,000 are submitted at once (concurrency 50). The workflow checks each portfolio,
//     draws 3 members, opens their assignments; the experts score (3,000 sheets); the workflow aggregates and
//     proposes; the chairs of the three school commissions list their pending votes and vote; the workflow
//     records the decision, waits out the appeal window (ATTESTATION_APPEAL_WINDOW_SECONDS=5, the demo/test
//     setting: the real one is 10 working days, which only adds waiting, no work) and closes the case as final.
//     Timed: submission → decided, and → final. A calibration wave of 10 runs the same way first: its
//     handler times, taken before the machine serves a wave, are what the cost model bills Lambda at.
// The driver waits between the steps people take (it polls the table through a client of its own, which the
// meters do not see), so the phases do not overlap and the time of each is its own. Users' tokens are issued
// with the stack's own signing key (no 1,200 scrypt logins). Every Lambda invocation, DynamoDB request with
// its consumed capacity, S3 request and state transition is counted per phase by bench/meters.ts; the
// figures include the per-state times from the engine's state log and the per-function handler times.

import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { keys, partitions } from "../functions/adapters/dynamo/keys.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../infra/local/awsLocal.ts";
import { AdalClient } from "../infra/local/client/adalClient.ts";
import { sheetMeeting } from "../infra/local/demo/attestationScenario.ts";
import { PDF_BYTES, PNG_BYTES, scoreSheetFor } from "../infra/local/demo/competitionScenario.ts";
import { issueToken, loadSigningKey, localIssuer, type TokenUser } from "../infra/local/identity/tokens.ts";
import { startLocalStack, TABLE_NAME } from "../infra/local/localStack.ts";
import { pool, putItems } from "./benchSupport.ts";
import { Meters, type Usage } from "./meters.ts";

export interface WorkflowOptions {
  applicants?: number;
  /** Attestation waves, run one after the other, each on fresh cases: their sizes. */
  waves?: number[];
  /**
   * Cases of a small wave run before the others (0: none). Its handler times, taken while the machine is not
   * yet serving a wave, are what the cost model bills Lambda duration at (bench/costPerCase.ts).
   */
  calibration?: number;
  log?: (line: string) => void;
}

export interface PhaseFigures {
  name: string;
  /** Wall-clock seconds of the phase. */
  seconds: number;
  usage: Usage;
}

export interface CompetitionFigures {
  applicants: number;
  panelSize: number;
  sheets: number;
  experts: number;
  /** Applications the deadline cut off (filed too slowly on this machine; 0 normally). */
  cutOffByDeadline: number;
  /** Seconds the applications took to file (10 at a time), before the deadline. */
  filingSeconds: number;
  /** Seconds from the deadline to the ranking (offer pending), and the parts of it. */
  deadlineToRankingSeconds: number;
  segments: Record<string, number>;
  outcome: string;
  applicationsPerMinute: number;
}

export interface WaveFigures {
  cases: number;
  /** The small wave run first for unloaded handler times (WorkflowOptions.calibration). */
  calibration: boolean;
  experts: number;
  sheets: number;
  votes: number;
  appealWindowSeconds: number;
  submissionToDecidedSeconds: number;
  submissionToFinalSeconds: number;
  segments: Record<string, number>;
  outcomes: Record<string, number>;
  casesPerMinuteToDecided: number;
  casesPerMinuteToFinal: number;
}

export interface WorkflowFigures {
  at: string;
  node: string;
  competition: CompetitionFigures;
  /** A competition of the national average size, for what a typical one costs. */
  smallCompetition: CompetitionFigures;
  /** One entry per wave, in the order run (each on cases not touched before). */
  waves: WaveFigures[];
  /** API calls retried after a 5xx or a refused connection under the machine's load, by step. */
  retries: Record<string, number>;
  /** Phases in order: what was counted in each (see bench/meters.ts). */
  phases: PhaseFigures[];
  wallSeconds: number;
}

const APPEAL_WINDOW_SECONDS = 5;
const COMPETITION_EXPERTS = 30;
const ATTESTATION_EXPERTS = 40;
const EXPERT_LOAD_CAP = 100;
/** Filing and scoring clients at once; more only queue up on this machine (and time out). */
const CONCURRENCY = 10;
/** Applications in the typical competition: 2,109 in 1,063 competitions (DOMAIN.md §5). */
const SMALL_COMPETITION = 2;
const SUBMIT_CONCURRENCY = 50;
/** The calibration wave: small enough that its cases barely queue behind one another on two cores. */
export const CALIBRATION_CASES = 10;
const SCHOOL = "school-2";
const DISTRICT = "Абай ауданы";

const monthsAgo = (months: number) => new Date(Date.now() - months * 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);


const seconds = (from: number, to: number) => Math.round((to - from) / 100) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`bench/workflowThroughput: timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export async function runWorkflowThroughput(options: WorkflowOptions = {}): Promise<WorkflowFigures> {
  const applicants = options.applicants ?? 200;
  const waves = options.waves ?? [1000];
  const calibration = options.calibration ?? CALIBRATION_CASES;
  const runs = [...(calibration > 0 ? [{ cases: calibration, calibration: true }] : []), ...waves.map((cases) => ({ cases, calibration: false }))];
  const log = options.log ?? ((line: string) => console.error(line));
  const started = performance.now();
  process.env.ATTESTATION_APPEAL_WINDOW_SECONDS = String(APPEAL_WINDOW_SECONDS);
  process.env.LOG_LEVEL ??= "warn";

  const meters = new Meters();
  // In memory where the machine has a tmpfs (as the other benchmarks' stacks keep their stores), else on disk.
  const dataDir = await mkdtemp(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "adal-bench-workflows-"));
  const stack = await startLocalStack({
    dataDir,
    port: 0,
    seed: true,
    log: (level, message, fields) => {
      meters.onStackLog(message, fields as Record<string, unknown> | undefined);
      if (level === "error") log(`stack error: ${message} ${JSON.stringify(fields ?? {}).slice(0, 300)}`);
    },
  });
  const { documentClient } = await import("../functions/adapters/dynamo/client.ts");
  meters.install(documentClient);
  // The driver's own view of the table (polling, user set-up): not metered.
  const table = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  const phases: PhaseFigures[] = [];
  let phaseStarted = performance.now();
  const closePhase = (name: string) => {
    phases.push({ name, seconds: Math.round((performance.now() - phaseStarted) / 100) / 10, usage: meters.next() });
    phaseStarted = performance.now();
    log(`bench: workflows — ${name}: ${phases.at(-1)!.seconds} s`);
  };

  try {
    const client = new AdalClient(stack.url);
    const signingKey = await loadSigningKey(dataDir);
    const issuer = localIssuer(Number(new URL(stack.url).port));
    const tokenOf = async (user: TokenUser) => (await issueToken(signingKey, issuer, user)).token;

    // ---- users and commissions, written into the table as the seed writes them --------------------------
    const userItem = (id: string, username: string, fields: Record<string, unknown>) => ({
      ...keys.user(id), GSI1PK: `USERNAME#${username}`, GSI1SK: "USER", type: "user", id, username, passwordHash: "bench-no-login", ...fields,
    });
    const teachers = Array.from({ length: Math.max(applicants, runs.reduce((a, run) => a + run.cases, 0)) }, (_, i) => ({
      id: `user-wfteacher${i + 1}`, username: `wfteacher${i + 1}`, roles: ["candidate"], schoolId: `school-${(i % 3) + 1}`,
    }));
    const competitionExperts = Array.from({ length: COMPETITION_EXPERTS }, (_, i) => ({ id: `user-wfcexpert${i + 1}`, username: `wfcexpert${i + 1}`, roles: ["expert"] }));
    const attestationExperts = Array.from({ length: ATTESTATION_EXPERTS }, (_, i) => ({ id: `user-wfaexpert${i + 1}`, username: `wfaexpert${i + 1}`, roles: ["expert"] }));
    const createdAt = new Date().toISOString();
    const commission = (id: string, kind: string, level: string, territory: string, members: { id: string }[], scope: Record<string, string>) => ({
      ...keys.commission(id), GSI1PK: partitions.commissions(kind, level, territory), GSI1SK: `${createdAt}#${id}`,
      type: "commission", id, kind, level, territory, ...scope, createdAt,
      members: members.map((member, i) => ({ userId: member.id, role: i === 0 ? "chair" : "member" })),
    });
    await putItems(table, TABLE_NAME, [
      ...teachers.map((t, i) => userItem(t.id, t.username, { roles: t.roles, schoolId: t.schoolId, subjects: ["mathematics"], experienceYears: (i % 20) + 6, loadCap: 0 })),
      ...[...competitionExperts, ...attestationExperts].map((e) => userItem(e.id, e.username, { roles: e.roles, subjects: ["mathematics"], experienceYears: 10, loadCap: EXPERT_LOAD_CAP })),
      // Newest of their kind and territory: the ones in force (currentCommission).
      commission(`commission-competition-wf-${SCHOOL}`, "competition", "school", SCHOOL, competitionExperts, { schoolId: SCHOOL }),
      commission("commission-attestation-wf-district", "attestation", "district", DISTRICT, attestationExperts, { district: DISTRICT }),
    ]);
    const teacherTokens = await Promise.all(teachers.map((t) => tokenOf(t)));
    const competitionExpertTokens = await Promise.all(competitionExperts.map((e) => tokenOf(e)));
    const attestationExpertTokens = await Promise.all(attestationExperts.map((e) => tokenOf(e)));
    const hrToken = await tokenOf({ id: "user-hr-school2", username: "hr.school2", roles: ["hr"], schoolId: SCHOOL });
    meters.next();
    phaseStarted = performance.now();

    const statusesOf = async (prefix: (id: string) => { PK: string; SK: string }, ids: readonly string[]): Promise<Map<string, any>> => {
      const out = new Map<string, any>();
      for (let i = 0; i < ids.length; i += 100) {
        let request: Record<string, any> | undefined = { [TABLE_NAME]: { Keys: ids.slice(i, i + 100).map(prefix), ProjectionExpression: "id, #s, outcome", ExpressionAttributeNames: { "#s": "status" } } };
        while (request && Object.keys(request).length > 0) {
          const page: { Responses?: Record<string, Record<string, any>[]>; UnprocessedKeys?: Record<string, any> } = await table.send(new BatchGetCommand({ RequestItems: request }));
          for (const item of page.Responses?.[TABLE_NAME] ?? []) out.set(item["id"], item);
          request = page.UnprocessedKeys;
        }
      }
      return out;
    };
    const openAssignmentsOf = async (expertIds: readonly string[]): Promise<number> => {
      let total = 0;
      await Promise.all(expertIds.map(async (expertId) => {
        let start: Record<string, unknown> | undefined;
        do {
          // The sparse open-assignments index, as the draw counts them: polling every member's whole history
          // twice a second would load the DynamoDB Local the measured system shares.
          const page = await table.send(new QueryCommand({
            TableName: TABLE_NAME, IndexName: "GSI3", KeyConditionExpression: "GSI3PK = :p",
            ExpressionAttributeValues: { ":p": partitions.expertOpenAssignments(expertId) }, Select: "COUNT", ExclusiveStartKey: start,
          }));
          total += page.Count ?? 0;
          start = page.LastEvaluatedKey;
        } while (start);
      }));
      return total;
    };

    /**
     * One API call as a patient client makes it: a 5xx (a handler that gave up under the machine's load) or a
     * refused connection is retried up to 3 times, with the same Idempotency-Key, so a create is never made
     * twice; a retried state change answered 409 had gone through the first time. Retries are counted.
     */
    const call = async (method: string, path: string, options: { token?: string; body?: unknown }, status: number, what: string): Promise<any> => {
      const headers = method === "POST" ? { "idempotency-key": `bench-${randomUUID()}` } : undefined;
      for (let attempt = 1; ; attempt++) {
        const response = await client.request(method, path, { ...options, ...(headers ? { headers } : {}) }).catch((error: Error) => ({ status: 599, body: String(error) }));
        if (response.status === status || (attempt > 1 && response.status === 409)) return response.body;
        if (response.status < 500 || attempt === 4) throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
        retries[what] = (retries[what] ?? 0) + 1;
        await sleep(500 * attempt);
      }
    };
    const retries: Record<string, number> = {};

    /** Every page (100 a page) of a user's list, filtered. */
    const listAll = async (token: string, path: string, keep: (item: any) => boolean): Promise<any[]> => {
      const items: any[] = [];
      let cursor: string | undefined;
      do {
        const page: { items: any[]; nextCursor?: string | null } = await call("GET", `${path}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { token }, 200, `list ${path}`);
        items.push(...page.items.filter(keep));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    };

    /** Each expert lists their open assignments (pages of 100), opens each and submits its sheet. */
    const scoreAll = async (tokens: readonly string[], scoresFor: (assignment: any) => Record<string, string | number>): Promise<number> => {
      let sheets = 0;
      await pool(tokens, CONCURRENCY, async (token) => {
        const open = await listAll(token, "/me/assignments", (item) => item.status === "open");
        for (const item of open) {
          const assignment = await call("GET", `/assignments/${item.id}`, { token }, 200, "open assignment");
          await call("POST", `/assignments/${item.id}/score-sheet`, { token, body: { scores: scoresFor(assignment) } }, 200, "score sheet");
          sheets++;
        }
      });
      return sheets;
    };

    /** A document registered, uploaded with its presigned POST, confirmed. */
    const addDocument = async (caseKind: "competition" | "attestation", base: string, token: string, kind: string, bytes: Uint8Array, contentType: string, fileName: string) => {
      const registered = await call("POST", `${base}/documents`, { token, body: { kind, fileName, contentType, size: bytes.byteLength } }, 201, `register ${kind}`);
      const uploaded = await client.upload(registered.upload, bytes, contentType, fileName);
      if (uploaded >= 300) throw new Error(`upload of ${kind}: ${uploaded}`);
      meters.usage.presignedUploads[caseKind] = (meters.usage.presignedUploads[caseKind] ?? 0) + 1;
      await call("POST", `${base}/documents/${registered.documentId}/confirm`, { token }, 200, `confirm ${kind}`);
    };

    /**
     * One competition at school-2, as its people run it: HR publishes a vacancy closing in `deadlineSeconds`;
     * `count` candidates apply with a confirmed identity card and diploma and submit, 10 at a time (an
     * application the deadline cuts off is counted, not hidden); `whileOpen` uses the rest of the time before
     * the deadline; at the deadline the workflow checks the documents and draws the panels, the experts list,
     * open and score their assignments, the workflow ranks, HR approves the first offer. Phases are named
     * after `label`.
     */
    async function runCompetition(label: string, count: number, deadlineSeconds: number, whileOpen: (closesAt: number) => Promise<void>): Promise<CompetitionFigures> {
      log(`bench: workflows — ${label}: ${count} applicants, panel of 3, ${COMPETITION_EXPERTS} experts`);
      phaseStarted = performance.now();
      const applyStarted = performance.now();
      const closesAt = new Date(Date.now() + deadlineSeconds * 1000).toISOString();
      const vacancy = await call("POST", "/vacancies", {
        token: hrToken,
        body: { title: `Mathematics teacher (${label})`, subject: "mathematics", language: "kk", kind: "teacher", hoursPerWeek: 18, employment: "permanent", closesAt },
      }, 201, "create vacancy");
      await call("POST", `/vacancies/${vacancy.id}/publish`, { token: hrToken }, 200, "publish vacancy");
      const claims = { education: "higher_full_time", experience: "years_5_10" };
      let submittedApplications = 0;
      let cutOff = 0;
      await pool(teachers.slice(0, count), CONCURRENCY, async (_, i) => {
        const token = teacherTokens[i]!;
        try {
          const application = await call("POST", `/vacancies/${vacancy.id}/applications`, { token, body: { claims } }, 201, "apply");
          await addDocument("competition", `/applications/${application.id}`, token, "identity", PNG_BYTES, "image/png", "id-card.png");
          await addDocument("competition", `/applications/${application.id}`, token, "diploma", PDF_BYTES, "application/pdf", "diploma.pdf");
          await call("POST", `/applications/${application.id}/submit`, { token }, 200, "submit application");
          submittedApplications++;
        } catch (error) {
          if (Date.now() < Date.parse(closesAt)) throw error;
          cutOff++;
        }
      });
      if (cutOff > 0) log(`bench: workflows — the deadline cut off ${cutOff} of ${count} applications (the machine was slower than the deadline allows for)`);
      const filingSeconds = seconds(applyStarted, performance.now());
      log(`bench: workflows — ${label}: ${submittedApplications} applications filed in ${filingSeconds} s`);
      await whileOpen(Date.parse(closesAt));

      await sleep(Math.max(0, Date.parse(closesAt) - Date.now()));
      // Timed from the deadline itself, even if the filing's last requests finished after it.
      const deadline = performance.now() - Math.max(0, Date.now() - Date.parse(closesAt));
      phaseStarted = performance.now();
      const vacancyStatus = async () => (await table.send(new GetCommand({ TableName: TABLE_NAME, Key: keys.vacancy(vacancy.id), ConsistentRead: true }))).Item?.["status"] as string | undefined;
      const expectedSheets = submittedApplications * 3;
      await until(`the ${label}'s assignments`, async () => {
        const status = await vacancyStatus();
        if (["not_held", "no_eligible_panel", "failed"].includes(String(status))) throw new Error(`the ${label} ended as ${status}`);
        return status === "scoring" && (await openAssignmentsOf(competitionExperts.map((e) => e.id))) === expectedSheets ? true : undefined;
      }, 300_000);
      const panelsOpen = performance.now();
      const sheets = await scoreAll(competitionExpertTokens, (assignment) => scoreSheetFor(assignment.rubric, assignment.claims));
      const scored = performance.now();
      await until("the ranking", async () => (["offer_pending", "ranked"].includes(String(await vacancyStatus())) ? true : undefined), 300_000);
      const ranked = performance.now();
      closePhase(`${label}: deadline → ranking (document checks, panel draw, sheets, ranking)`);

      const approval = await until("the offer", async () => {
        const list = await call("GET", "/approvals", { token: hrToken }, 200, "list approvals");
        return list.items.find((item: any) => item.vacancyId === vacancy.id);
      }, 60_000, 500);
      await call("POST", `/approvals/${approval.id}`, {
        token: hrToken, body: { decision: "approve", orderNumber: "B-1", orderDate: new Date().toISOString().slice(0, 10) },
      }, 200, "approve");
      const outcome = await until("the appointment", async () => {
        const status = await vacancyStatus();
        return ["appointed", "no_appointment"].includes(String(status)) ? status : undefined;
      }, 60_000);
      closePhase(`${label}: approval → outcome`);
      return {
        applicants: submittedApplications,
        cutOffByDeadline: cutOff,
        panelSize: 3,
        sheets,
        experts: COMPETITION_EXPERTS,
        filingSeconds,
        deadlineToRankingSeconds: seconds(deadline, ranked),
        segments: {
          "deadline → every assignment open (close, document checks, panel draw, slots)": seconds(deadline, panelsOpen),
          "experts list, open and submit every sheet": seconds(panelsOpen, scored),
          "last sheet → ranking": seconds(scored, ranked),
        },
        outcome: String(outcome),
        applicationsPerMinute: Math.round((submittedApplications / ((ranked - deadline) / 60_000)) * 10) / 10,
      };
    }

    // ---- 1. competitions --------------------------------------------------------------------------------------
    // First one of the national average's size (2,109 applications in 1,063 competitions, DOMAIN.md §5: 2), for
    // what a typical competition costs; then the one of 200.
    const small = await runCompetition("small competition", SMALL_COMPETITION, 25, async () => closePhase("small competition: filing"));

    // The 200 applications first; then the attestation portfolios, filed while the competition waits for its
    // deadline, paused 20 s before it (so that the competition's run has the stack to itself: the portfolios
    // already started finish first, which takes seconds on a loaded machine) and finished once
    // the competition is decided. The filing phases mix both kinds; the cost model splits them by function
    // (api/attestations/* are the attestation's).
    const totalCases = runs.reduce((a, run) => a + run.cases, 0);
    const attestationIds: string[] = new Array(totalCases);
    const request = { targetCategory: "moderator", currentCategory: "teacher", experienceYears: 6, test: { score: 42, takenAt: monthsAgo(2) } };
    const competitionDone = Promise.withResolvers<void>();
    let filing: Promise<void> = Promise.resolve();
    // ~0.7 s of API work per application on this shared machine (10 at a time) and 20 s to spare.
    const competition = await runCompetition("competition", applicants, 20 + applicants, async (closesAt) => {
      const pausesAt = closesAt - 20_000;
      let inFlight = 0;
      filing = pool(teachers.slice(0, totalCases), CONCURRENCY, async (_, i) => {
        if (Date.now() >= pausesAt) await competitionDone.promise;
        inFlight++;
        const token = teacherTokens[i]!;
        const created = await call("POST", "/attestations", { token, body: request }, 201, "file attestation");
        attestationIds[i] = created.id;
        for (const kind of ["application", "diploma", "essay", "test"]) {
          await addDocument("attestation", `/attestations/${created.id}`, token, kind, PDF_BYTES, "application/pdf", `${kind}.pdf`);
        }
        inFlight--;
      });
      let filed = false;
      void filing.then(() => (filed = true));
      await until("the attestation filing to pause for the competition", async () => (filed || (Date.now() >= pausesAt && inFlight === 0) ? true : undefined), 600_000, 100);
      closePhase("filing: competition applications, then attestation portfolios");
    });
    competitionDone.resolve();
    await filing;
    closePhase("filing: the rest of the attestation portfolios");

    // ---- 2. attestation waves ------------------------------------------------------------------------------
    const wavesDone: WaveFigures[] = [];
    let offset = 0;
    for (const { cases, calibration } of runs) {
      const ids = attestationIds.slice(offset, offset + cases);
      const tokens = teacherTokens.slice(offset, offset + cases);
      offset += cases;
      wavesDone.push(await runWave(ids, tokens, cases, calibration));
    }

    async function runWave(ids: readonly string[], tokens: readonly string[], cases: number, calibration: boolean): Promise<WaveFigures> {
      const label = `attestation ${calibration ? "calibration wave" : "wave"} of ${cases}`;
      log(`bench: workflows — ${label}: submitted at once (concurrency ${SUBMIT_CONCURRENCY})`);
      phaseStarted = performance.now();
      const submitted = performance.now();
      await pool(ids, SUBMIT_CONCURRENCY, async (id, i) => {
        await call("POST", `/attestations/${id}/submit`, { token: tokens[i]! }, 200, "submit attestation");
      });
      const allSubmitted = performance.now();
      const expectedAttestationSheets = cases * 3;
      await until("the attestation panels", async () => ((await openAssignmentsOf(attestationExperts.map((e) => e.id))) === expectedAttestationSheets ? true : undefined), 900_000, 500);
      const drawn = performance.now();
      const attestationSheets = await scoreAll(attestationExpertTokens, (assignment) => sheetMeeting(assignment.rubric.criteria, request.targetCategory));
      const attestationScored = performance.now();
      const countIn = async (statuses: readonly string[]) =>
        [...(await statusesOf(keys.attestation, ids)).values()].filter((item) => statuses.includes(item.status)).length;
      await until("the commission votes to open", async () => ((await countIn(["awaiting_commission"])) === cases ? true : undefined), 900_000, 500);
      const votesOpen = performance.now();
      const chairs = ["user-expert1", "user-expert2", "user-expert3"];
      let votes = 0;
      await pool(chairs, chairs.length, async (chairId) => {
        const token = await tokenOf({ id: chairId, username: chairId.replace(/^user-/, ""), roles: ["expert"] });
        const pending = await listAll(token, "/me/votes", (item) => item.status === "awaiting_commission");
        await pool(pending, 5, async (item: any) => {
          await call("POST", `/attestations/${item.attestationId}/commission-vote`, { token, body: { present: 6, for: 5, against: 1 } }, 200, "vote");
          votes++;
        });
      });
      const voted = performance.now();
      await until("the decisions", async () => ((await countIn(["decided", "final"])) === cases ? true : undefined), 900_000, 250);
      const decided = performance.now();
      closePhase(`${label}: submission → decided`);
      const finals = await until("the final decisions", async () => {
        const statuses = await statusesOf(keys.attestation, ids);
        return [...statuses.values()].filter((item) => item.status === "final").length === cases ? statuses : undefined;
      }, 900_000, 250);
      const final = performance.now();
      const outcomes: Record<string, number> = {};
      for (const item of finals.values()) outcomes[String(item.outcome ?? item.status)] = (outcomes[String(item.outcome ?? item.status)] ?? 0) + 1;
      // The executions end with CloseAppealWindow; let the last ones finish before the phase closes.
      await sleep(1000);
      closePhase(`${label}: decided → final (appeal window of ${APPEAL_WINDOW_SECONDS} s)`);
      return {
        cases,
        calibration,
        experts: ATTESTATION_EXPERTS,
        sheets: attestationSheets,
        votes,
        appealWindowSeconds: APPEAL_WINDOW_SECONDS,
        submissionToDecidedSeconds: seconds(submitted, decided),
        submissionToFinalSeconds: seconds(submitted, final),
        segments: {
          "submissions (API)": seconds(submitted, allSubmitted),
          "submission → every assignment open (document checks, draws, slots)": seconds(submitted, drawn),
          "experts list, open and submit every sheet": seconds(drawn, attestationScored),
          "last sheet → every proposal awaiting the vote (aggregate, propose, open vote)": seconds(attestationScored, votesOpen),
          "chairs list and record every vote": seconds(votesOpen, voted),
          "last vote → every case decided": seconds(voted, decided),
          "decided → final (appeal window, close)": seconds(decided, final),
        },
        outcomes,
        casesPerMinuteToDecided: Math.round((cases / ((decided - submitted) / 60_000)) * 10) / 10,
        casesPerMinuteToFinal: Math.round((cases / ((final - submitted) / 60_000)) * 10) / 10,
      };
    }

    return {
      at: new Date().toISOString(),
      node: process.version,
      competition,
      smallCompetition: small,
      waves: wavesDone,
      retries,
      phases,
      wallSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
  } finally {
    table.destroy();
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=") as [string, string]));
  const figures = await runWorkflowThroughput({
    ...(args["applicants"] ? { applicants: Number(args["applicants"]) } : {}),
    ...(args["waves"] ? { waves: args["waves"].split(",").map(Number) } : {}),
    ...(args["calibration"] ? { calibration: Number(args["calibration"]) } : {}),
  });
  const text = JSON.stringify(figures, null, 2);
  if (args["out"]) writeFileSync(args["out"], text);
  else console.log(text);
  process.exit(0);
}
