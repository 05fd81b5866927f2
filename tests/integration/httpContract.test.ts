import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import { SignJWT } from "jose";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeList } from "../../functions/routes.ts";
import { ALL_ROLES, type Role, type RouteDefinition } from "../../functions/platform/http/routeDefinition.ts";
import { AdalClient, type ApiResponse } from "../../infra/local/client/adalClient.ts";
import { LOCAL_AUDIENCE, loadSigningKey, localIssuer } from "../../infra/local/identity/tokens.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";

// Every route, every kind of bad request: the right 4xx as problem+json, never a 500, never a write.

const userFor: Record<Role, string> = { candidate: "teacher1", expert: "expert1", hr: "hr.school1", admin: "admin" };
const withBody = routeList.filter((route) => route.body);
/** A valid body per route with one: "an unknown field" must be the only thing wrong with a request. */
const validBodies: Record<string, unknown> = {
  "POST /vacancies": { title: "T", subject: "s", language: "kk", kind: "teacher", hoursPerWeek: 1, employment: "permanent", closesAt: "2099-01-01T00:00:00Z" },
  "POST /vacancies/{id}/applications": { claims: {} },
  "POST /applications/{id}/documents": { kind: "identity", fileName: "id.png", contentType: "image/png", size: 10 },
  "POST /assignments/{id}/score-sheet": { scores: {} },
  "POST /approvals/{id}": { decision: "decline", reason: "Declined the offer" },
  "POST /commissions": { kind: "attestation", level: "district", district: "Абай ауданы", members: [{ userId: "user-expert1", role: "chair" }] },
  "POST /me/conflicts": { schoolId: "school-1", reason: "Former colleague" },
  "POST /attestations": { targetCategory: "moderator", currentCategory: "teacher", experienceYears: 3 },
  "POST /attestations/{id}/documents": { kind: "essay", fileName: "essay.pdf", contentType: "application/pdf", size: 10 },
  "POST /attestations/{id}/commission-vote": { present: 7, for: 5, against: 2 },
  "POST /attestations/{id}/appeal": { reason: "The panel did not read my publications" },
};
const authenticated = routeList.filter((route) => route.auth !== "public");

let stack: LocalStack;
let dataDir: string;
let client: AdalClient;
const tokens = {} as Record<Role, string>;
let expiredToken: string;
let ids: Record<string, string>;

function pathOf(route: RouteDefinition): string {
  return route.path
    .replace("{caseId}", ids.vacancyId!)
    .replace("{id}", route.path.startsWith("/vacancies") ? ids.vacancyId! : route.path.startsWith("/applications") ? ids.applicationId! : "doesNotExist01");
}

function expectProblem(response: ApiResponse, status: number, code: string): void {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(typeof response.body.title).toBe("string");
}

async function itemCount(): Promise<number> {
  const dynamo = new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  let count = 0;
  let startKey: Record<string, any> | undefined;
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: "adal", Select: "COUNT", ExclusiveStartKey: startKey }));
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "adal-contract-"));
  stack = await startLocalStack({ dataDir, port: 0, seed: true, quiet: true });
  client = new AdalClient(stack.url);
  for (const role of ALL_ROLES) tokens[role] = (await client.login(userFor[role])).token;

  const key = await loadSigningKey(dataDir);
  const now = Math.floor(Date.now() / 1000);
  expiredToken = await new SignJWT({ "cognito:groups": [...ALL_ROLES] })
    .setProtectedHeader({ alg: "RS256", kid: key.kid })
    .setIssuer(localIssuer(Number(new URL(stack.url).port)))
    .setAudience(LOCAL_AUDIENCE)
    .setSubject("user-admin")
    .setIssuedAt(now - 7200)
    .setExpirationTime(now - 60)
    .sign(key.privateKey);

  const closesAt = new Date(Date.now() + 3600_000).toISOString();
  const vacancy = await client.request("POST", "/vacancies", {
    token: tokens.hr,
    body: { title: "Physics teacher", subject: "physics", language: "ru", kind: "teacher", hoursPerWeek: 16, employment: "temporary", closesAt },
  });
  expect(vacancy.status).toBe(201);
  expect((await client.request("POST", `/vacancies/${vacancy.body.id}/publish`, { token: tokens.hr })).status).toBe(200);
  const application = await client.request("POST", `/vacancies/${vacancy.body.id}/applications`, { token: tokens.candidate, body: { claims: {} } });
  expect(application.status).toBe(201);
  ids = { vacancyId: vacancy.body.id, applicationId: application.body.id };
});

afterAll(async () => {
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("every route refuses bad requests with problem+json and writes nothing", () => {
  let before: number;
  beforeAll(async () => {
    before = await itemCount();
  });

  it.each(authenticated.map((route) => [`${route.method} ${route.path}`, route] as const))("%s: no token → 401", async (_, route) => {
    expectProblem(await client.request(route.method, pathOf(route), { body: route.body ? {} : undefined }), 401, "unauthorized");
  });

  it.each(authenticated.map((route) => [`${route.method} ${route.path}`, route] as const))("%s: expired token → 401", async (_, route) => {
    expectProblem(await client.request(route.method, pathOf(route), { token: expiredToken }), 401, "token_expired");
  });

  it.each(authenticated.map((route) => [`${route.method} ${route.path}`, route] as const))("%s: a forged token → 401", async (_, route) => {
    const [header, payload] = tokens.admin.split(".");
    const forged = `${header}.${payload}.${Buffer.from("not the signature").toString("base64url")}`;
    expectProblem(await client.request(route.method, pathOf(route), { token: forged }), 401, "unauthorized");
  });

  it.each(
    authenticated.flatMap((route) =>
      ALL_ROLES.filter((role) => !(route.auth as readonly Role[]).includes(role)).map((role) => [`${route.method} ${route.path} as ${role}`, route, role] as const),
    ),
  )("%s → 403", async (_, route, role) => {
    expectProblem(await client.request(route.method, pathOf(route), { token: tokens[role], body: route.body ? {} : undefined }), 403, "forbidden");
  });

  const allowedToken = (route: RouteDefinition) => (route.auth === "public" ? undefined : tokens[(route.auth as readonly Role[])[0]!]);

  it.each(withBody.map((route) => [`${route.method} ${route.path}`, route] as const))("%s: malformed JSON → 400", async (_, route) => {
    expectProblem(await client.request(route.method, pathOf(route), { token: allowedToken(route), rawBody: '{"title": "unterminated', headers: { "content-type": "application/json" } }), 400, "malformed_json");
  });

  it.each(withBody.map((route) => [`${route.method} ${route.path}`, route] as const))("%s: unknown field → 400 naming it", async (_, route) => {
    const valid = validBodies[`${route.method} ${route.path}`];
    expect(valid, "add a valid body for this route to validBodies").toBeDefined();
    const response = await client.request(route.method, pathOf(route), { token: allowedToken(route), body: { ...(valid as object), surprise: true } });
    expectProblem(response, 400, "validation_failed");
    expect(response.body.errors.some((error: { code: string; message: string }) => error.code === "unrecognized_keys" && error.message.includes("surprise"))).toBe(true);
  });

  it.each(withBody.map((route) => [`${route.method} ${route.path}`, route] as const))("%s: wrong types → 400 with field paths", async (_, route) => {
    const response = await client.request(route.method, pathOf(route), { token: allowedToken(route), body: [1, 2, 3] });
    expectProblem(response, 400, "validation_failed");
    const nested = await client.request(route.method, pathOf(route), {
      token: allowedToken(route),
      body: { title: 5, claims: "x", scores: [], decision: 7, kind: {}, size: "big" },
    });
    expectProblem(nested, 400, "validation_failed");
    expect(nested.body.errors.every((error: { path: string }) => error.path.startsWith("body"))).toBe(true);
  });

  it.each(withBody.map((route) => [`${route.method} ${route.path}`, route] as const))("%s: body over 10 MB → 413", async (_, route) => {
    const rawBody = `{"title":"${"x".repeat(10 * 1024 * 1024 + 1)}"}`;
    expectProblem(await client.request(route.method, pathOf(route), { token: allowedToken(route), rawBody, headers: { "content-type": "application/json" } }), 413, "payload_too_large");
  });

  it.each(routeList.filter((route) => route.query).map((route) => [`${route.method} ${route.path}`, route] as const))("%s: unknown query parameter → 400", async (_, route) => {
    expectProblem(await client.request(route.method, `${pathOf(route)}?bogus=1`, { token: allowedToken(route) }), 400, "validation_failed");
  });

  it.each(routeList.filter((route) => route.params).map((route) => [`${route.method} ${route.path}`, route] as const))("%s: malformed path id → 400", async (_, route) => {
    const path = route.path.replace(/\{[^}]+\}/, encodeURIComponent("bad id!"));
    expectProblem(await client.request(route.method, path, { token: allowedToken(route), body: route.body ? {} : undefined }), 400, "validation_failed");
  });

  it("answers in the caller's language", async () => {
    const response = await client.request("POST", "/vacancies", { token: tokens.hr, body: { title: "" }, headers: { "accept-language": "kk" } });
    expectProblem(response, 400, "validation_failed");
    expect(response.body.title).toBe("Сұраныста жарамсыз өрістер бар");
    expect(response.headers.get("content-language")).toBe("kk");
  });

  it("no refused request wrote anything", async () => {
    expect(await itemCount()).toBe(before);
  });
});

describe("conflicts and rules", () => {
  it("refuses a second application to the same vacancy with 409", async () => {
    const again = await client.request("POST", `/vacancies/${ids.vacancyId}/applications`, { token: tokens.candidate, body: { claims: {} } });
    expectProblem(again, 409, "application_exists");
  });

  it("returns the first result for a retried Idempotency-Key and creates nothing new", async () => {
    const teacher = await client.login("teacher2");
    const headers = { "idempotency-key": "retry-me-1" };
    const first = await client.request("POST", `/vacancies/${ids.vacancyId}/applications`, { token: teacher.token, body: { claims: { education: "higher_full_time" } }, headers });
    const before = await itemCount();
    const second = await client.request("POST", `/vacancies/${ids.vacancyId}/applications`, { token: teacher.token, body: { claims: { education: "higher_full_time" } }, headers });
    expect(first.status).toBe(201);
    expect(second).toMatchObject({ status: 201, body: first.body });
    expect(await itemCount()).toBe(before);
    const reused = await client.request("POST", `/vacancies/${ids.vacancyId}/applications`, { token: teacher.token, body: { claims: { education: "vocational" } }, headers });
    expectProblem(reused, 422, "idempotency_key_reused");
  });

  it("refuses claims that do not fit the evaluation sheet with 422 and the field", async () => {
    const teacher = await client.login("teacher3");
    const response = await client.request("POST", `/vacancies/${ids.vacancyId}/applications`, { token: teacher.token, body: { claims: { education: "astronaut", courses: 99 } } });
    expectProblem(response, 422, "claims_invalid");
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(["body.claims.courses", "body.claims.education"]);
  });

  it("refuses to submit without the required documents (422) and names them", async () => {
    const response = await client.request("POST", `/applications/${ids.applicationId}/submit`, { token: tokens.candidate });
    expectProblem(response, 422, "required_document_missing");
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(["documents.identity", "documents.diploma"]);
  });

  it("refuses a document type it cannot verify, and an oversized file", async () => {
    const exe = await client.request("POST", `/applications/${ids.applicationId}/documents`, { token: tokens.candidate, body: { kind: "diploma", fileName: "diploma.exe", contentType: "application/x-msdownload", size: 1000 } });
    expectProblem(exe, 422, "unsupported_content_type");
    const huge = await client.request("POST", `/applications/${ids.applicationId}/documents`, { token: tokens.candidate, body: { kind: "diploma", fileName: "diploma.pdf", contentType: "application/pdf", size: 11 * 1024 * 1024 } });
    expectProblem(huge, 413, "file_too_large");
  });

  it("hides other people's objects behind 404", async () => {
    const other = await client.login("teacher5");
    expectProblem(await client.request("GET", `/applications/${ids.applicationId}`, { token: other.token }), 404, "not_found");
    const otherHr = await client.login("hr.school2");
    expectProblem(await client.request("GET", `/vacancies/${ids.vacancyId}/applications`, { token: otherHr.token }), 404, "not_found");
    expectProblem(await client.request("POST", `/vacancies/${ids.vacancyId}/publish`, { token: otherHr.token }), 404, "not_found");
  });

  it("refuses publishing twice with 409", async () => {
    expectProblem(await client.request("POST", `/vacancies/${ids.vacancyId}/publish`, { token: tokens.hr }), 409, "invalid_state");
  });

  it("serves an OpenAPI document with every route of the table", async () => {
    const response = await client.request("GET", "/openapi.json");
    expect(response.status).toBe(200);
    for (const route of routeList) expect(response.body.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    expect(response.body.paths["/vacancies"].post.requestBody.content["application/json"].schema.required).toContain("closesAt");
  });
});
