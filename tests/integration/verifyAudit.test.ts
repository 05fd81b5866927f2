import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdalClient } from "../../infra/local/client/adalClient.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";

const run = promisify(execFile);

// `npm run verify-audit` against a running stack, before and after someone edits an event in the table.
describe("verify-audit", () => {
  let stack: LocalStack;
  let dataDir: string;
  let vacancyId: string;

  async function verify(...caseIds: string[]) {
    try {
      const { stdout } = await run(process.execPath, ["infra/tools/verifyAudit.ts", ...caseIds], { env: { ...process.env, ADAL_DATA_DIR: dataDir } });
      return { code: 0, stdout };
    } catch (error) {
      const failure = error as { code: number; stdout: string };
      return { code: failure.code, stdout: failure.stdout };
    }
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "adal-audit-"));
    stack = await startLocalStack({ dataDir, port: 0, seed: true, quiet: true });
    const client = new AdalClient(stack.url);
    const hr = await client.login("hr.school2");
    const closesAt = new Date(Date.now() + 3600_000).toISOString();
    const created = await client.request("POST", "/vacancies", {
      token: hr.token,
      body: { title: "History teacher", subject: "history", language: "kk", kind: "teacher", hoursPerWeek: 12, employment: "permanent", closesAt },
    });
    vacancyId = created.body.id;
    await client.request("POST", `/vacancies/${vacancyId}/publish`, { token: hr.token });
    for (const username of ["teacher1", "teacher2"]) {
      const teacher = await client.login(username);
      await client.request("POST", `/vacancies/${vacancyId}/applications`, { token: teacher.token, body: { claims: {} } });
    }
  });

  afterAll(async () => {
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("finds every chain intact after ordinary work", async () => {
    const result = await verify();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`ok\\s+${vacancyId}\\s+4 events`));
  });

  it("reports the first edited event after someone rewrites it in the table", async () => {
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: "us-east-1", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } }));
    const events = await db.send(new QueryCommand({ TableName: "adal", KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": `CASE#${vacancyId}` } }));
    const third = events.Items!.find((item) => item.seq === 3)!;
    await db.send(new UpdateCommand({ TableName: "adal", Key: { PK: third.PK, SK: third.SK }, UpdateExpression: "SET actor = :someone", ExpressionAttributeValues: { ":someone": "user-somebody-else" } }));
    const result = await verify(vacancyId);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`BROKEN  ${vacancyId}  at event 3: hash_mismatch`);
  });
});
