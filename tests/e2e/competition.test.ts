import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdalClient } from "../../infra/local/client/adalClient.ts";
import { EXPECTED_WINNER, FAKE_DIPLOMA_HOLDER, runCompetitionScenario, type ScenarioResult } from "../../infra/local/demo/competitionScenario.ts";
import { startLocalStack } from "../../infra/local/localStack.ts";

// The whole competition through the HTTP API on the embedded stack: the same path `npm run demo` takes.
describe("a competition from vacancy to appointment", () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let outcome: ScenarioResult;

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, seed: true, quiet: true });
    outcome = await runCompetitionScenario(new AdalClient(stack.url), () => {}, { closesInSeconds: 8 });
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
});
