// The embedded stack as `npm start` runs it: DynamoDB Local (Java), s3rver, the Step Functions engine and
// the gateway with the real route table and handlers. Java makes a start cost seconds, so the stack starts
// once for the file; the last block restarts it on the same data directory to check persistence.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { ListStateMachinesCommand, SFNClient } from "@aws-sdk/client-sfn";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSigningKey, LOCAL_AUDIENCE } from "../../infra/local/identity/tokens.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";
import type { LogFields } from "../../infra/local/log.ts";
import { seedDemoRegion } from "../../infra/local/seed/demoRegion.ts";

let dataDir: string;
let stack: LocalStack;
const logs: { level: string; message: string; fields: LogFields }[] = [];
const log = (level: string, message: string, fields: LogFields = {}) => void logs.push({ level, message, fields });

/** The live java children of this process (a zombie is dead, it only waits to be reaped). */
function javaChildren(): number[] {
  let listing = "";
  try {
    listing = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" });
  } catch {
    return []; // ps exits 1 when there are no children.
  }
  return listing
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([, command]) => command === "java")
    .map(([pid]) => Number(pid))
    .filter(isRunning);
}

function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function documents(): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: "us-east-1", credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } }),
  );
}

async function login(username: string, password = "demo-password") {
  const response = await fetch(`${stack.url}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "adal-stack-test-"));
  stack = await startLocalStack({ dataDir, port: 0, seed: true, log });
}, 60_000);

afterAll(async () => {
  await stack?.close();
  expect(javaChildren()).toEqual([]);
  await rm(dataDir, { recursive: true, force: true });
}, 30_000);

describe("the gateway with the application's routes", () => {
  it("reaches the health handler", async () => {
    const response = await fetch(`${stack.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("signs seeded users in and the handlers see who they are", async () => {
    const { status, body } = await login("hr.school2");
    expect(status).toBe(200);
    expect(body.user).toEqual({ id: "user-hr-school2", username: "hr.school2", roles: ["hr"], schoolId: "school-2" });
    const me = await fetch(`${stack.url}/me`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: "user-hr-school2", roles: ["hr"], schoolId: "school-2" });
  });

  it("refuses bad credentials", async () => {
    expect((await login("hr.school2", "wrong")).body).toMatchObject({ status: 401, code: "invalid_credentials" });
    expect((await login("nobody")).status).toBe(401);
  });

  it("refuses a protected route without a token, with an expired one and with a foreign audience", async () => {
    const noToken = await fetch(`${stack.url}/me`);
    expect(noToken.status).toBe(401);
    expect(noToken.headers.get("content-type")).toBe("application/problem+json");
    expect(await noToken.json()).toMatchObject({ code: "unauthorized" });

    const key = await loadSigningKey(dataDir);
    const issuer = `${stack.url}/local-identity`;
    const now = Math.floor(Date.now() / 1000);
    const sign = (audience: string, exp: number) =>
      new SignJWT({ "cognito:groups": ["candidate"] })
        .setProtectedHeader({ alg: "RS256", kid: key.kid })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject("user-teacher1")
        .setExpirationTime(exp)
        .sign(key.privateKey);
    const expired = await fetch(`${stack.url}/me`, { headers: { authorization: `Bearer ${await sign(LOCAL_AUDIENCE, now - 5)}` } });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: "token_expired" });
    const foreign = await fetch(`${stack.url}/me`, { headers: { authorization: `Bearer ${await sign("other-app", now + 600)}` } });
    expect(foreign.status).toBe(401);
    expect(await foreign.json()).toMatchObject({ code: "unauthorized" });
    const valid = await fetch(`${stack.url}/me`, { headers: { authorization: `Bearer ${await sign(LOCAL_AUDIENCE, now + 600)}` } });
    expect(valid.status).toBe(200);
  });

  it("answers unknown routes, wrong methods and oversized bodies itself", async () => {
    const unknown = await fetch(`${stack.url}/no/such/route`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "route_not_found" });
    const wrongMethod = await fetch(`${stack.url}/vacancies`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")?.split(", ").sort()).toEqual(["GET", "POST"]);
    const tooLarge = await fetch(`${stack.url}/vacancies`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: "payload_too_large" });
  });
});

describe("the environment for handlers", () => {
  it("points SDK clients created without any configuration at the local services", async () => {
    expect(process.env).toMatchObject(stack.env);
    expect(stack.env).toMatchObject({
      TABLE_NAME: "adal",
      BUCKET_NAME: "adal-documents",
      S3_FORCE_PATH_STYLE: "true",
      ADAL_LOCAL: "true",
      COMPETITION_STATE_MACHINE_ARN: "arn:aws:states:us-east-1:000000000000:stateMachine:adal-competition",
    });
    const dynamodb = new DynamoDBClient({});
    const s3 = new S3Client({});
    const sfn = new SFNClient({});
    try {
      expect((await dynamodb.send(new ListTablesCommand({}))).TableNames).toContain("adal");
      expect((await s3.send(new ListBucketsCommand({}))).Buckets?.map((bucket) => bucket.Name)).toContain("adal-documents");
      const machines = (await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? [];
      expect(machines.map((machine) => machine.stateMachineArn)).toContain(stack.env.COMPETITION_STATE_MACHINE_ARN);
    } finally {
      dynamodb.destroy();
      s3.destroy();
      sfn.destroy();
    }
  });
});

describe("the demo region", () => {
  it("has the schools, users and commissions of API.md, keyed as docs/data-model.md says", async () => {
    const client = documents();
    try {
      const schools = await client.send(
        new QueryCommand({ TableName: "adal", IndexName: "GSI1", KeyConditionExpression: "GSI1PK = :pk", ExpressionAttributeValues: { ":pk": "SCHOOLS" } }),
      );
      expect(schools.Items?.map((school) => school.id).sort()).toEqual(["school-1", "school-2", "school-3"]);
      expect(schools.Items?.[0]).toMatchObject({ type: "school", SK: "SCHOOL", district: expect.any(String), region: expect.any(String) });

      const teacher = (await client.send(new GetCommand({ TableName: "adal", Key: { PK: "USER#user-teacher4", SK: "USER" } }))).Item;
      expect(teacher).toMatchObject({
        type: "user",
        id: "user-teacher4",
        username: "teacher4",
        roles: ["candidate"],
        schoolId: "school-2",
        GSI1PK: "USERNAME#teacher4",
        GSI1SK: "USER",
        passwordHash: expect.stringMatching(/^scrypt\$[^$]+\$[^$]+$/),
      });
      const expert = (await client.send(new GetCommand({ TableName: "adal", Key: { PK: "USER#user-expert7", SK: "USER" } }))).Item;
      expect(expert).toMatchObject({ roles: ["expert"], loadCap: 50 });
      expect(expert).not.toHaveProperty("schoolId");
      expect(expert?.experienceYears).toBeGreaterThanOrEqual(7);
      for (const username of ["admin", "hr.school3", "expert1", "expert7", "teacher1", "teacher8"]) {
        expect((await login(username)).status).toBe(200);
      }

      const competition = await client.send(
        new QueryCommand({
          TableName: "adal",
          IndexName: "GSI1",
          KeyConditionExpression: "GSI1PK = :pk",
          ExpressionAttributeValues: { ":pk": "COMMISSION#competition#school#school-3" },
        }),
      );
      const members: { userId: string; role: string }[] = competition.Items?.[0]?.members ?? [];
      expect(members.filter((member) => member.role !== "reserve")).toHaveLength(3);
      expect(members.filter((member) => member.role === "reserve").length).toBeGreaterThanOrEqual(1);
      expect(members.every((member) => member.userId.startsWith("user-expert"))).toBe(true);

      for (const [level, territory] of [["school", "school-1"], ["district", schools.Items?.[0]?.district], ["region", schools.Items?.[0]?.region]]) {
        const attestation = await client.send(
          new QueryCommand({
            TableName: "adal",
            IndexName: "GSI1",
            KeyConditionExpression: "GSI1PK = :pk",
            ExpressionAttributeValues: { ":pk": `COMMISSION#attestation#${level}#${territory}` },
          }),
        );
        const panel: { role: string }[] = attestation.Items?.[0]?.members ?? [];
        expect(panel).toHaveLength(7);
        expect(panel.filter((member) => member.role === "chair")).toHaveLength(1);
      }

      expect(await seedDemoRegion(client, "adal")).toEqual({ seeded: false, items: 0 });
    } finally {
      client.destroy();
    }
  });
});

describe("a restart on the same data directory", () => {
  it("keeps table items, objects and signed-in users, and leaves no java behind", async () => {
    const client = documents();
    const s3 = new S3Client({ forcePathStyle: true, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" });
    try {
      await client.send(new PutCommand({ TableName: "adal", Item: { PK: "TEST#persist", SK: "TEST", type: "test", value: 42 } }));
      await s3.send(new PutObjectCommand({ Bucket: "adal-documents", Key: "test/persist.txt", Body: "kept" }));
    } finally {
      client.destroy();
      s3.destroy();
    }
    const { body } = await login("teacher1");
    const port = Number(new URL(stack.url).port);
    const [javaBefore] = javaChildren();
    expect(javaBefore).toBeDefined();

    await stack.close();
    expect(isRunning(javaBefore!)).toBe(false);
    expect(javaChildren()).toEqual([]);

    stack = await startLocalStack({ dataDir, port, seed: true, log });
    const after = documents();
    const s3After = new S3Client({ forcePathStyle: true, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" });
    try {
      const item = await after.send(new GetCommand({ TableName: "adal", Key: { PK: "TEST#persist", SK: "TEST" } }));
      expect(item.Item).toMatchObject({ value: 42 });
      const object = await s3After.send(new GetObjectCommand({ Bucket: "adal-documents", Key: "test/persist.txt" }));
      expect(await object.Body?.transformToString()).toBe("kept");
    } finally {
      after.destroy();
      s3After.destroy();
    }
    expect(logs).toContainEqual(expect.objectContaining({ message: "store not empty, seed skipped" }));
    const me = await fetch(`${stack.url}/me`, { headers: { authorization: `Bearer ${body.token}` } });
    expect(me.status).toBe(200);
  }, 60_000);
});
