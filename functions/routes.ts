// The one route table. The CDK stack builds the HTTP API and one function per row from it; the local
// gateway serves the same rows with the same handlers; the OpenAPI document is generated from it; every
// handler reads its own row for roles and schemas. A route exists nowhere else.
import * as z from "zod/mini";
import { CaseIdParams, DocumentParams, IdParams, PageQuery } from "./api/schemas/common.ts";
import {
  ApprovalBody,
  CreateApplicationBody,
  CreateDocumentBody,
  CreateVacancyBody,
  ListVacanciesQuery,
  ScoreSheetBody,
} from "./api/schemas/competition.ts";
import {
  AppealBody,
  CommissionVoteBody,
  CreateAttestationBody,
  CreateCommissionBody,
  DeclareConflictBody,
} from "./api/schemas/attestation.ts";
import { CaseWithOwnerDocuments } from "./api/schemas/documents.ts";
import { ALL_ROLES, defineRoute, type RouteDefinition } from "./platform/http/routeDefinition.ts";

const NoQuery = z.strictObject({});

export const routes = {
  health: defineRoute({
    method: "GET", path: "/health", handler: "api/platform/getHealth", auth: "public",
    summary: "Liveness and version", query: NoQuery, grants: [], successStatus: 200,
  }),
  openApi: defineRoute({
    method: "GET", path: "/openapi.json", handler: "api/platform/getOpenApi", auth: "public",
    summary: "This API's OpenAPI document, generated from the route table", query: NoQuery, grants: [], successStatus: 200,
  }),
  getMe: defineRoute({
    method: "GET", path: "/me", handler: "api/platform/getMe", auth: ALL_ROLES,
    summary: "The signed-in user", query: NoQuery, grants: ["table:read"], successStatus: 200,
  }),
  listSchools: defineRoute({
    method: "GET", path: "/schools", handler: "api/reference/listSchools", auth: "public",
    summary: "Schools", query: PageQuery, grants: ["table:read"], successStatus: 200,
  }),
  getRubric: defineRoute({
    method: "GET", path: "/rubrics/{id}", handler: "api/reference/getRubric", auth: "public",
    summary: "An evaluation sheet (rubric) version", params: IdParams, query: NoQuery, grants: [], successStatus: 200,
  }),
  createVacancy: defineRoute({
    method: "POST", path: "/vacancies", handler: "api/vacancies/createVacancy", auth: ["hr"],
    summary: "Create a vacancy for the HR officer's school (draft)", body: CreateVacancyBody, query: NoQuery,
    grants: ["table:read", "table:write"], idempotent: true, successStatus: 201,
  }),
  publishVacancy: defineRoute({
    method: "POST", path: "/vacancies/{id}/publish", handler: "api/vacancies/publishVacancy", auth: ["hr"],
    summary: "Publish a draft vacancy and start its competition", params: IdParams, query: NoQuery,
    grants: ["table:read", "table:write", "workflow:start"], successStatus: 200,
  }),
  listVacancies: defineRoute({
    method: "GET", path: "/vacancies", handler: "api/vacancies/listVacancies", auth: "public",
    summary: "Published vacancies, newest first", query: ListVacanciesQuery, grants: ["table:read"], successStatus: 200,
  }),
  listMyVacancies: defineRoute({
    method: "GET", path: "/me/vacancies", handler: "api/vacancies/listMyVacancies", auth: ["hr"],
    summary: "The HR officer's own school's vacancies, drafts included, newest first", query: PageQuery,
    grants: ["table:read"], successStatus: 200,
  }),
  getVacancy: defineRoute({
    method: "GET", path: "/vacancies/{id}", handler: "api/vacancies/getVacancy", auth: "public",
    summary: "A published vacancy", params: IdParams, query: NoQuery, grants: ["table:read"], successStatus: 200,
  }),
  getVacancyResults: defineRoute({
    method: "GET", path: "/vacancies/{id}/results", handler: "api/vacancies/getVacancyResults", auth: "public",
    summary: "The anonymised ranking and decision of a finished competition", params: IdParams, query: NoQuery,
    grants: ["table:read"], successStatus: 200,
  }),
  listVacancyApplications: defineRoute({
    method: "GET", path: "/vacancies/{id}/applications", handler: "api/vacancies/listVacancyApplications", auth: ["hr"],
    summary: "The applications to a vacancy of the HR officer's school", params: IdParams, query: PageQuery,
    grants: ["table:read"], successStatus: 200,
  }),
  createApplication: defineRoute({
    method: "POST", path: "/vacancies/{id}/applications", handler: "api/applications/createApplication", auth: ["candidate"],
    summary: "Apply to a vacancy (draft application)", params: IdParams, body: CreateApplicationBody, query: NoQuery,
    grants: ["table:read", "table:write"], idempotent: true, successStatus: 201,
  }),
  createApplicationDocument: defineRoute({
    method: "POST", path: "/applications/{id}/documents", handler: "api/applications/createApplicationDocument", auth: ["candidate"],
    summary: "Register a document and get a presigned POST to upload it", params: IdParams, body: CreateDocumentBody,
    query: NoQuery, grants: ["table:read", "table:write", "bucket:presignUpload"], idempotent: true, successStatus: 201,
  }),
  confirmApplicationDocument: defineRoute({
    method: "POST", path: "/applications/{id}/documents/{documentId}/confirm", handler: "api/applications/confirmApplicationDocument",
    auth: ["candidate"], summary: "Verify an uploaded document (size, real type, active content) and record its SHA-256, or refuse and delete it",
    params: DocumentParams, query: NoQuery, grants: ["table:read", "table:write", "bucket:read", "bucket:delete"], successStatus: 200,
  }),
  submitApplication: defineRoute({
    method: "POST", path: "/applications/{id}/submit", handler: "api/applications/submitApplication", auth: ["candidate"],
    summary: "Submit an application", params: IdParams, query: NoQuery, grants: ["table:read", "table:write"], successStatus: 200,
  }),
  withdrawApplication: defineRoute({
    method: "POST", path: "/applications/{id}/withdraw", handler: "api/applications/withdrawApplication", auth: ["candidate"],
    summary: "Withdraw an application before the deadline", params: IdParams, query: NoQuery,
    grants: ["table:read", "table:write"], successStatus: 200,
  }),
  listMyApplications: defineRoute({
    method: "GET", path: "/me/applications", handler: "api/applications/listMyApplications", auth: ["candidate"],
    summary: "The candidate's own applications", query: PageQuery, grants: ["table:read"], successStatus: 200,
  }),
  getApplication: defineRoute({
    method: "GET", path: "/applications/{id}", handler: "api/applications/getApplication", auth: ["candidate", "hr", "expert"],
    summary: "An application (its owner, HR of the school, assigned experts)", params: IdParams, query: NoQuery,
    response: CaseWithOwnerDocuments, grants: ["table:read", "bucket:read"], successStatus: 200,
  }),
  listMyAssignments: defineRoute({
    method: "GET", path: "/me/assignments", handler: "api/scoring/listMyAssignments", auth: ["expert"],
    summary: "The expert's scoring assignments", query: PageQuery, grants: ["table:read"], successStatus: 200,
  }),
  getAssignment: defineRoute({
    method: "GET", path: "/assignments/{id}", handler: "api/scoring/getAssignment", auth: ["expert"],
    summary: "An assignment with the rubric, the claims and short-lived document links", params: IdParams, query: NoQuery,
    grants: ["table:read", "table:write", "bucket:read"], successStatus: 200,
  }),
  submitScoreSheet: defineRoute({
    method: "POST", path: "/assignments/{id}/score-sheet", handler: "api/scoring/submitScoreSheet", auth: ["expert"],
    summary: "Submit a sealed score sheet", params: IdParams, body: ScoreSheetBody, query: NoQuery,
    grants: ["table:read", "table:write", "workflow:respond"], successStatus: 200,
  }),
  listApprovals: defineRoute({
    method: "GET", path: "/approvals", handler: "api/approvals/listApprovals", auth: ["hr"],
    summary: "Pending appointment decisions of the HR officer's school", query: PageQuery, grants: ["table:read"], successStatus: 200,
  }),
  decideApproval: defineRoute({
    method: "POST", path: "/approvals/{id}", handler: "api/approvals/decideApproval", auth: ["hr"],
    summary: "Approve the recommended appointment or decline it with a reason", params: IdParams, body: ApprovalBody,
    query: NoQuery, grants: ["table:read", "table:write", "workflow:respond"], successStatus: 200,
  }),
  createCommission: defineRoute({
    method: "POST", path: "/commissions", handler: "api/commissions/createCommission", auth: ["admin"],
    summary: "Form a commission at a level and territory with its chair, members and reserves", body: CreateCommissionBody,
    query: NoQuery, grants: ["table:read", "table:write"], idempotent: true, successStatus: 201,
  }),
  declareConflict: defineRoute({
    method: "POST", path: "/me/conflicts", handler: "api/commissions/declareConflict", auth: ["expert"],
    summary: "Declare a conflict of interest with a person or a school", body: DeclareConflictBody, query: NoQuery,
    grants: ["table:read", "table:write"], idempotent: true, successStatus: 201,
  }),
  createAttestation: defineRoute({
    method: "POST", path: "/attestations", handler: "api/attestations/createAttestation", auth: ["candidate"],
    summary: "File an attestation for a qualification category (draft)", body: CreateAttestationBody, query: NoQuery,
    grants: ["table:read", "table:write"], idempotent: true, successStatus: 201,
  }),
  createAttestationDocument: defineRoute({
    method: "POST", path: "/attestations/{id}/documents", handler: "api/attestations/createAttestationDocument", auth: ["candidate"],
    summary: "Register a portfolio document and get a presigned POST to upload it", params: IdParams, body: CreateDocumentBody,
    query: NoQuery, grants: ["table:read", "table:write", "bucket:presignUpload"], idempotent: true, successStatus: 201,
  }),
  confirmAttestationDocument: defineRoute({
    method: "POST", path: "/attestations/{id}/documents/{documentId}/confirm", handler: "api/attestations/confirmAttestationDocument",
    auth: ["candidate"], summary: "Verify an uploaded portfolio document and record its SHA-256, or refuse and delete it",
    params: DocumentParams, query: NoQuery, grants: ["table:read", "table:write", "bucket:read", "bucket:delete"], successStatus: 200,
  }),
  submitAttestation: defineRoute({
    method: "POST", path: "/attestations/{id}/submit", handler: "api/attestations/submitAttestation", auth: ["candidate"],
    summary: "Submit an attestation: the rules are checked and the workflow starts", params: IdParams, query: NoQuery,
    grants: ["table:read", "table:write", "workflow:start"], successStatus: 200,
  }),
  listMyAttestations: defineRoute({
    method: "GET", path: "/me/attestations", handler: "api/attestations/listMyAttestations", auth: ["candidate"],
    summary: "The teacher's own attestations", query: PageQuery, grants: ["table:read"], successStatus: 200,
  }),
  getAttestation: defineRoute({
    method: "GET", path: "/attestations/{id}", handler: "api/attestations/getAttestation", auth: ["candidate", "admin", "expert"],
    summary: "An attestation (its owner, admins, its panel and commission chair)", params: IdParams, query: NoQuery,
    response: CaseWithOwnerDocuments, grants: ["table:read", "bucket:read"], successStatus: 200,
  }),
  voteOnAttestation: defineRoute({
    method: "POST", path: "/attestations/{id}/commission-vote", handler: "api/attestations/voteOnAttestation", auth: ["expert"],
    summary: "Record the commission's vote on the decision proposal (the case's chair)", params: IdParams,
    body: CommissionVoteBody, query: NoQuery, grants: ["table:read", "table:write", "workflow:respond"], successStatus: 200,
  }),
  listMyVotes: defineRoute({
    method: "GET", path: "/me/votes", handler: "api/attestations/listMyVotes", auth: ["expert"],
    summary: "The commission votes the calling chair has still to record, oldest proposal first", query: PageQuery,
    grants: ["table:read"], successStatus: 200,
  }),
  getAttestationDecision: defineRoute({
    method: "GET", path: "/attestations/{id}/decision", handler: "api/attestations/getAttestationDecision", auth: ["candidate", "admin"],
    summary: "The decision on an attestation", params: IdParams, query: NoQuery, grants: ["table:read"], successStatus: 200,
  }),
  appealAttestation: defineRoute({
    method: "POST", path: "/attestations/{id}/appeal", handler: "api/attestations/appealAttestation", auth: ["candidate"],
    summary: "Appeal a portfolio decision within the appeal window", params: IdParams, body: AppealBody, query: NoQuery,
    grants: ["table:read", "table:write"], idempotent: true, successStatus: 201,
  }),
  getCaseAudit: defineRoute({
    method: "GET", path: "/cases/{caseId}/audit", handler: "api/audit/getCaseAudit", auth: ["admin", "hr", "candidate"],
    summary: "A case's audit trail, oldest first", params: CaseIdParams, query: PageQuery, grants: ["table:read"], successStatus: 200,
  }),
};

export type RouteName = keyof typeof routes;
export const routeList: readonly RouteDefinition[] = Object.values(routes);
