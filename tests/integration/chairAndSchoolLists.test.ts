// GET /me/votes (a chair's open commission votes) and GET /me/vacancies (an HR officer's school's vacancies,
// drafts included) over HTTP against the embedded stack. Where a case must wait for a vote, the test writes
// the state the workflow would have reached into a never-submitted case and then runs the workflow's own
// steps (openCommissionVote, recordFailure) in-process, so the chair's index entry is written and removed by
// the code that does it for real.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAttestationWhere } from "../../functions/adapters/dynamo/attestationRecords.ts";
import { writeOne } from "../../functions/adapters/dynamo/updates.ts";
import { handler as openCommissionVote } from "../../functions/tasks/openCommissionVote.ts";
import { handler as recordFailure } from "../../functions/tasks/recordFailure.ts";
import { AdalClient, type ApiResponse } from "../../infra/local/client/adalClient.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";

let stack: LocalStack;
let client: AdalClient;
const tokens: Record<string, string> = {};

const DAY = 24 * 3600 * 1000;
const get = (user: string, path: string, query: Record<string, string | number> = {}) => {
  const search = new URLSearchParams(Object.entries(query).map(([name, value]): [string, string] => [name, String(value)])).toString();
  return client.request("GET", search ? `${path}?${search}` : path, { token: tokens[user] });
};

function expectProblem(response: ApiResponse, status: number, code: string): void {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
}

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, seed: true, quiet: true });
  client = new AdalClient(stack.url);
  for (const user of ["teacher1", "teacher2", "expert1", "expert4", "hr.school1", "hr.school2", "admin"]) tokens[user] = (await client.login(user)).token;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe("GET /me/vacancies", () => {
  const body = (title: string) => ({
    title,
    subject: "chemistry",
    language: "kk",
    kind: "teacher",
    hoursPerWeek: 18,
    employment: "permanent",
    closesAt: new Date(Date.now() + 3 * DAY).toISOString(),
  });
  const create = async (hr: string, title: string): Promise<string> => {
    const created = await client.request("POST", "/vacancies", { token: tokens[hr], body: body(title) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  };
  let draft: string;
  let published: string;
  let otherSchools: string;

  beforeAll(async () => {
    draft = await create("hr.school1", "Unpublished draft");
    published = await create("hr.school1", "Published later");
    expect((await client.request("POST", `/vacancies/${published}/publish`, { token: tokens["hr.school1"] })).status).toBe(200);
    otherSchools = await create("hr.school2", "Another school's draft");
  });

  it("lists the officer's own school's vacancies, drafts included, newest first, as GET /vacancies shows them", async () => {
    const response = await get("hr.school1", "/me/vacancies", { limit: 100 });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const ids = (response.body.items as { id: string }[]).map((item) => item.id);
    expect(ids).toContain(draft);
    expect(ids.indexOf(published)).toBeLessThan(ids.indexOf(draft));
    expect(ids).not.toContain(otherSchools);
    expect(new Set((response.body.items as { schoolId: string }[]).map((item) => item.schoolId))).toEqual(new Set(["school-1"]));
    expect(response.body.items.find((item: { id: string }) => item.id === draft)).toMatchObject({ status: "draft", title: "Unpublished draft" });
    // The same item shape as the public list, no workflow internals.
    const publicList = await get("hr.school1", "/vacancies", { schoolId: "school-1", limit: 100 });
    const publicItem = publicList.body.items.find((item: { id: string }) => item.id === published);
    expect(response.body.items.find((item: { id: string }) => item.id === published)).toEqual(publicItem);
    expect(publicList.body.items.map((item: { id: string }) => item.id)).not.toContain(draft);
    expect(JSON.stringify(response.body)).not.toMatch(/executionArn|createdBy|failureHash/);
  });

  it("pages with limit and cursor, and refuses a cursor from another school's list", async () => {
    const first = await get("hr.school1", "/me/vacancies", { limit: 1 });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await get("hr.school1", "/me/vacancies", { limit: 1, cursor: first.body.nextCursor });
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const foreign = await get("hr.school2", "/me/vacancies", { limit: 1, cursor: first.body.nextCursor });
    expectProblem(foreign, 400, "validation_failed");
  });

  it("gives another school's officer only their own school's vacancies", async () => {
    const response = await get("hr.school2", "/me/vacancies", { limit: 100 });
    const ids = (response.body.items as { id: string }[]).map((item) => item.id);
    expect(ids).toContain(otherSchools);
    expect(ids).not.toContain(draft);
    expect(ids).not.toContain(published);
  });

  it("refuses unknown query parameters and out-of-range limits", async () => {
    expectProblem(await get("hr.school1", "/me/vacancies", { status: "draft" }), 400, "validation_failed");
    expectProblem(await get("hr.school1", "/me/vacancies", { limit: 0 }), 400, "validation_failed");
  });
});

describe("GET /me/votes", () => {
  const SCHOOL1_COMMISSION = "commission-attestation-school-1";
  const moderatorCase = { targetCategory: "moderator", currentCategory: "teacher", experienceYears: 3, test: { score: 35, takenAt: new Date(Date.now() - 30 * DAY).toISOString() } };
  /** The round as the workflow leaves it at the proposal; only what the list and the chair's view read. */
  const round = (proposedAt: string) => ({
    kind: "first",
    drawnAt: proposedAt,
    members: [],
    aggregate: { memberTotals: [], meanScore: 72, threshold: 68, meetsCategory: true, disagreement: false },
    proposal: { outcome: "meets", grantedCategory: "moderator", cappedByTest: false, proposedAt },
  });

  /** A draft put where the workflow leaves a case before it opens the vote: proposal made, chair named. */
  async function proposedCase(teacher: string, proposedAt: string): Promise<string> {
    const created = await client.request("POST", "/attestations", { token: tokens[teacher], body: moderatorCase });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    await writeOne(
      updateAttestationWhere(id, {
        set: { status: "awaiting_commission", commissionId: SCHOOL1_COMMISSION, commissionSize: 7, chairId: "user-expert1", rounds: [round(proposedAt)] },
      }),
    );
    return id;
  }

  const token = (n: number) => `T${String(n).padStart(42, "0")}`;
  const votesOf = async (user: string) => {
    const response = await get(user, "/me/votes", { limit: 100 });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.items as { attestationId: string }[];
  };
  const listed = async (user: string, id: string) => (await votesOf(user)).filter((item) => item.attestationId === id);

  it("lists a case once the workflow opens the vote, in the shape the web app reads, to its chair only", async () => {
    const id = await proposedCase("teacher1", "2026-02-01T09:00:00.000Z");
    expect(await listed("expert1", id), "no entry before the vote is opened").toEqual([]);
    expect(await openCommissionVote({ attestationId: id, round: "first", taskToken: token(1) })).toEqual({ status: "waiting" });
    expect(await listed("expert1", id)).toEqual([
      {
        attestationId: id,
        status: "awaiting_commission",
        targetCategory: "moderator",
        proposal: { round: "first", outcome: "meets", grantedCategory: "moderator", meanScore: 72, threshold: 68, proposedAt: "2026-02-01T09:00:00.000Z" },
        commission: { id: SCHOOL1_COMMISSION, level: "school", votingMembers: 7 },
      },
    ]);
    // Neither another chair nor a panel member sees it; the list names no person.
    expect(await listed("expert4", id)).toEqual([]);
    expect(JSON.stringify(await votesOf("expert1"))).not.toMatch(/user-/);
    // The chair can open the case itself.
    const details = await get("expert1", `/attestations/${id}`);
    expect(details.status).toBe(200);
    expect(details.body.currentRound.proposal).toMatchObject({ outcome: "meets", grantedCategory: "moderator" });
    expect(JSON.stringify(details.body)).not.toMatch(/user-teacher1|voteTaskToken/);
  });

  it("keeps one entry when the step runs again, with the same token or a re-driven one", async () => {
    const id = await proposedCase("teacher1", "2026-02-01T09:00:00.000Z");
    await openCommissionVote({ attestationId: id, round: "first", taskToken: token(2) });
    expect(await openCommissionVote({ attestationId: id, round: "first", taskToken: token(2) })).toEqual({ status: "waiting" });
    expect(await openCommissionVote({ attestationId: id, round: "first", taskToken: token(3) })).toEqual({ status: "waiting" });
    expect(await listed("expert1", id)).toHaveLength(1);
  });

  it("lists the oldest proposal first and pages with limit and cursor", async () => {
    const older = await proposedCase("teacher2", "2026-01-10T09:00:00.000Z");
    const newer = await proposedCase("teacher2", "2026-01-11T09:00:00.000Z");
    await openCommissionVote({ attestationId: newer, round: "first", taskToken: token(4) });
    await openCommissionVote({ attestationId: older, round: "first", taskToken: token(5) });
    const first = await get("expert1", "/me/votes", { limit: 1 });
    expect(first.body.items.map((item: { attestationId: string }) => item.attestationId)).toEqual([older]);
    const second = await get("expert1", "/me/votes", { limit: 1, cursor: first.body.nextCursor });
    expect(second.body.items.map((item: { attestationId: string }) => item.attestationId)).toEqual([newer]);
    expectProblem(await get("expert4", "/me/votes", { cursor: first.body.nextCursor }), 400, "validation_failed");
    expectProblem(await get("expert1", "/me/votes", { chairId: "user-expert4" }), 400, "validation_failed");
  });

  it("drops the case from the list as soon as the chair has voted", async () => {
    const id = await proposedCase("teacher1", "2026-02-01T09:00:00.000Z");
    await openCommissionVote({ attestationId: id, round: "first", taskToken: token(6) });
    const voted = await client.request("POST", `/attestations/${id}/commission-vote`, { token: tokens.expert1, body: { present: 6, for: 5, against: 1 } });
    expect(voted.status, JSON.stringify(voted.body)).toBe(200);
    expect(await listed("expert1", id)).toEqual([]);
    // A retried vote is still answered; the re-driven step passes the vote on and does not list it again.
    expect((await client.request("POST", `/attestations/${id}/commission-vote`, { token: tokens.expert1, body: { present: 6, for: 5, against: 1 } })).status).toBe(200);
    expect(await openCommissionVote({ attestationId: id, round: "first", taskToken: token(7) })).toEqual({ status: "voted" });
    expect(await listed("expert1", id)).toEqual([]);
  });

  it("drops the case when its workflow fails, and the vote is then refused", async () => {
    const id = await proposedCase("teacher1", "2026-02-01T09:00:00.000Z");
    await openCommissionVote({ attestationId: id, round: "first", taskToken: token(8) });
    expect(await recordFailure({ caseKind: "attestation", caseId: id, failure: { Error: "States.Timeout", Cause: "" } })).toEqual({ recorded: true });
    expect(await listed("expert1", id)).toEqual([]);
    expectProblem(
      await client.request("POST", `/attestations/${id}/commission-vote`, { token: tokens.expert1, body: { present: 6, for: 5, against: 1 } }),
      409,
      "invalid_state",
    );
  });

  it("is for experts only", async () => {
    expectProblem(await get("hr.school1", "/me/votes"), 403, "forbidden");
    expectProblem(await client.request("GET", "/me/votes"), 401, "unauthorized");
  });
});
