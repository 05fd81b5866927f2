import { DescribeExecutionCommand, SFNClient, type DescribeExecutionCommandOutput } from "@aws-sdk/client-sfn";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuditChain } from "../../functions/adapters/dynamo/auditLog.ts";
import { queryAll } from "../../functions/adapters/dynamo/items.ts";
import { partitions } from "../../functions/adapters/dynamo/keys.ts";
import { getVacancy } from "../../functions/adapters/dynamo/vacancyRecords.ts";
import { verifyAuditChain } from "../../functions/domain/audit/auditChain.ts";
import { LOCAL_ACCOUNT_ID, LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/awsLocal.ts";
import { AdalClient } from "../../infra/local/client/adalClient.ts";
import { approveAndReadBack, EXPECTED_WINNER, openCompetition, scoreSheets } from "../../infra/local/demo/competitionScenario.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";

// Faults injected into the in-process task handlers of the local stack (infra/local/faults.ts): the competition
// workflow's own Retry policies (2 s, backoff 2, full jitter, 4 retries) absorb transient ones, and when retries run
// out the Catch leads to RecordFailure: the execution ends FAILED, the vacancy carries `failure`, an alert record and
// a `workflow.failed` audit event exist. Never a silent stall. Three vacancies run side by side on one stack, each
// with its own fault, so the file waits for one exhausted retry series (at most ~30 s of jittered backoff), not three.

const payloadVacancy = (payload: unknown) => (payload as { vacancyId?: string }).vacancyId;
const ids = { recovers: "", fails: "", hangs: "" };
const calls = { throttledClose: 0, throttledRank: 0, failing: 0, hanging: 0 };
/** Plain Tasks time out after this long in this file (90 s in the definitions), so a hung task costs seconds. */
const TASK_TIMEOUT_SECONDS = 2;

let stack: LocalStack;
let client: AdalClient;
let sfn: SFNClient;

const executionArn = (vacancyId: string) => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:execution:adal-competition:${vacancyId}`;

/** Polls DescribeExecution until the execution has ended; a stall fails the test at the deadline. */
async function finished(vacancyId: string, withinMs: number): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(vacancyId) }));
    if (described.status !== "RUNNING") return described;
    if (Date.now() > deadline) throw new Error(`execution of ${vacancyId} still RUNNING after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A vacancy with no applicants, published to close in seconds: its workflow reaches CloseApplications at once. */
async function publishEmptyVacancy(title: string): Promise<string> {
  const hr = await client.login("hr.school1");
  const closesAt = new Date(Date.now() + 3000).toISOString();
  const created = await client.request("POST", "/vacancies", {
    token: hr.token,
    headers: { "idempotency-key": `faults-${title.replaceAll(" ", "-")}-${Date.now()}` },
    body: { title, subject: "mathematics", language: "kk", kind: "teacher", hoursPerWeek: 18, employment: "permanent", closesAt },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await client.request("POST", `/vacancies/${created.body.id}/publish`, { token: hr.token })).status).toBe(200);
  return created.body.id;
}

async function expectRecordedFailure(vacancyId: string, error: string): Promise<void> {
  const described = await finished(vacancyId, 60_000);
  expect(described.status).toBe("FAILED");
  expect(described.error).toBe("CompetitionFailed");
  const vacancy = await getVacancy(vacancyId, true);
  expect(vacancy).toMatchObject({ failure: error });
  const alerts = await queryAll<{ caseId: string; caseKind: string; error: string }>({ index: "GSI1", partition: partitions.alerts });
  expect(alerts.filter((alert) => alert.caseId === vacancyId)).toEqual([expect.objectContaining({ caseKind: "competition", error })]);
  const chain = await readAuditChain(vacancyId);
  expect(verifyAuditChain(chain)).toEqual({ ok: true, count: chain.length });
  expect(chain.filter((event) => event.action === "workflow.failed")).toHaveLength(1);
}

beforeAll(async () => {
  stack = await startLocalStack({
    port: 0,
    seed: true,
    quiet: true,
    taskTimeoutSeconds: TASK_TIMEOUT_SECONDS,
    faults: {
      closeApplications: [
        {
          match: (payload) => payloadVacancy(payload) === ids.recovers,
          failTimes: 2,
          error: "ThrottlingException",
          onCall: () => calls.throttledClose++,
        },
        {
          match: (payload) => payloadVacancy(payload) === ids.fails,
          failTimes: Number.POSITIVE_INFINITY,
          error: "ProvisionedThroughputExceededException",
          onCall: () => calls.failing++,
        },
        { match: (payload) => payloadVacancy(payload) === ids.hangs, hang: true, onCall: () => calls.hanging++ },
      ],
      rankApplications: {
        match: (payload) => payloadVacancy(payload) === ids.recovers,
        failTimes: 2,
        error: "ProvisionedThroughputExceededException",
        onCall: () => calls.throttledRank++,
      },
    },
  });
  client = new AdalClient(stack.url);
  sfn = new SFNClient({ endpoint: stack.endpoints.sfn, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}, 120_000);

afterAll(async () => {
  sfn?.destroy();
  await stack?.close();
});

describe("faults injected into the competition workflow's tasks", () => {
  it("absorbs throttling by retrying, fails for good with an alert, and times out a hung task into the failure path", async () => {
    ids.fails = await publishEmptyVacancy("Always throttled");
    ids.hangs = await publishEmptyVacancy("Hung task");

    // (a) Throttled twice in two steps: the competition still completes, each step on its third attempt.
    const competition = await openCompetition(client, () => {}, { closesInSeconds: 15 });
    ids.recovers = competition.vacancyId;
    await scoreSheets(client, competition);
    const outcome = await approveAndReadBack(client, () => {}, competition);
    expect(outcome.applications[EXPECTED_WINNER]).toMatchObject({ status: "appointed", rank: 1 });
    expect((await finished(ids.recovers, 30_000)).status).toBe("SUCCEEDED");
    expect({ close: calls.throttledClose, rank: calls.throttledRank }).toEqual({ close: 3, rank: 3 });
    const chain = await readAuditChain(ids.recovers);
    expect(verifyAuditChain(chain)).toEqual({ ok: true, count: chain.length });
    // The retried steps recorded themselves once; nothing failed.
    const actions = chain.map((event) => event.action);
    expect(actions.filter((action) => action === "applications.closed")).toHaveLength(1);
    expect(actions.filter((action) => action === "ranking.computed")).toHaveLength(1);
    expect(actions).not.toContain("workflow.failed");

    // (b) Always failing: the first attempt and its four retries, then RecordFailure and a FAILED execution.
    await expectRecordedFailure(ids.fails, "ProvisionedThroughputExceededException");
    expect(calls.failing).toBe(5);

    // (c) Hung: every attempt ends in States.Timeout after TimeoutSeconds, is retried, then takes the failure path.
    await expectRecordedFailure(ids.hangs, "States.Timeout");
    expect(calls.hanging).toBe(5);
  }, 120_000);
});
