import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdalClient } from "../../infra/local/client/adalClient.ts";
import { EXPECTED_WINNER, FAKE_DIPLOMA_HOLDER, runCompetitionScenario, type ScenarioResult } from "../../infra/local/demo/competitionScenario.ts";
import { startLocalStack } from "../../infra/local/localStack.ts";
import { verifyAuditChain, type AuditEvent } from "../../functions/domain/audit/auditChain.ts";

// The whole competition through the HTTP API on the embedded stack: the same path `npm run demo` takes.
describe("a competition from vacancy to appointment", () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let outcome: ScenarioResult;
  let client: AdalClient;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "adal-e2e-"));
    stack = await startLocalStack({ dataDir, port: 0, seed: true, quiet: true });
    client = new AdalClient(stack.url);
    outcome = await runCompetitionScenario(client, () => {}, { closesInSeconds: 15 });
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("appoints the candidate the rubric ranks first", () => {
    expect(outcome.applications[EXPECTED_WINNER]).toMatchObject({ status: "appointed", rank: 1, total: 44.5 });
    expect(outcome.results.status).toBe("appointed");
    expect(outcome.results.appointed).toBe(outcome.results.ranking[0].candidateRef);
  });

  it("ranks the other eligible candidates by total and marks them not selected", () => {
    expect(outcome.applications.teacher1).toMatchObject({ status: "not_selected", rank: 2, total: 21 });
    expect(outcome.applications.teacher7).toMatchObject({ status: "not_selected", rank: 3, total: 8.5 });
    expect(outcome.results.ranking.map((entry: { total: number }) => entry.total)).toEqual([44.5, 21, 8.5]);
  });

  it("refuses the diploma that is not really a PDF on upload, and catches it swapped in after submission", () => {
    expect(outcome.refusals[FAKE_DIPLOMA_HOLDER]).toMatchObject({ status: 422, code: "document_type_unsupported" });
    const fake = outcome.applications[FAKE_DIPLOMA_HOLDER]!;
    // The candidate sees why: the refused document with its reason, and the application's reason.
    expect(fake.documents).toContainEqual(expect.objectContaining({ kind: "diploma", status: "rejected", reason: "document_type_unsupported" }));
    expect(fake).toMatchObject({ status: "ineligible", reason: "document_changed" });
    expect(fake.rank).toBeUndefined();
    expect(outcome.results.ranking).toHaveLength(3);
  });

  it("publishes an anonymised ranking: no application or user ids", () => {
    const text = JSON.stringify(outcome.results);
    for (const application of Object.values(outcome.applications)) expect(text).not.toContain(application.id);
    expect(text).not.toMatch(/user-teacher/);
  });

  it("keeps an unbroken audit chain of every step, which HR can read and recompute", async () => {
    const hr = await client.login("hr.school1");
    const response = await client.request("GET", `/cases/${outcome.vacancyId}/audit?limit=100`, { token: hr.token });
    expect(response.status).toBe(200);
    const events = response.body.items.map((item: AuditEvent) => ({ ...item, caseId: outcome.vacancyId }));
    expect(verifyAuditChain(events)).toEqual({ ok: true, count: events.length });
    const actions = events.map((event: AuditEvent) => event.action);
    for (const action of ["vacancy.published", "application.submitted", "panel.drawn", "score_sheet.submitted", "offer.approved", "competition.decided"]) {
      expect(actions).toContain(action);
    }
  });

  it("shows a candidate the chain without revealing who scored them", async () => {
    const teacher = await client.login("teacher1");
    const response = await client.request("GET", `/cases/${outcome.vacancyId}/audit?limit=100`, { token: teacher.token });
    expect(response.status).toBe(200);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain("user-expert");
    expect(response.body.items.every((item: { data?: unknown }) => item.data === undefined)).toBe(true);
    const stranger = await client.login("teacher2");
    expect((await client.request("GET", `/cases/${outcome.vacancyId}/audit`, { token: stranger.token })).status).toBe(404);
  });

  it("lets anyone recompute the recorded panel draw, and notices a doctored panel", async () => {
    const verify = async () => {
      try {
        const { stdout } = await promisify(execFile)(process.execPath, ["infra/tools/verifyAssignment.ts", outcome.vacancyId], { env: { ...process.env, ADAL_DATA_DIR: dataDir } });
        return { code: 0, stdout };
      } catch (error) {
        return error as { code: number; stdout: string };
      }
    };
    expect(await verify()).toMatchObject({ code: 0, stdout: expect.stringContaining(`matches   ${outcome.vacancyId}  competition draw`) });
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: "us-east-1", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } }));
    const key = { PK: `VACANCY#${outcome.vacancyId}`, SK: "VACANCY" };
    const recorded = (await db.send(new GetCommand({ TableName: "adal", Key: key }))).Item!.panel.panels as Record<string, string[]>;
    // Someone swaps a panel member for a friend of the candidate after the draw.
    const [firstApplication, members] = Object.entries(recorded)[0]!;
    const doctored = { ...recorded, [firstApplication]: ["user-friend-of-candidate", ...members.slice(1)] };
    await db.send(new UpdateCommand({ TableName: "adal", Key: key, UpdateExpression: "SET panel.panels = :panels", ExpressionAttributeValues: { ":panels": doctored } }));
    expect(await verify()).toMatchObject({ code: 1, stdout: expect.stringContaining("the panels differ from the recorded ones") });
  });
});
