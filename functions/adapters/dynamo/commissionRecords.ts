import type { PanelDrawMember } from "../../domain/competition/records.ts";
import { getMany } from "./batchGet.ts";
import { getItem, queryAll, queryPartition } from "./items.ts";
import { keys, partitions, sortPrefixes } from "./keys.ts";
import { countOpenAssignments } from "./scoringRecords.ts";
import type { TransactItem } from "./transactions.ts";
import { put } from "./updates.ts";

// Commissions and what a draw needs to know about their members: school, load cap, declared conflicts
// and the load they already carry.

export type CommissionRole = "chair" | "member" | "reserve";

export interface Commission {
  id: string;
  kind: "competition" | "attestation";
  level: "school" | "district" | "region" | "republic";
  schoolId?: string;
  district?: string;
  region?: string;
  members: { userId: string; role: CommissionRole }[];
  /** The partition key's territory part: see commissionTerritory. */
  territory?: string;
  createdAt: string;
  createdBy?: string;
}

/** The territory a commission serves, as its index names it: the school, district or region; the republic has one. */
export function commissionTerritory(commission: Pick<Commission, "level" | "schoolId" | "district" | "region">): string {
  switch (commission.level) {
    case "school":
      return commission.schoolId ?? "";
    case "district":
      return commission.district ?? "";
    case "region":
      return commission.region ?? "";
    case "republic":
      return "republic";
  }
}

/** A new commission; being the newest for its territory makes it the one in force (currentCommission). */
export function putNewCommission(commission: Commission): TransactItem {
  const territory = commissionTerritory(commission);
  return put({
    ...keys.commission(commission.id),
    type: "commission",
    GSI1PK: partitions.commissions(commission.kind, commission.level, territory),
    GSI1SK: `${commission.createdAt}#${commission.id}`,
    ...commission,
    territory,
  });
}

/** The fields of a user record a draw reads (never the password hash). */
interface UserFacts {
  id: string;
  schoolId?: string;
  loadCap?: number;
}

interface ConflictRecord {
  userId?: string;
  schoolId?: string;
}

/** A conflict of interest an expert declared: with one person or with one school. */
export interface Conflict extends ConflictRecord {
  id: string;
  expertId: string;
  reason: string;
  createdAt: string;
}

export function putNewConflict(conflict: Conflict): TransactItem {
  return put({ ...keys.conflict(conflict.expertId, conflict.id), type: "conflict", ...conflict });
}

export function getCommission(id: string): Promise<Commission | undefined> {
  return getItem<Commission>(keys.commission(id), true);
}

/** The commission now in force for a territory: the newest one formed for it. */
export async function currentCommission(kind: Commission["kind"], level: Commission["level"], territory: string): Promise<Commission | undefined> {
  const page = await queryPartition<Commission>({ index: "GSI1", partition: partitions.commissions(kind, level, territory), newestFirst: true, limit: 1 });
  return page.items[0];
}

export async function listConflicts(userId: string): Promise<{ userIds: string[]; schoolIds: string[] }> {
  const conflicts = await queryAll<ConflictRecord>({ partition: keys.user(userId).PK, sortPrefix: sortPrefixes.conflict, consistent: true });
  return {
    userIds: conflicts.flatMap((conflict) => (conflict.userId ? [conflict.userId] : [])),
    schoolIds: conflicts.flatMap((conflict) => (conflict.schoolId ? [conflict.schoolId] : [])),
  };
}

/**
 * Commission members as a draw sees them, read fresh: their school, load cap, declared conflicts and the
 * open assignments they already hold. A member without a user record is left out (an account removed
 * after the commission was formed cannot score).
 */
export async function loadPanelMembers(members: readonly Commission["members"][number][]): Promise<PanelDrawMember[]> {
  const users = await getMany<UserFacts>(members.map((member) => keys.user(member.userId)));
  const loaded = await Promise.all(
    members.map(async (member, index): Promise<PanelDrawMember | undefined> => {
      const user = users[index];
      if (!user) return undefined;
      const [conflicts, currentLoad] = await Promise.all([listConflicts(member.userId), countOpenAssignments(member.userId)]);
      return {
        userId: member.userId,
        role: member.role,
        ...(user.schoolId ? { schoolId: user.schoolId } : {}),
        ...(typeof user.loadCap === "number" ? { loadCap: user.loadCap } : {}),
        currentLoad,
        conflicts,
      };
    }),
  );
  return loaded.filter((member): member is PanelDrawMember => member !== undefined);
}
