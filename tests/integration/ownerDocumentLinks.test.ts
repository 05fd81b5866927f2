// A candidate reopens what they uploaded: GET /applications/{id} and GET /attestations/{id} carry a
// presigned link on each of the owner's confirmed documents, and on nothing else. Everyone else allowed to
// read the case (HR of the school, an assigned expert, an admin) gets exactly the answer they got before;
// another candidate still gets 404. The expert's assignment is written into the table as the panel draw
// would write it, so no workflow has to run up to scoring.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignmentItem } from "../../functions/adapters/dynamo/scoringRecords.ts";
import type { Assignment } from "../../functions/domain/competition/records.ts";
import { AdalClient, type ApiResponse } from "../../infra/local/client/adalClient.ts";
import { PDF_BYTES, PNG_BYTES } from "../../infra/local/demo/competitionScenario.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";

let stack: LocalStack;
let client: AdalClient;
let table: DynamoDBDocumentClient;
const tokens: Record<string, string> = {};

const FILE_NAME = "Куәлік (скан) 1.png";
const NOT_A_PDF = new TextEncoder().encode("A diploma, honestly. Not a PDF at all.\n");

type Upload = { kind: string; fileName: string; contentType: string; bytes?: Uint8Array; confirm: boolean };

/** Registers a document and, as asked, uploads and confirms it; answers the confirmation's status. */
async function addDocument(user: string, ownerPath: string, { kind, fileName, contentType, bytes, confirm }: Upload): Promise<number | undefined> {
  const size = bytes?.byteLength ?? 2048;
  const registered = await client.request("POST", `${ownerPath}/documents`, { token: tokens[user], body: { kind, fileName, contentType, size } });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  if (bytes) expect(await client.upload(registered.body.upload, bytes, contentType, fileName)).toBeLessThan(300);
  if (!confirm) return undefined;
  return (await client.request("POST", `${ownerPath}/documents/${registered.body.documentId}/confirm`, { token: tokens[user] })).status;
}

async function assign(expert: string, caseKind: Assignment["caseKind"], caseId: string, applicationId: string): Promise<void> {
  const now = new Date().toISOString();
  const assignment: Assignment = {
    id: `links-${expert}-${caseId}`,
    caseKind,
    caseId,
    applicationId,
    expertId: `user-${expert}`,
    slotId: `slot-${expert}`,
    status: "open",
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    createdAt: now,
  };
  await table.send(new PutCommand({ TableName: "adal", Item: assignmentItem(assignment) }));
}

const read = (user: string, path: string) => client.request("GET", path, { token: tokens[user] });
const hasLink = (response: ApiResponse) => JSON.stringify(response.body).includes("X-Amz-Signature");

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, seed: true, quiet: true });
  client = new AdalClient(stack.url);
  table = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
  );
  for (const user of ["hr.school1", "teacher1", "teacher2", "teacher3", "expert1", "expert2", "admin"]) tokens[user] = (await client.login(user)).token;
});

afterAll(async () => {
  await stack?.close();
});

describe("document links of an application", () => {
  let applicationId: string;
  let path: string;

  beforeAll(async () => {
    // A deadline a day away: the competition's workflow waits and leaves the case alone.
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    const vacancy = await client.request("POST", "/vacancies", {
      token: tokens["hr.school1"],
      headers: { "idempotency-key": `links-${closesAt}` },
      body: { title: "Physics teacher", subject: "physics", language: "kk", kind: "teacher", hoursPerWeek: 18, employment: "permanent", closesAt },
    });
    expect(vacancy.status, JSON.stringify(vacancy.body)).toBe(201);
    expect((await client.request("POST", `/vacancies/${vacancy.body.id}/publish`, { token: tokens["hr.school1"] })).status).toBe(200);
    const application = await client.request("POST", `/vacancies/${vacancy.body.id}/applications`, { token: tokens.teacher1, body: { claims: {} } });
    expect(application.status, JSON.stringify(application.body)).toBe(201);
    applicationId = application.body.id;
    path = `/applications/${applicationId}`;
    expect(await addDocument("teacher1", path, { kind: "identity", fileName: FILE_NAME, contentType: "image/png", bytes: PNG_BYTES, confirm: true })).toBe(200);
    expect(await addDocument("teacher1", path, { kind: "diploma", fileName: "diploma.pdf", contentType: "application/pdf", bytes: NOT_A_PDF, confirm: true })).toBe(422);
    await addDocument("teacher1", path, { kind: "category", fileName: "category.pdf", contentType: "application/pdf", bytes: PDF_BYTES, confirm: false });
    await assign("expert1", "competition", vacancy.body.id, applicationId);
  });

  it("gives the owner a link to each confirmed document that serves the uploaded bytes under its file name", async () => {
    const response = await read("teacher1", path);
    expect(response.status).toBe(200);
    const byKind = Object.fromEntries((response.body.documents as { kind: string; url?: string }[]).map((document) => [document.kind, document]));
    expect(Object.keys(byKind).sort()).toEqual(["category", "diploma", "identity"]);
    const file = await fetch(byKind.identity!.url!);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toBe(`inline; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PNG_BYTES);
    // Refused (its object deleted) and not yet confirmed: listed, without a link.
    expect(byKind.diploma).toMatchObject({ status: "rejected" });
    expect(byKind.category).toMatchObject({ status: "pending" });
    expect(byKind.diploma).not.toHaveProperty("url");
    expect(byKind.category).not.toHaveProperty("url");
  });

  it("gives HR of the school and an assigned expert the case without any link, and another candidate 404", async () => {
    const hr = await read("hr.school1", path);
    expect(hr.status).toBe(200);
    expect(hr.body.id).toBe(applicationId);
    const expert = await read("expert1", path);
    expect(expert.status).toBe(200);
    expect(expert.body.id).toBe(applicationId);
    for (const response of [hr, expert]) {
      expect(response.body).not.toHaveProperty("documents");
      expect(hasLink(response)).toBe(false);
    }
    const other = await read("teacher2", path);
    expect(other.status).toBe(404);
    expect(hasLink(other)).toBe(false);
  });
});

describe("document links of an attestation portfolio", () => {
  let path: string;

  beforeAll(async () => {
    const filed = await client.request("POST", "/attestations", {
      token: tokens.teacher3,
      body: { targetCategory: "moderator", currentCategory: "teacher", experienceYears: 3, test: { score: 35, takenAt: new Date(Date.now() - 30 * 86_400_000).toISOString() } },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    path = `/attestations/${filed.body.id}`;
    expect(await addDocument("teacher3", path, { kind: "essay", fileName: "essay.pdf", contentType: "application/pdf", bytes: PDF_BYTES, confirm: true })).toBe(200);
    await addDocument("teacher3", path, { kind: "diploma", fileName: "diploma.pdf", contentType: "application/pdf", confirm: false });
    await assign("expert2", "attestation", filed.body.id, filed.body.id);
  });

  it("gives the owner a link to the confirmed document only", async () => {
    const response = await read("teacher3", path);
    expect(response.status).toBe(200);
    const [essay, diploma] = ["essay", "diploma"].map((kind) => (response.body.documents as { kind: string; url?: string }[]).find((document) => document.kind === kind));
    expect(diploma).toMatchObject({ status: "pending" });
    expect(diploma).not.toHaveProperty("url");
    const file = await fetch(essay!.url!);
    expect(file.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''essay.pdf");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF_BYTES);
  });

  it("gives an admin and an assigned expert the case without any link, and another candidate 404", async () => {
    for (const user of ["admin", "expert2"]) {
      const response = await read(user, path);
      expect(response.status, user).toBe(200);
      expect(response.body).not.toHaveProperty("documents");
      expect(hasLink(response), user).toBe(false);
    }
    expect((await read("teacher2", path)).status).toBe(404);
  });
});

describe("the OpenAPI document", () => {
  it("describes the owner's optional document link on both reads", async () => {
    const openApi = (await client.request("GET", "/openapi.json")).body;
    for (const path of ["/applications/{id}", "/attestations/{id}"]) {
      const schema = openApi.paths[path].get.responses["200"].content["application/json"].schema;
      const document = schema.properties.documents.items;
      expect(document.properties.url.type, path).toBe("string");
      expect(document.required, path).not.toContain("url");
    }
  });
});
