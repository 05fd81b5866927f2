import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ExecutionAlreadyExists,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from "@aws-sdk/client-sfn";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  startLocalStepFunctions,
  type LocalStepFunctions,
  type TaskHandler,
} from "../../infra/local/stepfunctions/index.ts";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "fixtures");
const scoring = JSON.parse(await readFile(join(fixtures, "local-sfn-scoring.asl.json"), "utf8")) as Record<string, unknown>;
const errors = JSON.parse(await readFile(join(fixtures, "local-sfn-errors.asl.json"), "utf8")) as Record<string, unknown>;

const PERSONAL = "870101300123";

class NoReserveAvailable extends Error {
  override name = "NoReserveAvailable";
}

/** Records handler payloads and lets a test wait for the ones it caused. */
class Calls {
  private readonly payloads: Array<Record<string, unknown>> = [];
  private readonly waiters: Array<() => void> = [];

  record(payload: unknown): void {
    this.payloads.push(payload as Record<string, unknown>);
    this.waiters.splice(0).forEach((wake) => wake());
  }

  matching(match: (payload: Record<string, unknown>) => boolean): Array<Record<string, unknown>> {
    return this.payloads.filter(match);
  }

  async waitFor(match: (payload: Record<string, unknown>) => boolean, count = 1): Promise<Array<Record<string, unknown>>> {
    for (;;) {
      const found = this.matching(match);
      if (found.length >= count) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

function clientFor(endpoint: string): SFNClient {
  return new SFNClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
}

async function finished(client: SFNClient, executionArn: string): Promise<DescribeExecutionCommandOutput> {
  for (;;) {
    const description = await client.send(new DescribeExecutionCommand({ executionArn }));
    if (description.status !== "RUNNING") return description;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const tokenOf = (payload: Record<string, unknown>): string => payload["taskToken"] as string;
const wellFormedUnknownToken = "A".repeat(43);

describe("local Step Functions endpoint", () => {
  const calls = new Calls();
  const logs: Array<Record<string, unknown>> = [];
  let releaseGate: () => void = () => undefined;
  const handlers: Record<string, TaskHandler> = {
    loadVacancy: async (payload) => {
      calls.record({ fn: "loadVacancy", ...(payload as object) });
      if ((payload as { vacancyId: string }).vacancyId === "gated") {
        await new Promise<void>((resolve) => (releaseGate = resolve));
      }
      return { title: `Physics teacher ${PERSONAL}`, experts: ["e1", "e2", "e3"] };
    },
    countApplications: async (payload) => {
      calls.record({ fn: "countApplications", ...(payload as object) });
      return { count: 2 };
    },
    requestScoreSheet: async (payload) => {
      calls.record({ fn: "requestScoreSheet", ...(payload as object) });
      return { notified: true };
    },
    pickReserve: async () => {
      throw new NoReserveAvailable("every reserve is busy");
    },
    notifyReviewer: async (payload) => {
      calls.record({ fn: "notifyReviewer", ...(payload as object) });
      return null;
    },
  };
  let sfn: LocalStepFunctions;
  let client: SFNClient;
  let scoringArn: string;
  let errorsArn: string;

  beforeAll(async () => {
    sfn = await startLocalStepFunctions({
      stateMachines: [
        { name: "scoring", definition: scoring },
        { name: "errors", definition: errors },
      ],
      resolveTask: async (functionName) => {
        const handler = handlers[functionName];
        if (!handler) throw new Error(`no handler ${functionName}`);
        return handler;
      },
      log: (entry) => logs.push(entry),
    });
    client = clientFor(sfn.endpoint);
    scoringArn = sfn.stateMachineArn("scoring");
    errorsArn = sfn.stateMachineArn("errors");
  });

  afterAll(async () => {
    client.destroy();
    await sfn.close();
  });

  const start = async (stateMachineArn: string, input: unknown, name?: string): Promise<string> => {
    const started = await client.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), ...(name ? { name } : {}) }),
    );
    return started.executionArn!;
  };

  test("runs Wait, a direct Task, lambda:invoke and a Map whose callback tasks each get their own token", async () => {
    const vacancyId = `v-${crypto.randomUUID()}`;
    const executionArn = await start(scoringArn, {
      vacancyId,
      opensAt: new Date(Date.now() - 1000).toISOString(),
      candidateIin: PERSONAL,
    });

    const sheets = await calls.waitFor((p) => p["fn"] === "requestScoreSheet" && p["vacancyId"] === vacancyId, 3);
    const tokens = sheets.map(tokenOf);
    expect(new Set(tokens).size).toBe(3);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{1,2048}$/);
    expect(sheets.map((p) => p["expertId"]).sort()).toEqual(["e1", "e2", "e3"]);
    const [load] = await calls.waitFor((p) => p["fn"] === "loadVacancy" && p["vacancyId"] === vacancyId);
    expect(load).toEqual({ fn: "loadVacancy", vacancyId });

    for (const [index, sheet] of sheets.entries()) {
      await client.send(
        new SendTaskSuccessCommand({ taskToken: tokenOf(sheet), output: JSON.stringify({ expertId: sheet["expertId"], total: 10 + index }) }),
      );
    }
    const description = await finished(client, executionArn);
    expect(description.status).toBe("SUCCEEDED");
    expect(description.stopDate).toBeInstanceOf(Date);
    const output = JSON.parse(description.output!) as Record<string, unknown>;
    expect(output["vacancyId"]).toBe(vacancyId);
    expect(output["applications"]).toEqual({ count: 2, statusCode: 200 });
    expect(output["scores"]).toEqual(
      ["e1", "e2", "e3"].map((expertId) => ({ expertId, total: 10 + sheets.findIndex((s) => s["expertId"] === expertId) })),
    );

    const logged = JSON.stringify(logs);
    expect(logged).toContain(executionArn);
    expect(logged).toContain("AwaitScoreSheet");
    expect(logged).not.toContain(PERSONAL);
  });

  test("a handler's error name is what Catch matches, with Lambda's JSON cause", async () => {
    const description = await finished(client, await start(errorsArn, { scenario: "thrown" }));
    expect(description.status).toBe("SUCCEEDED");
    const output = JSON.parse(description.output!) as { caught: string; cause: string };
    expect(output.caught).toBe("NoReserveAvailable");
    expect(JSON.parse(output.cause)).toEqual({ errorType: "NoReserveAvailable", errorMessage: "every reserve is busy" });
  });

  test("a callback task past TimeoutSecondsPath fails with States.Timeout, which States.TaskFailed does not catch", async () => {
    const caseId = crypto.randomUUID();
    const executionArn = await start(errorsArn, { scenario: "timeout", caseId, timeoutSeconds: 1 });
    const [call] = await calls.waitFor((p) => p["caseId"] === caseId);
    const description = await finished(client, executionArn);
    expect(JSON.parse(description.output!)).toMatchObject({ caught: "States.Timeout" });
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: tokenOf(call!), output: "{}" })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  test("SendTaskHeartbeat keeps a callback task alive; without heartbeats it times out", async () => {
    const beating = crypto.randomUUID();
    const silent = crypto.randomUUID();
    const beatingArn = await start(errorsArn, { scenario: "heartbeat", caseId: beating });
    const silentArn = await start(errorsArn, { scenario: "heartbeat", caseId: silent });
    const [call] = await calls.waitFor((p) => p["caseId"] === beating);
    for (let beat = 0; beat < 3; beat += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await client.send(new SendTaskHeartbeatCommand({ taskToken: tokenOf(call!) }));
    }
    await client.send(new SendTaskSuccessCommand({ taskToken: tokenOf(call!), output: '{"approved":true}' }));

    const kept = await finished(client, beatingArn);
    expect(JSON.parse(kept.output!)).toMatchObject({ decision: { approved: true } });
    const dropped = await finished(client, silentArn);
    expect(JSON.parse(dropped.output!)).toMatchObject({ caught: "States.Timeout" });
  });

  test("SendTaskFailure is caught by its error name", async () => {
    const caseId = crypto.randomUUID();
    const executionArn = await start(errorsArn, { scenario: "decision", caseId });
    const [call] = await calls.waitFor((p) => p["caseId"] === caseId);
    await client.send(
      new SendTaskFailureCommand({ taskToken: tokenOf(call!), error: "DeclinedByHr", cause: "position was cut" }),
    );
    const description = await finished(client, executionArn);
    expect(JSON.parse(description.output!)).toEqual({ caught: "DeclinedByHr", cause: "position was cut" });
    await expect(
      client.send(new SendTaskFailureCommand({ taskToken: tokenOf(call!), error: "DeclinedByHr" })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  test("tokens nobody issued are TaskDoesNotExist, malformed ones InvalidToken", async () => {
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: wellFormedUnknownToken, output: "{}" })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(
      client.send(new SendTaskHeartbeatCommand({ taskToken: wellFormedUnknownToken })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(
      client.send(new SendTaskSuccessCommand({ taskToken: "not a token", output: "{}" })),
    ).rejects.toBeInstanceOf(InvalidToken);
  });

  test("a name is unique per state machine; repeating a running execution's name and input is idempotent", async () => {
    const name = `exec-${crypto.randomUUID()}`;
    const input = { scenario: "decision", caseId: crypto.randomUUID() };
    const first = await start(errorsArn, input, name);
    expect(await start(errorsArn, input, name)).toBe(first);
    await expect(start(errorsArn, { ...input, caseId: "other" }, name)).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await expect(start(`${errorsArn}-missing`, input)).rejects.toBeInstanceOf(StateMachineDoesNotExist);

    await client.send(new StopExecutionCommand({ executionArn: first }));
    await expect(start(errorsArn, input, name)).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  test("a Wait beyond a timer's range keeps waiting until StopExecution aborts it", async () => {
    const fortyDays = new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString();
    const vacancyId = `far-${crypto.randomUUID()}`;
    const executionArn = await start(scoringArn, { vacancyId, opensAt: fortyDays });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe("RUNNING");
    expect(calls.matching((p) => p["vacancyId"] === vacancyId)).toEqual([]);
    const running = await client.send(new ListExecutionsCommand({ stateMachineArn: scoringArn, statusFilter: "RUNNING" }));
    expect(running.executions?.map((execution) => execution.executionArn)).toContain(executionArn);

    await client.send(new StopExecutionCommand({ executionArn, error: "Cancelled", cause: "vacancy withdrawn" }));
    const description = await client.send(new DescribeExecutionCommand({ executionArn }));
    expect(description).toMatchObject({ status: "ABORTED", error: "Cancelled", cause: "vacancy withdrawn" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe("ABORTED");
    const pages = await client.send(new ListExecutionsCommand({ stateMachineArn: scoringArn, maxResults: 1 }));
    expect(pages.executions).toHaveLength(1);
    const next = await client.send(
      new ListExecutionsCommand({ stateMachineArn: scoringArn, maxResults: 1, nextToken: pages.nextToken! }),
    );
    expect(next.executions?.[0]?.executionArn).not.toBe(pages.executions?.[0]?.executionArn);
  });

  test("idle() resolves only once running handlers have returned", async () => {
    await start(scoringArn, { vacancyId: "gated", opensAt: new Date(Date.now() - 1000).toISOString() });
    await calls.waitFor((p) => p["vacancyId"] === "gated");
    let idle = false;
    const settled = sfn.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(idle).toBe(false);
    releaseGate();
    await settled;
    expect(idle).toBe(true);
  });
});

describe("definitions the local engine cannot run faithfully", () => {
  const resolveTask = async (): Promise<TaskHandler> => async () => null;

  test("rejects a Task resource it does not know", async () => {
    const definition = {
      StartAt: "Publish",
      States: { Publish: { Type: "Task", Resource: "arn:aws:states:::sns:publish", Parameters: { Message: "x" }, End: true } },
    };
    await expect(startLocalStepFunctions({ stateMachines: [{ name: "sns", definition }], resolveTask })).rejects.toThrow(
      /state "Publish".*sns:publish/,
    );
  });

  test("rejects JSONata, which the library would silently skip", async () => {
    const definition = { QueryLanguage: "JSONata", StartAt: "A", States: { A: { Type: "Pass", End: true } } };
    await expect(startLocalStepFunctions({ stateMachines: [{ name: "jsonata", definition }], resolveTask })).rejects.toThrow(
      /JSONata/,
    );
  });
});

test("with a dataDir, an unfinished execution is re-driven after a restart and finished ones stay describable", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "local-sfn-"));
  const calls = new Calls();
  const startEndpoint = () =>
    startLocalStepFunctions({
      stateMachines: [{ name: "errors", definition: errors }],
      resolveTask: async () => async (payload) => {
        calls.record(payload);
        return null;
      },
      dataDir,
    });

  try {
    const first = await startEndpoint();
    const firstClient = clientFor(first.endpoint);
    const stateMachineArn = first.stateMachineArn("errors");
    const done = await firstClient.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ scenario: "thrown" }) }),
    );
    expect((await finished(firstClient, done.executionArn!)).status).toBe("SUCCEEDED");
    const { executionArn } = await firstClient.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ scenario: "decision", caseId: "durable" }) }),
    );
    const [before] = await calls.waitFor((p) => p["caseId"] === "durable");
    firstClient.destroy();
    await first.close();

    // The waiting task had armed timers and the server its socket; libuv releases closed handles a turn later.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(process.getActiveResourcesInfo()).not.toContain("Timeout");
    expect(process.getActiveResourcesInfo()).not.toContain("TCPServerWrap");
    const onDisk = await Promise.all(
      (await readdir(join(dataDir, "executions"))).map(async (file) =>
        JSON.parse(await readFile(join(dataDir, "executions", file), "utf8")) as { executionArn: string; status: string },
      ),
    );
    expect(onDisk.find((record) => record.executionArn === executionArn)?.status).toBe("RUNNING");

    const second = await startEndpoint();
    const secondClient = clientFor(second.endpoint);
    try {
      expect((await secondClient.send(new DescribeExecutionCommand({ executionArn: done.executionArn! }))).status).toBe(
        "SUCCEEDED",
      );
      const [, after] = await calls.waitFor((p) => p["caseId"] === "durable", 2);
      expect(tokenOf(after!)).not.toBe(tokenOf(before!));
      await expect(
        secondClient.send(new SendTaskSuccessCommand({ taskToken: tokenOf(before!), output: "{}" })),
      ).rejects.toBeInstanceOf(TaskDoesNotExist);

      await secondClient.send(new SendTaskSuccessCommand({ taskToken: tokenOf(after!), output: '{"approved":true}' }));
      const description = await finished(secondClient, executionArn!);
      expect(description.status).toBe("SUCCEEDED");
      expect(JSON.parse(description.output!)).toEqual({ scenario: "decision", caseId: "durable", decision: { approved: true } });
    } finally {
      secondClient.destroy();
      await second.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
