import { setTimeout as sleep } from "node:timers/promises";
import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Role } from "../../../functions/platform/http/routeDefinition.ts";
import { hashPassword } from "../identity/passwords.ts";

// The demo region of API.md "Local identity": three schools of one district, their HR officers, eight
// teachers, and seven experts of the district's methodical centre who staff every commission. Items are
// shaped exactly as docs/data-model.md describes them.
export const DEMO_PASSWORD = "demo-password";

const REGION = "Шымкент";
const DISTRICT = "Абай ауданы";

const SCHOOLS = [
  { id: "school-1", name: "Абай атындағы №12 мектеп-гимназия" },
  { id: "school-2", name: "Школа-лицей №34 имени Ы. Алтынсарина" },
  { id: "school-3", name: "№57 жалпы білім беретін мектеп" },
] as const;

const SUBJECTS = [
  "mathematics",
  "physics",
  "kazakh-language",
  "russian-language",
  "english-language",
  "informatics",
  "history",
] as const;

interface DemoUser {
  id: string;
  username: string;
  roles: Role[];
  schoolId?: string;
  subjects: string[];
  experienceYears: number;
  loadCap: number;
}

const EXPERT_EXPERIENCE = [12, 9, 15, 7, 20, 11, 8];
const TEACHER_SCHOOLS = [1, 1, 1, 2, 2, 2, 3, 3];
const TEACHER_EXPERIENCE = [3, 7, 12, 1, 5, 18, 9, 4];
const TEACHER_SUBJECTS = [...SUBJECTS, "mathematics"];

function subjectAt(index: number): string {
  return SUBJECTS[index % SUBJECTS.length] ?? "mathematics";
}

export const demoUsers: readonly DemoUser[] = [
  { id: "user-admin", username: "admin", roles: ["admin"], subjects: [], experienceYears: 0, loadCap: 0 },
  ...[1, 2, 3].map((n): DemoUser => ({
    id: `user-hr-school${n}`,
    username: `hr.school${n}`,
    roles: ["hr"],
    schoolId: `school-${n}`,
    subjects: [],
    experienceYears: 0,
    loadCap: 0,
  })),
  // Three subjects each, shifted by one, so that every subject has exactly three experts.
  ...EXPERT_EXPERIENCE.map((experienceYears, i): DemoUser => ({
    id: `user-expert${i + 1}`,
    username: `expert${i + 1}`,
    roles: ["expert"],
    subjects: [subjectAt(i), subjectAt(i + 1), subjectAt(i + 2)],
    experienceYears,
    loadCap: 50,
  })),
  ...TEACHER_SCHOOLS.map((school, i): DemoUser => ({
    id: `user-teacher${i + 1}`,
    username: `teacher${i + 1}`,
    roles: ["candidate"],
    schoolId: `school-${school}`,
    subjects: [TEACHER_SUBJECTS[i] ?? "mathematics"],
    experienceYears: TEACHER_EXPERIENCE[i] ?? 1,
    loadCap: 0,
  })),
];

type Member = { userId: string; role: "chair" | "member" | "reserve" };

function expert(n: number): string {
  return `user-expert${((n - 1) % 7) + 1}`;
}

function attestationMembers(chair: number): Member[] {
  return [1, 2, 3, 4, 5, 6, 7].map((n) => ({ userId: expert(n), role: n === chair ? "chair" : "member" }));
}

/** Rotated so that the three schools' competition commissions draw on different experts. */
function competitionMembers(first: number): Member[] {
  return [
    { userId: expert(first), role: "chair" },
    { userId: expert(first + 1), role: "member" },
    { userId: expert(first + 2), role: "member" },
    { userId: expert(first + 3), role: "reserve" },
    { userId: expert(first + 4), role: "reserve" },
  ];
}

interface DemoCommission {
  id: string;
  kind: "competition" | "attestation";
  level: "school" | "district" | "region";
  territory: string;
  scope: { schoolId: string } | { district: string } | { region: string };
  members: Member[];
}

const demoCommissions: readonly DemoCommission[] = [
  ...SCHOOLS.map(({ id }, i): DemoCommission => ({
    id: `commission-competition-${id}`,
    kind: "competition",
    level: "school",
    territory: id,
    scope: { schoolId: id },
    members: competitionMembers(1 + 3 * i),
  })),
  ...SCHOOLS.map(({ id }, i): DemoCommission => ({
    id: `commission-attestation-${id}`,
    kind: "attestation",
    level: "school",
    territory: id,
    scope: { schoolId: id },
    members: attestationMembers(i + 1),
  })),
  {
    id: "commission-attestation-district",
    kind: "attestation",
    level: "district",
    territory: DISTRICT,
    scope: { district: DISTRICT },
    members: attestationMembers(4),
  },
  {
    id: "commission-attestation-region",
    kind: "attestation",
    level: "region",
    territory: REGION,
    scope: { region: REGION },
    members: attestationMembers(5),
  },
];

type Item = Record<string, unknown>;

async function userItems(): Promise<Item[]> {
  // One hash for all demo users: their shared password is printed on the start banner anyway, and 19
  // separate scrypt runs would add most of a second to every first start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return demoUsers.map((user) => ({
    PK: `USER#${user.id}`,
    SK: "USER",
    GSI1PK: `USERNAME#${user.username}`,
    GSI1SK: "USER",
    type: "user",
    ...user,
    passwordHash,
  }));
}

function commissionItems(createdAt: string): Item[] {
  return demoCommissions.map(({ id, kind, level, territory, scope, members }) => ({
    PK: `COMMISSION#${id}`,
    SK: "COMMISSION",
    GSI1PK: `COMMISSION#${kind}#${level}#${territory}`,
    GSI1SK: `${createdAt}#${id}`,
    type: "commission",
    id,
    kind,
    level,
    territory,
    ...scope,
    members,
    createdAt,
  }));
}

function schoolItems(): Item[] {
  return SCHOOLS.map(({ id, name }) => ({
    PK: `SCHOOL#${id}`,
    SK: "SCHOOL",
    GSI1PK: "SCHOOLS",
    GSI1SK: `${name}#${id}`,
    type: "school",
    id,
    name,
    district: DISTRICT,
    region: REGION,
  }));
}

async function batchPut(client: DynamoDBDocumentClient, tableName: string, items: readonly Item[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let requests = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await sleep(Math.min(1000, 50 * 2 ** attempt));
      const { UnprocessedItems } = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (UnprocessedItems?.[tableName] ?? []).flatMap((request) =>
        request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item } }] : [],
      );
    }
  }
}

/**
 * Seeds the demo region into a store that has no schools yet; does nothing otherwise.
 *
 * BatchWrite takes no conditions, so idempotence comes from the ids instead: every item has a fixed key,
 * so writing it again replaces it with the same thing, and the schools, which mark a store as seeded, are
 * written last. A seed that was interrupted therefore leaves no schools and is simply redone in full on
 * the next start; a finished one is never touched again.
 */
export async function seedDemoRegion(client: DynamoDBDocumentClient, tableName: string): Promise<{ seeded: boolean; items: number }> {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :schools",
      ExpressionAttributeValues: { ":schools": "SCHOOLS" },
      Limit: 1,
    }),
  );
  if (Items.length > 0) return { seeded: false, items: 0 };
  const items = [...(await userItems()), ...commissionItems(new Date().toISOString())];
  await batchPut(client, tableName, items);
  const schools = schoolItems();
  await batchPut(client, tableName, schools);
  return { seeded: true, items: items.length + schools.length };
}
