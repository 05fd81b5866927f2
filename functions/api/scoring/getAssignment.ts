import { routes } from "../../routes.ts";
import { commitWithAudit } from "../../adapters/dynamo/auditLog.ts";
import { getSheet } from "../../adapters/dynamo/scoringRecords.ts";
import { presignDownload } from "../../adapters/s3/documentLinks.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { ownAssignment, pinnedRubric, scoredMaterials } from "./assignmentAccess.ts";

/**
 * What the expert scores with, in a competition or an attestation alike: the pinned rubric, the candidate's
 * claims (an attestation's self-assessment) and short-lived links to the verified documents. No name is
 * shown (neither record carries one), nor anyone else's sheet or an earlier panel's result: an appeal panel
 * scores blind. Every view of the documents is recorded in the case's audit trail. An expired assignment is
 * gone for its expert.
 */
export const handler = httpHandler(routes.getAssignment, async ({ user, params }) => {
  const assignment = await ownAssignment(user, params.id);
  if (assignment.status !== "open" && assignment.status !== "submitted") throw new AppError("not_found");
  const [rubric, { claims, documents }] = await Promise.all([pinnedRubric(assignment), scoredMaterials(assignment)]);
  const verified = documents.filter((document) => document.status === "verified");
  const links = await Promise.all(
    verified.map(async (document) => ({ kind: document.kind, fileName: document.fileName, url: await presignDownload(document.key, document.fileName) })),
  );
  if (links.length > 0) {
    await commitWithAudit(assignment.caseId, {
      actor: user.id,
      action: "documents.viewed",
      data: { assignmentId: assignment.id, documentIds: verified.map((document) => document.id) },
    });
  }
  // The expert's own sheet, once sealed; nobody else's is ever shown here.
  const sheet = assignment.status === "submitted" ? await getSheet(assignment.id) : undefined;
  return {
    body: {
      id: assignment.id,
      caseKind: assignment.caseKind,
      caseId: assignment.caseId,
      applicationId: assignment.applicationId,
      status: assignment.status,
      dueAt: assignment.dueAt,
      rubric,
      claims,
      documents: links,
      ...(sheet ? { scoreSheet: { scores: sheet.scores, comment: sheet.comment, submittedAt: sheet.submittedAt, sha256: sheet.sha256 } } : {}),
    },
  };
});
