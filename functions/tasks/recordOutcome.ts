import * as z from "zod/mini";
import { listVacancyApplicationsFresh, updateApplication } from "../adapters/dynamo/applicationRecords.ts";
import { approvalId, closeApproval, getApproval } from "../adapters/dynamo/approvalRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { writeOne } from "../adapters/dynamo/updates.ts";
import { updateVacancy } from "../adapters/dynamo/vacancyRecords.ts";
import { DECIDED_STATUSES, isDecided } from "../domain/competition/lifecycle.ts";
import type { Application, VacancyStatus } from "../domain/competition/records.ts";
import { logger } from "../platform/logger.ts";
import { failedOn, InvalidCaseState, parseTaskInput, requireVacancy, TaskId, WORKFLOW_ACTOR } from "./shared/taskSupport.ts";

const Input = z.object({
  vacancyId: TaskId,
  outcome: z.enum(DECIDED_STATUSES),
  applicationId: z.optional(TaskId),
});

/** Every status a competition can be decided from (cancelled and the decided ones cannot). */
const UNDECIDED: VacancyStatus[] = ["published", "applications_closed", "documents_checked", "scoring", "ranked", "offer_pending"];

/** Applications still in the running when the competition is decided. */
const inTheRunning = (application: Application) => application.status === "eligible" || application.status === "scored";

/** Offers nobody answered before the competition ended leave the HR officer's list. */
async function expirePendingOffers(vacancyId: string, offerCount: number, at: string): Promise<void> {
  for (let offerIndex = 0; offerIndex < offerCount; offerIndex++) {
    const approval = await getApproval(approvalId(vacancyId, offerIndex), true);
    if (approval?.status === "pending") await writeOne(closeApproval(approval.id, { status: "expired", decidedAt: at }));
  }
}

/**
 * Records how the competition ended: the vacancy's final status (with the appointed application and the
 * cut-off, when someone was appointed), the appointed application, and not_selected for everyone else
 * still in the running. Recording the same outcome again changes nothing.
 */
export const handler = async (input: unknown): Promise<{ outcome: string }> => {
  const { vacancyId, outcome, applicationId } = parseTaskInput("recordOutcome", Input, input);
  if (outcome === "appointed" && !applicationId) throw new InvalidCaseState("an appointment names the application");
  const vacancy = await requireVacancy(vacancyId);
  if (vacancy.status === outcome) return { outcome };
  if (isDecided(vacancy.status) || !UNDECIDED.includes(vacancy.status)) {
    throw new InvalidCaseState(`vacancy ${vacancyId} is ${vacancy.status}; it cannot become ${outcome}`);
  }

  const decidedAt = new Date().toISOString();
  const applications = await listVacancyApplicationsFresh(vacancyId);
  const appointed = outcome === "appointed" ? applications.find((application) => application.id === applicationId) : undefined;
  if (outcome === "appointed" && (!appointed || !(inTheRunning(appointed) || appointed.status === "appointed"))) {
    throw new InvalidCaseState(`application ${applicationId} of vacancy ${vacancyId} cannot be appointed`);
  }
  // The applications first, each by its own guarded change (a retry finds them done), then the vacancy
  // and its audit event, once.
  for (const application of applications) {
    if (application.id === appointed?.id && application.status !== "appointed") {
      await writeOne(updateApplication(application.id, ["eligible", "scored"], { status: "appointed", decidedAt }));
    } else if (application.id !== appointed?.id && inTheRunning(application)) {
      await writeOne(updateApplication(application.id, ["eligible", "scored"], { status: "not_selected", decidedAt }));
    }
  }
  await expirePendingOffers(vacancyId, vacancy.ranking?.length ?? 0, decidedAt);

  const cutOff = appointed?.total;
  try {
    await commitWithAudit(
      vacancyId,
      { actor: WORKFLOW_ACTOR, action: "competition.decided", data: { outcome, appointedApplicationId: appointed?.id ?? null, cutOff: cutOff ?? null } },
      [updateVacancy(vacancyId, UNDECIDED, { status: outcome, outcome, decidedAt, appointedApplicationId: appointed?.id, cutOff })],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    const now = await requireVacancy(vacancyId);
    if (now.status !== outcome) throw new InvalidCaseState(`vacancy ${vacancyId} was decided as ${now.status} meanwhile`);
  }
  logger.info("competition decided", { task: "recordOutcome", vacancyId, outcome });
  return { outcome };
};
