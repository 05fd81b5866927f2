import { routes } from "../../routes.ts";
import { closeApproval, getApproval } from "../../adapters/dynamo/approvalRecords.ts";
import { commitWithAudit } from "../../adapters/dynamo/auditLog.ts";
import { ConditionFailed } from "../../adapters/dynamo/transactions.ts";
import { completeTask } from "../../adapters/stepfunctions/workflowClient.ts";
import { sha256Hex } from "../../domain/assignment/canonicalJson.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { logger } from "../../platform/logger.ts";

/**
 * The HR officer approves the recommended appointment (with the order's number and date) or declines it
 * with a reason, which passes the offer to the next candidate. The decision and its audit event commit
 * together; then the waiting workflow is answered.
 */
export const handler = httpHandler(routes.decideApproval, async ({ user, params, body }) => {
  const approval = await getApproval(params.id, true);
  if (!approval || !user.schoolId || approval.schoolId !== user.schoolId) throw new AppError("not_found");
  if (approval.status !== "pending") throw new AppError("already_decided");

  const decidedAt = new Date().toISOString();
  const approved = body.decision === "approve";
  const fields = approved
    ? { status: "approved" as const, decision: "approve" as const, orderNumber: body.orderNumber, orderDate: body.orderDate }
    : { status: "declined" as const, decision: "decline" as const, reason: body.reason };
  try {
    await commitWithAudit(
      approval.vacancyId,
      {
        actor: user.id,
        action: approved ? "offer.approved" : "offer.declined",
        data: {
          approvalId: approval.id,
          applicationId: approval.applicationId,
          offerIndex: approval.offerIndex,
          // Every candidate of the case may read its trail: the decline reason (free text about one of
          // them) stays on the approval, and the trail holds its hash, which still proves it unchanged.
          ...(approved ? { orderNumber: body.orderNumber, orderDate: body.orderDate } : { reasonSha256: sha256Hex(body.reason) }),
        },
      },
      [closeApproval(approval.id, { ...fields, decidedAt, decidedBy: user.id })],
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw new AppError("already_decided");
    throw error;
  }

  const delivered = await completeTask(approval.taskToken, { decision: body.decision, applicationId: approval.applicationId });
  if (!delivered) logger.warn("approval decided after the workflow stopped waiting", { approvalId: approval.id, vacancyId: approval.vacancyId });
  return { body: { id: approval.id, status: fields.status } };
});
