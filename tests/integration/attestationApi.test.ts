// The attestation routes over HTTP against the embedded stack: filing, the eligibility rules at submission,
// required documents, who may see what, the commission's vote and the appeal, and the admin and expert
// routes that form commissions and declare conflicts. The workflow's own steps are tested elsewhere; where
// a case must be in a state only the workflow reaches, the test writes that state into the table itself,
// on a case that was never submitted (so no workflow runs on it).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentCommission, listConflicts } from "../../functions/adapters/dynamo/commissionRecords.ts";
import { AdalClient, type ApiResponse } from "../../infra/local/client/adalClient.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";

let stack: LocalStack;
let client: AdalClient;
let table: DynamoDBDocumentClient;
const tokens: Record<string, string> = {};

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const freshTest = (score: number) => ({ score, takenAt: daysAgo(30) });
const EXPERTS = [1, 2, 3, 4, 5, 6, 7].map((n) => `user-expert${n}`);

function expectProblem(response: ApiResponse, status: number, code: string): void {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
}

const fieldCodes = (response: ApiResponse) => (response.body.errors as { path: string; code: string }[]).map(({ path, code }) => `${path}:${code}`);

async function fileAttestation(user: string, body: Record<string, unknown>): Promise<string> {
  const response = await client.request("POST", "/attestations", { token: tokens[user], body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  expect(response.body.status).toBe("draft");
  return response.body.id as string;
}

async function register(user: string, attestationId: string, kind: string): Promise<ApiResponse> {
  return client.request("POST", `/attestations/${attestationId}/documents`, {
    token: tokens[user],
    body: { kind, fileName: `${kind}.pdf`, contentType: "application/pdf", size: 2048 },
  });
}

/** Registers, uploads and confirms a real PDF: only confirmed documents count at submission. */
async function registerConfirmed(user: string, attestationId: string, kind: string): Promise<number> {
  const registered = await register(user, attestationId, kind);
  if (registered.status !== 201) return registered.status;
  await client.upload(registered.body.upload, new TextEncoder().encode("%PDF-1.4\n".padEnd(2048, " ")), "application/pdf", `${kind}.pdf`);
  return (await client.request("POST", `/attestations/${attestationId}/documents/${registered.body.documentId}/confirm`, { token: tokens[user] })).status;
}

const submit = (user: string, attestationId: string, headers: Record<string, string> = {}) =>
  client.request("POST", `/attestations/${attestationId}/submit`, { token: tokens[user], headers });

/** Puts a never-submitted case into a state the workflow would have brought it to. */
async function simulateWorkflow(attestationId: string, fields: Record<string, unknown>): Promise<void> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(fields).map(([field, value], index) => {
    names[`#f${index}`] = field;
    values[`:f${index}`] = value;
    return `#f${index} = :f${index}`;
  });
  await table.send(
    new UpdateCommand({
      TableName: "adal",
      Key: { PK: `ATTESTATION#${attestationId}`, SK: "ATTESTATION" },
      UpdateExpression: `SET ${sets.join(", ")}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

const moderatorCase = { targetCategory: "moderator", currentCategory: "teacher", experienceYears: 3, test: freshTest(35) };

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, seed: true, quiet: true });
  client = new AdalClient(stack.url);
  table = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
  );
  // An expert with too little experience for an attestation commission: the demo region has none.
  await table.send(
    new PutCommand({
      TableName: "adal",
      Item: { PK: "USER#user-junior-expert", SK: "USER", type: "user", id: "user-junior-expert", username: "junior", roles: ["expert"], subjects: [], experienceYears: 4, loadCap: 10 },
    }),
  );
  const users = ["admin", ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `teacher${n}`), ...[1, 2, 3, 4, 5, 6, 7].map((n) => `expert${n}`)];
  for (const user of users) tokens[user] = (await client.login(user)).token;
});

afterAll(async () => {
  await stack?.close();
});

describe("filing an attestation", () => {
  it("creates a draft pinned to today's rules and sheet, in the teacher's school and territory", async () => {
    const response = await client.request("POST", "/attestations", { token: tokens.teacher1, body: { ...moderatorCase, subject: "mathematics" } });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: "draft",
      candidateId: "user-teacher1",
      schoolId: "school-1",
      district: "Абай ауданы",
      region: "Шымкент",
      role: "teacher",
      rubricId: "attestation-teacher-v1",
      rulesVersion: "attestation-rules-v1",
      targetCategory: "moderator",
    });
    const support = await client.request("POST", "/attestations", { token: tokens.teacher1, body: { ...moderatorCase, role: "support_specialist" } });
    expect(support.body.rubricId).toBe("attestation-support-v1");
  });

  it("returns the first result for a retried Idempotency-Key", async () => {
    const headers = { "idempotency-key": "attestation-retry-1" };
    const first = await client.request("POST", "/attestations", { token: tokens.teacher8, body: moderatorCase, headers });
    const second = await client.request("POST", "/attestations", { token: tokens.teacher8, body: moderatorCase, headers });
    expect(first.status).toBe(201);
    expect(second).toMatchObject({ status: 201, body: { id: first.body.id } });
    const mine = await client.request("GET", "/me/attestations", { token: tokens.teacher8 });
    expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([first.body.id]);
  });

  it("refuses an application that contradicts itself with 422 and the fields", async () => {
    const response = await client.request("POST", "/attestations", {
      token: tokens.teacher1,
      body: {
        ...moderatorCase,
        exemption: { reason: "experience_30_years", certificate: { kind: "IELTS", level: 7 } },
        lastAttestationAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    });
    expectProblem(response, 422, "attestation_inconsistent");
    expect(fieldCodes(response).sort()).toEqual(["body.exemption.certificate:only_with", "body.lastAttestationAt:in_the_future"]);
  });

  it("accepts only attestation document kinds and verifiable types", async () => {
    const id = await fileAttestation("teacher1", moderatorCase);
    expectProblem(await register("teacher1", id, "identity"), 422, "document_kind_not_allowed");
    const exe = await client.request("POST", `/attestations/${id}/documents`, {
      token: tokens.teacher1,
      body: { kind: "essay", fileName: "essay.exe", contentType: "application/x-msdownload", size: 100 },
    });
    expectProblem(exe, 422, "unsupported_content_type");
    const essay = await register("teacher1", id, "essay");
    expect(essay.status).toBe(201);
    // The server chose the key, under the attestation's own prefix.
    expect(essay.body.upload.fields.key).toMatch(new RegExp(`^attestations/${id}/[A-Za-z0-9_-]+$`));
    expect(await client.upload(essay.body.upload, new TextEncoder().encode("%PDF-1.4\n".padEnd(2048, " ")), "application/pdf", "essay.pdf")).toBe(204);
  });
});

describe("the rules at submission", () => {
  const refused = [
    ["category_sequence", "teacher1", { targetCategory: "expert", currentCategory: "teacher", experienceYears: 3, test: freshTest(40) }, "attestation.targetCategory"],
    ["experience_too_short", "teacher4", { targetCategory: "moderator", currentCategory: "teacher", experienceYears: 1, test: freshTest(35) }, "attestation.experienceYears"],
    ["test_below_threshold", "teacher1", { ...moderatorCase, test: freshTest(20) }, "attestation.test.score"],
    ["test_expired", "teacher1", { ...moderatorCase, test: { score: 40, takenAt: daysAgo(400) } }, "attestation.test.takenAt"],
    [
      "too_early",
      "teacher3",
      { targetCategory: "expert", currentCategory: "moderator", experienceYears: 12, test: freshTest(40), early: true, lastAttestationAt: daysAgo(365) },
      "attestation.lastAttestationAt",
    ],
  ] as const;

  it.each(refused)("refuses %s with 422 and that code, and leaves the draft as it was", async (code, user, body, path) => {
    const id = await fileAttestation(user, body);
    const response = await submit(user, id);
    expectProblem(response, 422, code);
    expect(response.body.errors).toEqual([expect.objectContaining({ path, code })]);
    expect(response.body.errors[0].message.length).toBeGreaterThan(10);
    const after = await client.request("GET", `/attestations/${id}`, { token: tokens[user] });
    expect(after.body.status).toBe("draft");
  });

  it("reports every broken rule, the first one as the code, in the caller's language", async () => {
    const id = await fileAttestation("teacher1", { targetCategory: "expert", currentCategory: "teacher", experienceYears: 3, test: freshTest(20) });
    const response = await submit("teacher1", id, { "accept-language": "ru" });
    expectProblem(response, 422, "category_sequence");
    expect(response.body.errors.map((error: { code: string }) => error.code)).toEqual(["category_sequence", "test_below_threshold"]);
    expect(response.body.errors[0].message).toContain("последовательно");
    expect(response.body.title).toBe("Категории присваиваются последовательно");
  });

  it("checks the required documents once the rules hold, and submits when they are all there", async () => {
    const id = await fileAttestation("teacher2", { ...moderatorCase, experienceYears: 7 });
    const bare = await submit("teacher2", id);
    expectProblem(bare, 422, "required_document_missing");
    expect(bare.body.errors.map((error: { path: string }) => error.path)).toEqual([
      "documents.application",
      "documents.diploma",
      "documents.essay",
      "documents.test",
    ]);
    for (const kind of ["application", "diploma", "essay"]) expect(await registerConfirmed("teacher2", id, kind)).toBe(200);
    const withoutTest = await submit("teacher2", id);
    expectProblem(withoutTest, 422, "required_document_missing");
    expect(withoutTest.body.errors.map((error: { path: string }) => error.path)).toEqual(["documents.test"]);
    // Registered but not confirmed does not count, and is named as such.
    expect((await register("teacher2", id, "test")).status).toBe(201);
    const unconfirmed = await submit("teacher2", id);
    expect(unconfirmed.body.errors).toEqual([expect.objectContaining({ path: "documents.test", code: "document_not_confirmed" })]);
    expect(await registerConfirmed("teacher2", id, "test")).toBe(200);

    const submitted = await submit("teacher2", id);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ id, status: "submitted" });
    expect(typeof submitted.body.submittedAt).toBe("string");
    const read = await client.request("GET", `/attestations/${id}`, { token: tokens.teacher2 });
    expect(read.body.status).not.toBe("draft");
    expect(read.body.submittedAt).toBe(submitted.body.submittedAt);
    // Submitting again changes nothing; the portfolio is closed.
    const again = await submit("teacher2", id);
    expect(again.status).toBe(200);
    expect(again.body.submittedAt).toBe(submitted.body.submittedAt);
    expectProblem(await register("teacher2", id, "courses"), 409, "invalid_state");
    const audit = await client.request("GET", `/cases/${id}/audit`, { token: tokens.admin });
    expect(audit.body.items.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(["attestation.created", "document.registered", "attestation.submitted", "attestation.workflow_started"]),
    );
  });

  it("accepts a valid exemption from the test, which then needs no test certificate", async () => {
    const id = await fileAttestation("teacher5", {
      targetCategory: "moderator",
      currentCategory: "teacher",
      experienceYears: 5,
      subject: "english-language",
      exemption: { reason: "language_certificate", certificate: { kind: "IELTS", level: 7, validUntil: new Date(Date.now() + 365 * DAY).toISOString() } },
    });
    const bare = await submit("teacher5", id);
    expectProblem(bare, 422, "required_document_missing");
    expect(bare.body.errors.map((error: { path: string }) => error.path)).toEqual(["documents.application", "documents.diploma", "documents.essay"]);
    for (const kind of ["application", "diploma", "essay"]) expect(await registerConfirmed("teacher5", id, kind)).toBe(200);
    const submitted = await submit("teacher5", id);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe("submitted");
  });

  it("refuses an exemption that does not apply", async () => {
    const id = await fileAttestation("teacher1", { ...moderatorCase, test: undefined, exemption: { reason: "experience_30_years" } });
    const response = await submit("teacher1", id);
    expectProblem(response, 422, "exemption_invalid");
  });
});

describe("who may see an attestation", () => {
  let draftId: string;
  beforeAll(async () => {
    draftId = await fileAttestation("teacher6", moderatorCase);
  });

  it("hides a teacher's case from other teachers and from experts who are not on it (404)", async () => {
    for (const [method, path] of [
      ["GET", `/attestations/${draftId}`],
      ["POST", `/attestations/${draftId}/submit`],
      ["GET", `/attestations/${draftId}/decision`],
      ["GET", `/cases/${draftId}/audit`],
    ] as const) {
      expectProblem(await client.request(method, path, { token: tokens.teacher7 }), 404, "not_found");
    }
    expectProblem(await register("teacher7", draftId, "essay"), 404, "not_found");
    expectProblem(await client.request("POST", `/attestations/${draftId}/appeal`, { token: tokens.teacher7, body: { reason: "Not mine" } }), 404, "not_found");
    expectProblem(await client.request("GET", `/attestations/${draftId}`, { token: tokens.expert1 }), 404, "not_found");
    expectProblem(
      await client.request("POST", `/attestations/${draftId}/commission-vote`, { token: tokens.expert1, body: { present: 7, for: 7, against: 0 } }),
      404,
      "not_found",
    );
    const others = await client.request("GET", "/me/attestations", { token: tokens.teacher7 });
    expect(others.body.items.some((item: { id: string }) => item.id === draftId)).toBe(false);
  });

  it("shows the owner their case and its audit trail, and an admin everything", async () => {
    expect((await client.request("GET", `/attestations/${draftId}`, { token: tokens.teacher6 })).status).toBe(200);
    expect((await client.request("GET", `/cases/${draftId}/audit`, { token: tokens.teacher6 })).status).toBe(200);
    const admin = await client.request("GET", `/attestations/${draftId}`, { token: tokens.admin });
    expect(admin.body).toMatchObject({ id: draftId, candidateId: "user-teacher6" });
    const mine = await client.request("GET", "/me/attestations", { token: tokens.teacher6 });
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(draftId);
  });

  it("answers 404 for a decision that is not taken yet", async () => {
    expectProblem(await client.request("GET", `/attestations/${draftId}/decision`, { token: tokens.teacher6 }), 404, "not_found");
  });
});

describe("the commission's vote (case put in the workflow's state by the test)", () => {
  let id: string;
  const round = {
    kind: "first",
    seed: "seed-1",
    inputsHash: "hash-1",
    drawnAt: daysAgo(2),
    commissionId: "commission-attestation-school-1",
    members: ["user-expert5", "user-expert6", "user-expert7"],
    aggregate: {
      memberTotals: [
        { memberId: "user-expert5", total: 70 },
        { memberId: "user-expert6", total: 72 },
        { memberId: "user-expert7", total: 74 },
      ],
      meanScore: 72,
      threshold: 68,
      meetsCategory: true,
      disagreement: false,
    },
    proposal: { outcome: "meets", grantedCategory: "moderator" },
  };

  beforeAll(async () => {
    id = await fileAttestation("teacher1", moderatorCase);
    await simulateWorkflow(id, {
      status: "awaiting_commission",
      commissionId: "commission-attestation-school-1",
      commissionSize: 7,
      chairId: "user-expert1",
      voteTaskToken: "x".repeat(43),
      rounds: [round],
    });
  });

  const vote = (user: string, body: Record<string, unknown>) =>
    client.request("POST", `/attestations/${id}/commission-vote`, { token: tokens[user], body });

  it("is the chair's alone: another commission member gets 404", async () => {
    expectProblem(await vote("expert5", { present: 7, for: 7, against: 0 }), 404, "not_found");
  });

  it("shows the teacher and the chair the panel's totals without names", async () => {
    const owner = await client.request("GET", `/attestations/${id}`, { token: tokens.teacher1 });
    expect(JSON.stringify(owner.body)).not.toMatch(/user-expert|voteTaskToken/);
    expect(owner.body.rounds[0].aggregate.memberTotals).toEqual([
      { memberRef: "M1", total: 70 },
      { memberRef: "M2", total: 72 },
      { memberRef: "M3", total: 74 },
    ]);
    const chair = await client.request("GET", `/attestations/${id}`, { token: tokens.expert1 });
    expect(chair.status).toBe(200);
    expect(JSON.stringify(chair.body)).not.toMatch(/user-teacher1|user-expert|school-1/);
    expect(chair.body.currentRound.proposal).toEqual({ outcome: "meets", grantedCategory: "moderator" });
    const admin = await client.request("GET", `/attestations/${id}`, { token: tokens.admin });
    expect(admin.body.rounds[0].members).toEqual(round.members);
    expect(admin.body.voteTaskToken).toBeUndefined();
  });

  it("refuses a vote without quorum, with counts that do not add up, or a tie without the chair's vote (422)", async () => {
    const noQuorum = await vote("expert1", { present: 4, for: 4, against: 0 });
    expectProblem(noQuorum, 422, "no_quorum");
    expect(noQuorum.body.errors[0].path).toBe("body.present");
    expectProblem(await vote("expert1", { present: 5, for: 4, against: 2 }), 422, "invalid_vote");
    expectProblem(await vote("expert1", { present: 6, for: 3, against: 3 }), 422, "tie_without_chair_vote");
  });

  it("records the vote on the current round with its audit event, once", async () => {
    const response = await vote("expert1", { present: 6, for: 4, against: 2 });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ id, accepted: true, present: 6, for: 4, against: 2, round: 1 });
    const stored = await table.send(new GetCommand({ TableName: "adal", Key: { PK: `ATTESTATION#${id}`, SK: "ATTESTATION" } }));
    expect(stored.Item?.rounds[0].vote).toMatchObject({ present: 6, for: 4, against: 2, accepted: true, chairId: "user-expert1" });
    const audit = await client.request("GET", `/cases/${id}/audit`, { token: tokens.admin });
    expect(audit.body.items.at(-1)).toMatchObject({ actor: "user-expert1", action: "attestation.commission_voted" });
    // The same vote again is a retry; a different one is too late.
    expect((await vote("expert1", { present: 6, for: 4, against: 2 })).status).toBe(200);
    expectProblem(await vote("expert1", { present: 7, for: 2, against: 5 }), 409, "already_decided");
  });

  it("refuses a vote when the case does not wait for one (409)", async () => {
    const draft = await fileAttestation("teacher1", moderatorCase);
    await simulateWorkflow(draft, { status: "scoring", chairId: "user-expert1" });
    expectProblem(
      await client.request("POST", `/attestations/${draft}/commission-vote`, { token: tokens.expert1, body: { present: 7, for: 7, against: 0 } }),
      409,
      "invalid_state",
    );
  });
});

describe("the decision and the appeal (case put in the workflow's state by the test)", () => {
  const decision = (final: boolean) => ({
    outcome: "does_not_meet",
    grantedCategory: "teacher",
    meanScore: 61.5,
    threshold: 68,
    panel: [
      { memberRef: "M1", total: 60 },
      { memberRef: "M2", total: 63 },
    ],
    decidedAt: daysAgo(1),
    final,
  });
  const appeal = (user: string, attestationId: string, headers: Record<string, string> = {}) =>
    client.request("POST", `/attestations/${attestationId}/appeal`, { token: tokens[user], body: { reason: "Criterion 2.1 ignored my students' diplomas" }, headers });

  it("shows the decision to its owner and an admin, and takes one appeal within the window", async () => {
    const id = await fileAttestation("teacher3", moderatorCase);
    expectProblem(await appeal("teacher3", id), 409, "invalid_state");
    const appealDeadline = new Date(Date.now() + 10 * DAY).toISOString();
    await simulateWorkflow(id, { status: "decided", decision: decision(false), appealDeadline });

    const read = await client.request("GET", `/attestations/${id}/decision`, { token: tokens.teacher3 });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ outcome: "does_not_meet", grantedCategory: "teacher", meanScore: 61.5, threshold: 68, final: false, appealDeadline });
    expect(read.body.panel).toEqual([
      { memberRef: "M1", total: 60 },
      { memberRef: "M2", total: 63 },
    ]);
    expect((await client.request("GET", `/attestations/${id}/decision`, { token: tokens.admin })).status).toBe(200);
    expectProblem(await client.request("GET", `/attestations/${id}/decision`, { token: tokens.teacher4 }), 404, "not_found");

    const headers = { "idempotency-key": "appeal-1" };
    const filed = await appeal("teacher3", id, headers);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ id, status: "appealed", appeal: { reason: "Criterion 2.1 ignored my students' diplomas" } });
    expect(await appeal("teacher3", id, headers)).toMatchObject({ status: 201, body: filed.body });
    expectProblem(await appeal("teacher3", id), 409, "already_appealed");
    const audit = await client.request("GET", `/cases/${id}/audit`, { token: tokens.teacher3 });
    expect(audit.body.items.at(-1)).toMatchObject({ action: "attestation.appealed" });
  });

  it("refuses an appeal after the window or against a final decision (409)", async () => {
    const late = await fileAttestation("teacher3", moderatorCase);
    await simulateWorkflow(late, { status: "decided", decision: decision(false), appealDeadline: daysAgo(1) });
    expectProblem(await appeal("teacher3", late), 409, "appeal_window_closed");
    const final = await fileAttestation("teacher3", moderatorCase);
    await simulateWorkflow(final, { status: "final", decision: decision(true), appealDeadline: daysAgo(1) });
    expectProblem(await appeal("teacher3", final), 409, "appeal_window_closed");
  });
});

describe("forming commissions", () => {
  const members = (ids: readonly string[]) => ids.map((userId, index) => ({ userId, role: index === 0 ? "chair" : "member" }));
  const form = (body: Record<string, unknown>) => client.request("POST", "/commissions", { token: tokens.admin, body });

  it("forms an attestation commission of seven experienced experts, which becomes the one in force", async () => {
    const response = await form({ kind: "attestation", level: "district", district: "Тест ауданы", members: members(EXPERTS) });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body).toMatchObject({ kind: "attestation", level: "district", district: "Тест ауданы", territory: "Тест ауданы" });
    expect((await currentCommission("attestation", "district", "Тест ауданы"))?.id).toBe(response.body.id);
    const audit = await client.request("GET", `/cases/${response.body.id}/audit`, { token: tokens.admin });
    expect(audit.body.items[0]).toMatchObject({ action: "commission.formed", actor: "user-admin" });
  });

  it("refuses an even number of voting members", async () => {
    const response = await form({ kind: "attestation", level: "region", region: "Тест облысы", members: members(EXPERTS.slice(0, 6)) });
    expectProblem(response, 422, "commission_invalid");
    expect(fieldCodes(response)).toEqual(["body.members:odd_voting_members", "body.members:too_few_members"]);
  });

  it("refuses fewer than seven voting members, reserves not counted", async () => {
    const response = await form({
      kind: "attestation",
      level: "region",
      region: "Тест облысы",
      members: [...members(EXPERTS.slice(0, 5)), { userId: EXPERTS[5], role: "reserve" }, { userId: EXPERTS[6], role: "reserve" }],
    });
    expectProblem(response, 422, "commission_invalid");
    expect(fieldCodes(response)).toEqual(["body.members:too_few_members"]);
  });

  it("names each member who may not sit: too little experience, not an expert, unknown, listed twice", async () => {
    const response = await form({
      kind: "attestation",
      level: "region",
      region: "Тест облысы",
      members: [
        ...members(EXPERTS.slice(0, 5)),
        { userId: "user-junior-expert", role: "member" },
        { userId: "user-teacher2", role: "member" },
        { userId: "user-nobody", role: "reserve" },
        { userId: EXPERTS[1], role: "reserve" },
      ],
    });
    expectProblem(response, 422, "commission_invalid");
    expect(fieldCodes(response)).toEqual([
      "body.members.5.userId:experience_below_minimum",
      "body.members.6.userId:not_an_expert",
      "body.members.7.userId:unknown_user",
      "body.members.8.userId:duplicate_member",
    ]);
    expect(response.body.errors[0].message).toContain("user-junior-expert");
  });

  it("needs exactly one chair, and the territory its level names", async () => {
    const twoChairs = await form({ kind: "attestation", level: "region", region: "Тест облысы", members: [...members(EXPERTS.slice(0, 6)), { userId: EXPERTS[6], role: "chair" }] });
    expect(fieldCodes(twoChairs)).toEqual(["body.members:one_chair"]);
    const noSchool = await form({ kind: "attestation", level: "school", members: members(EXPERTS) });
    expect(fieldCodes(noSchool)).toEqual(["body.schoolId:required_for_level"]);
    const unknownSchool = await form({ kind: "attestation", level: "school", schoolId: "school-404", members: members(EXPERTS) });
    expect(fieldCodes(unknownSchool)).toEqual(["body.schoolId:unknown_school"]);
    const republic = await form({ kind: "attestation", level: "republic", region: "Шымкент", members: members(EXPERTS) });
    expectProblem(republic, 422, "commission_invalid");
    expect(fieldCodes(republic)).toEqual(["body.region:not_for_level"]);
  });

  it("forms a competition commission without the attestation's size and experience rules", async () => {
    const response = await form({ kind: "competition", level: "school", schoolId: "school-3", members: [...members(["user-junior-expert", EXPERTS[0]!, EXPERTS[1]!]), { userId: EXPERTS[2], role: "reserve" }] });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.territory).toBe("school-3");
  });
});

describe("declaring a conflict of interest", () => {
  const declare = (body: Record<string, unknown>, user = "expert2", headers: Record<string, string> = {}) =>
    client.request("POST", "/me/conflicts", { token: tokens[user], body, headers });

  it("records a conflict with a person or a school, which draws then read", async () => {
    const headers = { "idempotency-key": "conflict-1" };
    const person = await declare({ userId: "user-teacher8", reason: "My sister" }, "expert2", headers);
    expect(person.status).toBe(201);
    expect(person.body).toMatchObject({ userId: "user-teacher8", reason: "My sister" });
    expect(typeof person.body.id).toBe("string");
    expect(await declare({ userId: "user-teacher8", reason: "My sister" }, "expert2", headers)).toMatchObject({ status: 201, body: person.body });
    const school = await declare({ schoolId: "school-2", reason: "I taught there until last year" });
    expect(school.status).toBe(201);
    expect(school.body.userId).toBeUndefined();
    const conflicts = await listConflicts("user-expert2");
    expect(conflicts.userIds).toEqual(["user-teacher8"]);
    expect(conflicts.schoolIds).toEqual(["school-2"]);
  });

  it("needs exactly one person or one school that exists, and not oneself (422)", async () => {
    const both = await declare({ userId: "user-teacher8", schoolId: "school-2", reason: "Both" });
    expectProblem(both, 422, "conflict_target_invalid");
    expect(fieldCodes(both)).toEqual(["body.userId:exactly_one", "body.schoolId:exactly_one"]);
    expectProblem(await declare({ reason: "Nobody" }), 422, "conflict_target_invalid");
    expect(fieldCodes(await declare({ userId: "user-expert2", reason: "Me" }))).toEqual(["body.userId:self_conflict"]);
    expect(fieldCodes(await declare({ schoolId: "school-404", reason: "No such school" }))).toEqual(["body.schoolId:unknown_school"]);
  });
});
