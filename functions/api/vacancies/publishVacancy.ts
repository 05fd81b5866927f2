import { routes } from "../../routes.ts";
import { commitWithAudit } from "../../adapters/dynamo/auditLog.ts";
import { ConditionFailed } from "../../adapters/dynamo/transactions.ts";
import { publishedVacancyIndex, updateVacancy } from "../../adapters/dynamo/vacancyRecords.ts";
import { startWorkflow } from "../../adapters/stepfunctions/workflowClient.ts";
import { config } from "../../platform/config.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { vacancyOfOwnSchool } from "./vacancyAccess.ts";

export const handler = httpHandler(routes.publishVacancy, async ({ user, params }) => {
  const vacancy = await vacancyOfOwnSchool(user, params.id, true);
  if (vacancy.status !== "draft") throw new AppError("invalid_state", `The vacancy is ${vacancy.status}`);
  if (Date.parse(vacancy.closesAt) <= Date.now()) throw new AppError("closes_at_in_past");
  // The execution is named after the vacancy, so starting it first is safe to retry; the status change
  // below is conditional, so two HR officers publishing at once publish once.
  const executionArn = await startWorkflow("competition", vacancy.id, {
    vacancyId: vacancy.id,
    closesAt: vacancy.closesAt,
    kind: vacancy.kind,
    scoringTimeoutSeconds: config.scoringTimeoutSeconds(),
    approvalTimeoutSeconds: config.approvalTimeoutSeconds(),
  });
  const publishedAt = new Date().toISOString();
  try {
    await commitWithAudit(vacancy.id, { actor: user.id, action: "vacancy.published", data: { executionArn } }, [
      updateVacancy(vacancy.id, ["draft"], { status: "published", publishedAt, executionArn, ...publishedVacancyIndex(vacancy, publishedAt) }),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) throw new AppError("invalid_state", "The vacancy was published meanwhile");
    throw error;
  }
  return { body: { id: vacancy.id, status: "published", publishedAt } };
});
