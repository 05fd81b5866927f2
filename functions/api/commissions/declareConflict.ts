import { routes } from "../../routes.ts";
import { putNewConflict, type Conflict } from "../../adapters/dynamo/commissionRecords.ts";
import { getItem } from "../../adapters/dynamo/items.ts";
import { keys } from "../../adapters/dynamo/keys.ts";
import { newId } from "../../adapters/ids.ts";
import { sha256Hex } from "../../domain/assignment/canonicalJson.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { createIdempotently } from "../idempotentCreate.ts";
import { ruleErrors, type RuleIssue } from "../ruleErrors.ts";

/**
 * An expert declares a conflict of interest with one person or one school; every later draw leaves them
 * off that person's or school's cases (listConflicts). Whether a named person has an account is not
 * checked: a relative may not have one yet, and the answer would tell who does.
 */
export const handler = httpHandler(routes.declareConflict, async ({ user, body, language, idempotencyKey }) => {
  const issues: RuleIssue[] = [];
  if ((body.userId === undefined) === (body.schoolId === undefined)) {
    const params = { fields: ["userId", "schoolId"] };
    issues.push({ path: "body.userId", code: "exactly_one", params }, { path: "body.schoolId", code: "exactly_one", params });
  } else if (body.userId === user.id) {
    issues.push({ path: "body.userId", code: "self_conflict" });
  } else if (body.schoolId !== undefined && (await getItem(keys.school(body.schoolId))) === undefined) {
    issues.push({ path: "body.schoolId", code: "unknown_school", params: { id: body.schoolId } });
  }
  if (issues.length > 0) throw new AppError("conflict_target_invalid", undefined, ruleErrors(issues, language));

  const result = await createIdempotently({ userId: user.id, key: idempotencyKey, request: { route: "declareConflict", body } }, async () => {
    const conflict: Conflict = {
      id: newId(),
      expertId: user.id,
      ...(body.userId !== undefined ? { userId: body.userId } : { schoolId: body.schoolId }),
      reason: body.reason,
      createdAt: new Date().toISOString(),
    };
    return {
      // The expert's own trail: draws read their conflicts, so when each was declared must be provable.
      caseId: user.id,
      audit: {
        actor: user.id,
        action: "conflict.declared",
        data: { conflictId: conflict.id, userId: conflict.userId, schoolId: conflict.schoolId, reasonSha256: sha256Hex(conflict.reason) },
      },
      items: [putNewConflict(conflict)],
      response: { status: 201, body: conflict },
      onConflict: () => new AppError("invalid_state"),
    };
  });
  return { status: result.status, body: result.body };
});
