import { attestationRulesV1, type AttestationRules } from "../attestation/attestationRules.ts";
import type { AttestationRole } from "../attestation/categories.ts";
import { attestationSupportV1, attestationTeacherV1 } from "./attestationTeacher2025.ts";
import { competitionTeacherV1, competitionTechnicalV1 } from "./competitionTeacher2021.ts";
import type { Rubric } from "./rubric.ts";

export type VacancyKind = "teacher" | "technical";

// Frozen so that no caller can alter a published version in memory: a pinned rubric must stay exactly
// what it was when the case was opened.
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

const rubrics: ReadonlyMap<string, Rubric> = new Map(
  [competitionTeacherV1, competitionTechnicalV1, attestationTeacherV1, attestationSupportV1].map((rubric) => [
    rubric.id,
    deepFreeze(rubric),
  ]),
);

const attestationRules: ReadonlyMap<string, AttestationRules> = new Map(
  [attestationRulesV1].map((rules) => [rules.id, deepFreeze(rules)]),
);

// The version a newly created vacancy pins. Changing this affects new vacancies only.
const currentByVacancyKind: Readonly<Record<VacancyKind, string>> = {
  teacher: competitionTeacherV1.id,
  technical: competitionTechnicalV1.id,
};

// The sheet a newly opened attestation case pins, by the role of the person attested. Changing this
// affects new cases only.
const currentAttestationByRole: Readonly<Record<AttestationRole, string>> = {
  teacher: attestationTeacherV1.id,
  psychologist: attestationSupportV1.id,
  social_pedagogue: attestationSupportV1.id,
  camp_leader: attestationSupportV1.id,
  teaching_assistant: attestationSupportV1.id,
};

export function getRubric(id: string): Rubric | undefined {
  return rubrics.get(id);
}

export function currentRubricId(kind: VacancyKind): string {
  return currentByVacancyKind[kind];
}

export function currentAttestationRubricId(role: AttestationRole): string {
  return currentAttestationByRole[role];
}

export function listRubrics(): Rubric[] {
  return [...rubrics.values()];
}

export function getAttestationRules(id: string): AttestationRules | undefined {
  return attestationRules.get(id);
}

/** The attestation rules a newly opened case pins. */
export function currentAttestationRulesId(): string {
  return attestationRulesV1.id;
}

export function listAttestationRules(): AttestationRules[] {
  return [...attestationRules.values()];
}
