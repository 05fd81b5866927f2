import { routes } from "../../routes.ts";
import { getMany } from "../../adapters/dynamo/batchGet.ts";
import { commissionTerritory, putNewCommission, type Commission } from "../../adapters/dynamo/commissionRecords.ts";
import { getItem } from "../../adapters/dynamo/items.ts";
import { keys } from "../../adapters/dynamo/keys.ts";
import { newId } from "../../adapters/ids.ts";
import { checkCommission, DEFAULT_COMMISSION_RULES, type MemberFacts } from "../../domain/commissions/checkCommission.ts";
import { config } from "../../platform/config.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { createIdempotently } from "../idempotentCreate.ts";
import { ruleErrors } from "../ruleErrors.ts";

/**
 * An administrator forms a commission for a level and territory. Being the newest for its territory, it is
 * the one new cases draw from (currentCommission); cases already drawn keep the commission they recorded.
 */
export const handler = httpHandler(routes.createCommission, async ({ user, body, language, idempotencyKey }) => {
  const [facts, school] = await Promise.all([
    getMany<MemberFacts>(body.members.map((member) => keys.user(member.userId))),
    body.level === "school" && body.schoolId !== undefined ? getItem(keys.school(body.schoolId)) : Promise.resolve(undefined),
  ]);
  const issues = checkCommission(body, facts, school !== undefined, {
    ...DEFAULT_COMMISSION_RULES,
    competitionMinVotingMembers: config.competitionPanelSize(),
  });
  if (issues.length > 0) throw new AppError("commission_invalid", undefined, ruleErrors(issues, language));

  const result = await createIdempotently({ userId: user.id, key: idempotencyKey, request: { route: "createCommission", body } }, async () => {
    const commission: Commission = {
      id: newId(),
      kind: body.kind,
      level: body.level,
      ...(body.schoolId !== undefined ? { schoolId: body.schoolId } : {}),
      ...(body.district !== undefined ? { district: body.district } : {}),
      ...(body.region !== undefined ? { region: body.region } : {}),
      members: body.members.map(({ userId, role }) => ({ userId, role })),
      createdAt: new Date().toISOString(),
      createdBy: user.id,
    };
    const territory = commissionTerritory(commission);
    return {
      caseId: commission.id,
      audit: { actor: user.id, action: "commission.formed", data: { kind: commission.kind, level: commission.level, territory, members: commission.members } },
      items: [putNewCommission(commission)],
      response: { status: 201, body: { ...commission, territory } },
      onConflict: () => new AppError("invalid_state"),
    };
  });
  return { status: result.status, body: result.body };
});
