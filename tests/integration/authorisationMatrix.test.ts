import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeList } from "../../functions/routes.ts";
import { ALL_ROLES, type Role, type RouteDefinition } from "../../functions/platform/http/routeDefinition.ts";
import { AdalClient, type ApiResponse } from "../../infra/local/client/adalClient.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";

// docs/security.md's "Authorisation matrix" is the single source: this file parses it, checks it against
// the route table, and walks every cell against the embedded stack.

const COLUMNS = ["anonymous", "candidate", "expert", "hr", "admin"] as const;
type Column = (typeof COLUMNS)[number];
const CELLS = ["✓", "own", "school", "assigned", "chair", "—"] as const;
type Cell = (typeof CELLS)[number];
interface Row {
  key: string;
  cells: Record<Column, Cell>;
}

function parseMatrix(markdown: string): Row[] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith("Authorisation matrix"));
  if (!section) throw new Error('docs/security.md has no "## Authorisation matrix" section');
  const lines = section.split("\n").map((line) => line.trim());
  const headerIndex = lines.findIndex((line) => /^\|\s*route\s*\|/.test(line));
  if (headerIndex < 0) throw new Error("the matrix table has no header row starting with | route |");
  const split = (line: string) => line.replace(/^\|/, "").replace(/\|$/, "").split("|").map((cell) => cell.trim());
  const header = split(lines[headerIndex]!);
  expect(header).toEqual(["route", ...COLUMNS]);
  const rows: Row[] = [];
  for (const line of lines.slice(headerIndex + 2)) {
    if (!line.startsWith("|")) break;
    const [route, ...values] = split(line);
    const key = route!.replace(/`/g, "").trim();
    if (values.length !== COLUMNS.length) throw new Error(`row ${key} has ${values.length} cells`);
    for (const value of values) if (!(CELLS as readonly string[]).includes(value)) throw new Error(`row ${key}: unknown cell value "${value}"`);
    rows.push({ key, cells: Object.fromEntries(COLUMNS.map((column, i) => [column, values[i] as Cell])) as Record<Column, Cell> });
  }
  return rows;
}

const routeKey = (route: RouteDefinition) => `${route.method} ${route.path}`;
const matrix = parseMatrix(await readFile(new URL("../../docs/security.md", import.meta.url), "utf8"));
const routesByKey = new Map(routeList.map((route) => [routeKey(route), route]));

describe("the authorisation matrix agrees with the route table", () => {
  it("has exactly one row per route", () => {
    const keys = matrix.map((row) => row.key);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i), "duplicate rows").toEqual([]);
    expect(routeList.map(routeKey).filter((key) => !keys.includes(key)), "routes without a row").toEqual([]);
    expect(keys.filter((key) => !routesByKey.has(key)), "rows naming no route").toEqual([]);
  });

  it.each(matrix.map((row) => [row.key, row] as const))("%s: allowed roles match the route's auth", (_, row) => {
    const route = routesByKey.get(row.key);
    if (!route) return; // reported above
    if (route.auth === "public") {
      expect(COLUMNS.filter((column) => row.cells[column] !== "✓"), "a public route is ✓ for everyone").toEqual([]);
      return;
    }
    expect(row.cells.anonymous, "an authenticated route is denied to anonymous callers").toBe("—");
    const allowed = ALL_ROLES.filter((role) => row.cells[role] !== "—");
    expect([...allowed].sort()).toEqual([...route.auth].sort());
  });
});

// ---------------------------------------------------------------------------------------------------------
// Walking the cells.

/** The user acting for each role, and another user of the same role who owns none of the fixtures. */
const ownerOf: Record<Role, string> = { candidate: "teacher1", expert: "expert1", hr: "hr.school1", admin: "admin" };
const otherOf: Partial<Record<Role, string>> = { candidate: "teacher2", expert: "expert2", hr: "hr.school2" };
const MISSING = "doesNotExist01";

let stack: LocalStack;
let dataDir: string;
let client: AdalClient;
const tokens: Record<string, string> = {};
const f = {} as { vacancyId: string; draftVacancyId: string; applicationId: string; attestationId: string; rubricId: string; schoolId: string };

function bodyFor(key: string): unknown {
  const bodies: Record<string, unknown> = {
    "POST /vacancies": { title: "Chemistry teacher", subject: "chemistry", language: "kk", kind: "teacher", hoursPerWeek: 18, employment: "permanent", closesAt: new Date(Date.now() + 3600_000).toISOString() },
    "POST /vacancies/{id}/applications": { claims: {} },
    "POST /applications/{id}/documents": { kind: "identity", fileName: "id.png", contentType: "image/png", size: 10 },
    "POST /assignments/{id}/score-sheet": { scores: {} },
    "POST /applications/{id}/documents/{documentId}/confirm": { status: 404, why: "no document was uploaded: the document id does not exist" },
  "POST /attestations/{id}/documents/{documentId}/confirm": { status: 404, why: "no document was uploaded: the document id does not exist" },
  "POST /approvals/{id}": { decision: "decline", reason: "Declined the offer" },
    "POST /commissions": { kind: "attestation", level: "district", district: "Абай ауданы", members: [{ userId: "user-expert1", role: "chair" }] },
    "POST /me/conflicts": { schoolId: f.schoolId, reason: "Former colleague" },
    "POST /attestations": { targetCategory: "moderator", currentCategory: "teacher", experienceYears: 3 },
    "POST /attestations/{id}/documents": { kind: "essay", fileName: "essay.pdf", contentType: "application/pdf", size: 10 },
    "POST /attestations/{id}/commission-vote": { present: 7, for: 5, against: 2 },
    "POST /attestations/{id}/appeal": { reason: "The panel did not read my publications" },
  };
  return bodies[key];
}

/** The real object a route's path names, where the fixtures have one; otherwise an id that does not exist. */
function pathOf(route: RouteDefinition): string {
  const p = route.path;
  const id = p === "/vacancies/{id}/publish" ? f.draftVacancyId
    : p.startsWith("/vacancies/") || p.startsWith("/cases/") ? f.vacancyId
    : p.startsWith("/applications/") ? f.applicationId
    : p.startsWith("/attestations/") ? f.attestationId
    : p.startsWith("/rubrics/") ? f.rubricId
    : MISSING;
  return p.replace(/\{(id|caseId)\}/, id).replace("{documentId}", MISSING);
}

/**
 * What the owner (or own school's HR) gets on a real fixture. 2xx unless the fixture cannot cheaply be in
 * the state the route needs; then the owner gets past the ownership check into a state/rule refusal,
 * which the non-owner's 404 must differ from.
 */
const ownerExpectation: Record<string, { status: number; why?: string }> = {
  "POST /applications/{id}/submit": { status: 422, why: "registered documents are not uploaded and confirmed" },
  "POST /attestations/{id}/submit": { status: 422, why: "a bare draft breaks the submission rules" },
  "POST /attestations/{id}/appeal": { status: 409, why: "a draft has no decision to appeal" },
  "POST /applications/{id}/documents/{documentId}/confirm": { status: 404, why: "no document was uploaded: the document id does not exist" },
  "POST /attestations/{id}/documents/{documentId}/confirm": { status: 404, why: "no document was uploaded: the document id does not exist" },
  "POST /approvals/{id}": { status: 404, why: "no approval exists without a whole ranked competition: the id does not exist" },
  "GET /attestations/{id}/decision": { status: 404, why: "a draft has no decision yet: ownership is not observable here" },
};

async function call(route: RouteDefinition, user: string | undefined): Promise<ApiResponse> {
  return client.request(route.method, pathOf(route), { token: user ? tokens[user] : undefined, body: bodyFor(routeKey(route)) });
}

function describeResponse(response: ApiResponse): string {
  return `${response.status} ${JSON.stringify(response.body)?.slice(0, 300)}`;
}

function expectProblem(response: ApiResponse, status: number): void {
  expect(response.status, describeResponse(response)).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
}

let cellsTested = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "adal-authz-"));
  stack = await startLocalStack({ dataDir, port: 0, seed: true, quiet: true });
  client = new AdalClient(stack.url);
  for (const user of [...Object.values(ownerOf), ...Object.values(otherOf)]) tokens[user] = (await client.login(user!)).token;

  f.schoolId = (await client.request("GET", "/me", { token: tokens["hr.school1"] })).body.schoolId;
  const closesAt = new Date(Date.now() + 3600_000).toISOString();
  const vacancyBody = { title: "Physics teacher", subject: "physics", language: "ru", kind: "teacher", hoursPerWeek: 16, employment: "temporary", closesAt };
  const vacancy = await client.request("POST", "/vacancies", { token: tokens["hr.school1"], body: vacancyBody });
  expect(vacancy.status).toBe(201);
  expect((await client.request("POST", `/vacancies/${vacancy.body.id}/publish`, { token: tokens["hr.school1"] })).status).toBe(200);
  const draft = await client.request("POST", "/vacancies", { token: tokens["hr.school1"], body: { ...vacancyBody, title: "Draft vacancy" } });
  expect(draft.status).toBe(201);
  const application = await client.request("POST", `/vacancies/${vacancy.body.id}/applications`, { token: tokens.teacher1, body: { claims: {} } });
  expect(application.status).toBe(201);
  // A registered (not uploaded) document: the owner's submit cell then fails on the rules, not on ownership.
  const diploma = await client.request("POST", `/applications/${application.body.id}/documents`, {
    token: tokens.teacher1,
    body: { kind: "diploma", fileName: "diploma.pdf", contentType: "application/pdf", size: 10 },
  });
  expect(diploma.status).toBe(201);
  const attestation = await client.request("POST", "/attestations", { token: tokens.teacher1, body: bodyFor("POST /attestations") });
  expect(attestation.status, describeResponse(attestation)).toBe(201);
  Object.assign(f, { vacancyId: vacancy.body.id, draftVacancyId: draft.body.id, applicationId: application.body.id, attestationId: attestation.body.id, rubricId: vacancy.body.rubricId });
});

afterAll(async () => {
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

// Rows in document order: the owner's submit then withdraw run after the document cell, as a user would.
const walk = matrix
  .filter((row) => routesByKey.has(row.key))
  .flatMap((row) => COLUMNS.map((column) => [`${row.key} | ${column}: ${row.cells[column]}`, routesByKey.get(row.key)!, column, row.cells[column]] as const));

describe("every cell of the matrix holds against the running stack", () => {
  it.each(walk)("%s", async (_, route, column, cell) => {
    cellsTested++;
    const key = routeKey(route);
    if (cell === "—") {
      expectProblem(await call(route, column === "anonymous" ? undefined : ownerOf[column]), column === "anonymous" ? 401 : 403);
      return;
    }
    if (column === "anonymous") {
      const response = await call(route, undefined);
      expect(response.status, describeResponse(response)).toBeLessThan(500);
      expect([401, 403]).not.toContain(response.status);
      return;
    }
    const role = column as Role;
    if (cell === "✓") {
      const response = await call(route, ownerOf[role]);
      expect(response.status, describeResponse(response)).toBeLessThan(500);
      expect([401, 403], describeResponse(response)).not.toContain(response.status);
      return;
    }
    if (cell === "own" || cell === "school") {
      const other = otherOf[role];
      if (!other) throw new Error(`no second ${role} user to check "${cell}" with`);
      // The other user first: the owner's call may move the object on (publish, submit, withdraw).
      expectProblem(await call(route, other), 404);
      const owner = await call(route, ownerOf[role]);
      const expected = ownerExpectation[key];
      if (expected) expect(owner.status, `${expected.why}: ${describeResponse(owner)}`).toBe(expected.status);
      else expect(owner.status >= 200 && owner.status < 300, `the owner succeeds: ${describeResponse(owner)}`).toBe(true);
      return;
    }
    // "assigned" / "chair": the fixtures have no panel, so an expert holding no assignment on the real case
    // (or on an assignment id that does not exist) must see nothing: 404, never 401/403.
    expectProblem(await call(route, ownerOf[role]), 404);
    if (otherOf[role]) expectProblem(await call(route, otherOf[role]), 404);
  });

  it("walked every cell", () => {
    expect(cellsTested).toBe(matrix.length * COLUMNS.length);
    console.log(`authorisation matrix: ${cellsTested} cells tested over ${matrix.length} routes`);
  });
});
