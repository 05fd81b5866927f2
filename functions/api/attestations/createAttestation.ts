import type * as z from "zod/mini";
import { routes } from "../../routes.ts";
import { putNewAttestation } from "../../adapters/dynamo/attestationRecords.ts";
import { getItem } from "../../adapters/dynamo/items.ts";
import { keys } from "../../adapters/dynamo/keys.ts";
import { newId } from "../../adapters/ids.ts";
import type { AttestationRole } from "../../domain/attestation/categories.ts";
import { checkEligibility } from "../../domain/attestation/checkEligibility.ts";
import type { Attestation } from "../../domain/attestation/records.ts";
import { currentAttestationRubricId, currentAttestationRulesId, getAttestationRules } from "../../domain/rubrics/registry.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { AppError } from "../../platform/errors/appError.ts";
import type { Language } from "../../platform/errors/errorCatalog.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { createIdempotently } from "../idempotentCreate.ts";
import type { CreateAttestationBody } from "../schemas/attestation.ts";
import { ruleErrors, type RuleIssue } from "../ruleErrors.ts";
import { ownerView } from "./attestationAccess.ts";
import { eligibilityRequest } from "./eligibility.ts";

type Body = z.infer<typeof CreateAttestationBody>;

// Psychologists, social pedagogues, camp leaders and teaching assistants share one evaluation sheet with
// lower thresholds; the API names them together.
const sheetRole: Readonly<Record<Attestation["role"], AttestationRole>> = { teacher: "teacher", support_specialist: "psychologist" };

interface SchoolRecord {
  id: string;
  district: string;
  region: string;
}

/** The candidate's school as the store knows it; the commission's territory is derived from it. */
async function candidateSchool(user: CurrentUser): Promise<SchoolRecord> {
  const schoolId = user.schoolId ?? (await getItem<{ schoolId?: string }>(keys.user(user.id)))?.schoolId;
  const school = schoolId === undefined ? undefined : await getItem<SchoolRecord>(keys.school(schoolId));
  if (!school) throw new AppError("candidate_school_unknown");
  return school;
}

/**
 * Fields that contradict each other (a certificate given for another ground of exemption) or that no rule
 * can judge (a date in the future): the application is refused at once, so that submission only ever
 * judges the rules of attestation. Missing pieces the rules ask for are the rules' to report, at submission.
 */
function inconsistencies(body: Body, now: Date): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const exemption = body.exemption;
  if (exemption?.certificate !== undefined && exemption.reason !== "language_certificate") {
    issues.push({ path: "body.exemption.certificate", code: "only_with", params: { when: "exemption.reason = language_certificate" } });
  }
  if (exemption?.confirmationsInARow !== undefined && exemption.reason !== "confirming_top_category") {
    issues.push({ path: "body.exemption.confirmationsInARow", code: "only_with", params: { when: "exemption.reason = confirming_top_category" } });
  }
  for (const [path, value] of [["body.test.takenAt", body.test?.takenAt], ["body.lastAttestationAt", body.lastAttestationAt]] as const) {
    if (value !== undefined && Date.parse(value) > now.getTime()) issues.push({ path, code: "in_the_future" });
  }
  return issues;
}

/** The domain's own reading of values it cannot judge (its "invalid_request" refusals), as field errors. */
function unreadableValues(attestation: Attestation, now: Date, language: Language) {
  const rules = getAttestationRules(attestation.rulesVersion);
  if (!rules) throw new Error(`attestation rules ${attestation.rulesVersion} are missing`);
  const verdict = checkEligibility(eligibilityRequest(attestation), rules, now);
  if (verdict.ok) return [];
  return verdict.refusals
    .filter((refusal) => refusal.code === "invalid_request")
    .map((refusal) => ({ path: `body.${String(refusal.details?.field)}`, code: String(refusal.details?.problem ?? "invalid"), message: refusal.message[language] }));
}

const instant = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());

export const handler = httpHandler(routes.createAttestation, async ({ user, body, language, idempotencyKey }) => {
  const now = new Date();
  const inconsistent = inconsistencies(body, now);
  if (inconsistent.length > 0) throw new AppError("attestation_inconsistent", undefined, ruleErrors(inconsistent, language));
  const school = await candidateSchool(user);
  const result = await createIdempotently({ userId: user.id, key: idempotencyKey, request: { route: "createAttestation", body } }, async () => {
    const role = body.role ?? "teacher";
    const exemption = body.exemption && {
      ...body.exemption,
      ...(body.exemption.certificate && { certificate: { ...body.exemption.certificate, validUntil: instant(body.exemption.certificate.validUntil) } }),
    };
    const attestation: Attestation = {
      id: newId(),
      candidateId: user.id,
      schoolId: school.id,
      district: school.district,
      region: school.region,
      role,
      ...(body.subject !== undefined ? { subject: body.subject } : {}),
      targetCategory: body.targetCategory,
      currentCategory: body.currentCategory,
      ...(body.currentCategoryValidUntil !== undefined ? { currentCategoryValidUntil: instant(body.currentCategoryValidUntil) } : {}),
      experienceYears: body.experienceYears,
      ...(body.test ? { test: { score: body.test.score, takenAt: new Date(body.test.takenAt).toISOString() } } : {}),
      ...(exemption ? { exemption } : {}),
      ...(body.early !== undefined ? { early: body.early } : {}),
      ...(body.lastAttestationAt !== undefined ? { lastAttestationAt: instant(body.lastAttestationAt) } : {}),
      // The sheet and the rules in force today are pinned now: a later amendment never rejudges this case.
      rubricId: currentAttestationRubricId(sheetRole[role]),
      rulesVersion: currentAttestationRulesId(),
      status: "draft",
      createdAt: now.toISOString(),
    };
    const unreadable = unreadableValues(attestation, now, language);
    if (unreadable.length > 0) throw new AppError("attestation_inconsistent", undefined, unreadable);
    return {
      caseId: attestation.id,
      audit: {
        actor: user.id,
        action: "attestation.created",
        data: { rubricId: attestation.rubricId, rulesVersion: attestation.rulesVersion, targetCategory: attestation.targetCategory },
      },
      items: [putNewAttestation(attestation)],
      response: { status: 201, body: ownerView(attestation) },
      onConflict: () => new AppError("invalid_state"),
    };
  });
  return { status: result.status, body: result.body };
});
