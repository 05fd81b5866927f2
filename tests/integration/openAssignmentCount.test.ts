import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { documentClient } from "../../functions/adapters/dynamo/client.ts";
import { loadPanelMembers } from "../../functions/adapters/dynamo/commissionRecords.ts";
import { keys } from "../../functions/adapters/dynamo/keys.ts";
import {
  assignmentItem,
  countOpenAssignments,
  getAssignment,
  putNewAssignment,
  rescheduleOpenAssignment,
  updateAssignment,
} from "../../functions/adapters/dynamo/scoringRecords.ts";
import { put, writeOne } from "../../functions/adapters/dynamo/updates.ts";
import type { Assignment } from "../../functions/domain/competition/records.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/awsLocal.ts";
import { startDynamoDbLocal, type DynamoDbLocal } from "../../infra/local/dynamoDbLocal.ts";
import type { LocalLog } from "../../infra/local/log.ts";

// A draw measures each pool member's load by counting their open assignments. The count runs on a sparse
// index that holds an assignment exactly while it is open, written through the same adapter calls the
// workflow and the scoring route use; these tests run them against DynamoDB Local.

const TABLE = "adal-open-count";
const logged: { message: string; fields?: Record<string, unknown> }[] = [];
const log: LocalLog = (level, message, fields) => {
  if (level !== "info") throw new Error(`dynamodb local ${level}: ${message}`);
  logged.push({ message, fields });
};

let dataDir: string;
let dynamo: DynamoDbLocal;
let port: number;
let serial = 0;

function assignment(expertId: string, fields: Partial<Assignment> = {}): Assignment {
  serial += 1;
  return {
    id: `assignment-${serial}`,
    caseKind: "competition",
    caseId: `vacancy-${serial}`,
    applicationId: `application-${serial}`,
    expertId,
    slotId: `${expertId}-1`,
    status: "open",
    dueAt: "2026-03-01T00:00:00.000Z",
    createdAt: "2026-02-01T00:00:00.000Z",
    ...fields,
  };
}

async function open(expertId: string, count: number): Promise<Assignment[]> {
  const opened = Array.from({ length: count }, () => assignment(expertId));
  await Promise.all(opened.map((one) => writeOne(putNewAssignment(one))));
  return opened;
}

const submit = (one: Assignment) => writeOne(updateAssignment(one.id, ["open"], { status: "submitted", submittedAt: "2026-02-10T00:00:00.000Z" }));
const expire = (one: Assignment) => writeOne(updateAssignment(one.id, ["open"], { status: "expired", expiredAt: "2026-03-02T00:00:00.000Z" }));

/** The count queries a draw sends, with what DynamoDB read for each. */
function watchCountQueries(pageSize?: number): { calls: { scanned: number; count: number }[] } {
  const watched = { calls: [] as { scanned: number; count: number }[] };
  const send = documentClient.send.bind(documentClient);
  vi.spyOn(documentClient, "send").mockImplementation((async (command: unknown) => {
    const counting = command instanceof QueryCommand && command.input.Select === "COUNT";
    if (counting && pageSize !== undefined) command.input.Limit = pageSize;
    const result = await send(command as QueryCommand);
    if (counting) watched.calls.push({ scanned: result.ScannedCount ?? 0, count: result.Count ?? 0 });
    return result;
  }) as typeof documentClient.send);
  return watched;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "adal-open-count-"));
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    TABLE_NAME: TABLE,
  });
  dynamo = await startDynamoDbLocal({ dataDir, tableName: TABLE, log });
  port = Number(new URL(dynamo.endpoint).port);
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamo.endpoint;
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await dynamo?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("counting an expert's open assignments", () => {
  it("counts the open ones and stops counting one once it is submitted or expires", async () => {
    const [first, second, third] = await open("expert-a", 3);
    expect(await countOpenAssignments("expert-a")).toBe(3);
    await submit(first!);
    expect(await countOpenAssignments("expert-a")).toBe(2);
    await expire(second!);
    expect(await countOpenAssignments("expert-a")).toBe(1);
    // A new due date keeps it open, and counted.
    await writeOne(rescheduleOpenAssignment(third!, "2026-03-15T00:00:00.000Z"));
    expect(await countOpenAssignments("expert-a")).toBe(1);
    expect(await countOpenAssignments("expert-nobody")).toBe(0);
    // The index key is storage only: the record read back does not carry it.
    expect(await getAssignment(third!.id, true)).toEqual({ ...third, type: "assignment", dueAt: "2026-03-15T00:00:00.000Z" });
  });

  it("leaves an assignment written already closed out of the index", async () => {
    await writeOne(put(assignmentItem(assignment("expert-b", { status: "submitted", submittedAt: "2026-02-10T00:00:00.000Z" }))));
    await writeOne(put(assignmentItem(assignment("expert-b", { status: "expired" }))));
    await open("expert-b", 1);
    expect(await countOpenAssignments("expert-b")).toBe(1);
  });

  it("reads only the open assignments of an expert with a long history", async () => {
    const history = await open("expert-c", 60);
    await Promise.all(history.slice(0, 40).map(submit));
    await Promise.all(history.slice(40, 58).map(expire));
    const watched = watchCountQueries();
    expect(await countOpenAssignments("expert-c")).toBe(2);
    // One request that looked at the 2 open items, not at the 58 closed ones.
    expect(watched.calls).toEqual([{ scanned: 2, count: 2 }]);
  });

  it("adds up every page of the count", async () => {
    await open("expert-d", 7);
    const watched = watchCountQueries(3);
    expect(await countOpenAssignments("expert-d")).toBe(7);
    expect(watched.calls.map((call) => call.count)).toEqual([3, 3, 1]);
  });

  it("gives the draw each member's current load from the count", async () => {
    await Promise.all(
      [
        { id: "expert-e", loadCap: 3 },
        { id: "expert-f", loadCap: 3 },
      ].map((user) => writeOne(put({ ...keys.user(user.id), type: "user", ...user }))),
    );
    const held = await open("expert-e", 2);
    await submit(held[0]!);
    await open("expert-f", 3);
    const members = await loadPanelMembers([
      { userId: "expert-e", role: "member" },
      { userId: "expert-f", role: "member" },
    ]);
    expect(members.map((member) => [member.userId, member.currentLoad])).toEqual([
      ["expert-e", 1],
      ["expert-f", 3],
    ]);
  });
});

describe("the local table", () => {
  const describeIndexes = async (tableName: string) => {
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      return (Table?.GlobalSecondaryIndexes ?? [])
        .map((index) => ({ name: index.IndexName, keys: index.KeySchema?.map((key) => key.AttributeName), projection: index.Projection?.ProjectionType }))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)));
    } finally {
      client.destroy();
    }
  };
  const listingIndexes = ["GSI1", "GSI2"].map((name) => ({ name, keys: [`${name}PK`, `${name}SK`], projection: "ALL" }));
  const expected = [...listingIndexes, { name: "GSI3", keys: ["GSI3PK"], projection: "KEYS_ONLY" }];

  it("has the indexes of the table description with their projections", async () => {
    expect(await describeIndexes(TABLE)).toEqual(expected);
  });

  it("gains an index added to the description when it starts on a data directory kept from before", async () => {
    // A table as the description had it before the open-assignments index.
    const older = "adal-before-gsi3";
    const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    await client.send(
      new CreateTableCommand({
        TableName: older,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: ["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK"].map((name) => ({ AttributeName: name, AttributeType: "S" })),
        KeySchema: [
          { AttributeName: "PK", KeyType: "HASH" },
          { AttributeName: "SK", KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: listingIndexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.keys[0], KeyType: "HASH" },
            { AttributeName: index.keys[1], KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        })),
      }),
    );
    client.destroy();
    expect(await describeIndexes(older)).toEqual(listingIndexes);
    await dynamo.close();
    logged.length = 0;
    dynamo = await startDynamoDbLocal({ dataDir, port, tableName: older, log });
    expect(logged.find((entry) => entry.message === "dynamodb local ready")?.fields).toMatchObject({ tableCreated: false, indexesAdded: ["GSI3"] });
    expect(await describeIndexes(older)).toEqual(expected);
  });
});
