import { getCommission, loadPanelMembers, type Commission } from "../../adapters/dynamo/commissionRecords.ts";
import type { PanelMember } from "../../domain/assignment/eligibility.ts";
import { InvalidCaseState } from "./taskSupport.ts";

/** Members of `commission` with one of `roles`, as a draw sees them now (school, cap, conflicts, load). */
export async function commissionMembers(commission: Commission, roles: readonly Commission["members"][number]["role"][]): Promise<PanelMember[]> {
  return loadPanelMembers(commission.members.filter((member) => roles.includes(member.role)));
}

/** The commission a draw recorded; gone means the case's record is broken, not a passing problem. */
export async function requireCommission(commissionId: string | undefined): Promise<Commission> {
  const commission = commissionId ? await getCommission(commissionId) : undefined;
  if (!commission) throw new InvalidCaseState(`the commission ${commissionId ?? "(unrecorded)"} of the draw is missing`);
  return commission;
}
