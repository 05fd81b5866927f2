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

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, seed: true, quiet: true });
    client = new AdalClient(stack.url);
    outcome = await runCompetitionScenario(client, () => {}, { closesInSeconds: 8 });
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
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

  it("refuses the application whose diploma is not really a PDF, with a reason", () => {
    const fake = outcome.applications[FAKE_DIPLOMA_HOLDER]!;
    expect(fake.status).toBe("ineligible");
    expect(fake.reason).toBeTruthy();
    expect(fake.rank).toBeUndefined();
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
});
