import { getApplication, updateApplication } from "../../adapters/dynamo/applicationRecords.ts";
import { commitWithAudit } from "../../adapters/dynamo/auditLog.ts";
import { ConditionFailed } from "../../adapters/dynamo/transactions.ts";
import { vacancyAcceptsApplications } from "../../adapters/dynamo/vacancyRecords.ts";
import type { Application } from "../../domain/competition/records.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { publicVacancy } from "../vacancies/vacancyAccess.ts";

/** The caller's own application; anyone else's does not exist for them (404, never 403). */
export async function ownApplication(user: CurrentUser, applicationId: string): Promise<Application> {
  const application = await getApplication(applicationId, true);
  if (!application || application.candidateId !== user.id) throw new AppError("not_found");
  return application;
}

export function assertBeforeDeadline(closesAt: string, now: Date): void {
  if (Date.parse(closesAt) <= now.getTime()) throw new AppError("applications_closed");
}

/**
 * Moves an application while its vacancy still takes applications: the deadline is re-checked inside
 * the transaction, so a change racing the deadline (or another change) cannot slip through.
 */
export async function changeBeforeDeadline(
  user: CurrentUser,
  application: Application,
  action: string,
  from: readonly Application["status"][],
  fields: Partial<Application>,
  now: Date,
): Promise<void> {
  assertBeforeDeadline((await publicVacancy(application.vacancyId)).closesAt, now);
  try {
    await commitWithAudit(application.vacancyId, { actor: user.id, action, data: { applicationId: application.id } }, [
      vacancyAcceptsApplications(application.vacancyId, now.toISOString()),
      updateApplication(application.id, from, fields),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) throw new AppError(error.index === 0 ? "applications_closed" : "invalid_state");
    throw error;
  }
}
