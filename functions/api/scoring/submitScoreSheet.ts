import { routes } from "../../routes.ts";
import { commitWithAudit } from "../../adapters/dynamo/auditLog.ts";
import { getAssignment, getSlot, putSealedSheet, updateAssignment, updateSlot } from "../../adapters/dynamo/scoringRecords.ts";
import { ConditionFailed } from "../../adapters/dynamo/transactions.ts";
import { when } from "../../adapters/dynamo/updates.ts";
import { completeTask } from "../../adapters/stepfunctions/workflowClient.ts";
import { canonicalJson, sha256Hex } from "../../domain/assignment/canonicalJson.ts";
import type { Assignment, ScoreSheet } from "../../domain/competition/records.ts";
import { validateAnswers } from "../../domain/rubrics/validateAnswers.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { logger } from "../../platform/logger.ts";
import { answerErrors } from "../answerErrors.ts";
import { ownAssignment, pinnedRubric } from "./assignmentAccess.ts";

function refuseUnlessOpen(assignment: Assignment): void {
  if (assignment.status === "submitted") throw new AppError("sheet_already_submitted");
  if (assignment.status !== "open") throw new AppError("invalid_state", `The assignment is ${assignment.status}`);
}

/**
 * Seals the expert's sheet: the sheet (written once, never changed), the assignment's move to submitted
 * and the slot's countdown commit together with the audit event, which records the sheet's hash, not its
 * scores. When that was the member's last sheet, the workflow waiting on the member moves on.
 */
export const handler = httpHandler(routes.submitScoreSheet, async ({ user, params, body, language }) => {
  const assignment = await ownAssignment(user, params.id);
  refuseUnlessOpen(assignment);
  const rubric = await pinnedRubric(assignment);
  // Every criterion must be answered: a gap would silently count as 0 (validateAnswers' requireAll).
  const checked = validateAnswers(rubric, body.scores, { requireAll: true });
  if (!checked.ok) throw new AppError("scores_invalid", undefined, answerErrors(checked.issues, language, "body.scores"));

  const content: Omit<ScoreSheet, "sha256"> = {
    assignmentId: assignment.id,
    caseKind: assignment.caseKind,
    caseId: assignment.caseId,
    applicationId: assignment.applicationId,
    expertId: user.id,
    rubricId: rubric.id,
    scores: checked.answers,
    ...(body.comment !== undefined ? { comment: body.comment } : {}),
    submittedAt: new Date().toISOString(),
  };
  const sheet: ScoreSheet = { ...content, sha256: sha256Hex(canonicalJson(content)) };
  try {
    await commitWithAudit(
      assignment.caseId,
      { actor: user.id, action: "score_sheet.submitted", data: { assignmentId: assignment.id, sha256: sheet.sha256 } },
      [
        putSealedSheet(sheet),
        updateAssignment(assignment.id, ["open"], { status: "submitted", submittedAt: sheet.submittedAt }),
        updateSlot(assignment.caseId, assignment.slotId, { increment: { remaining: -1 }, condition: when.compare("remaining", ">", 0) }),
      ],
    );
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    if (error.index === 0) throw new AppError("sheet_already_submitted");
    // The assignment moved on since it was read (submitted by a parallel request, or expired).
    const now = await getAssignment(assignment.id, true);
    if (now) refuseUnlessOpen(now);
    throw new AppError("invalid_state");
  }

  const slot = await getSlot(assignment.caseId, assignment.slotId);
  if (slot && slot.remaining === 0 && slot.taskToken) {
    const delivered = await completeTask(slot.taskToken, { slotId: slot.id, done: true });
    // Not delivered: the wait already ended (timed out); the workflow's replacement step finds every sheet in.
    if (!delivered) logger.warn("slot finished after its wait ended", { caseId: assignment.caseId, slotId: slot.id });
  }
  return { body: { id: assignment.id, status: "submitted", submittedAt: sheet.submittedAt } };
});
