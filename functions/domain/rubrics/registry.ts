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
  [competitionTeacherV1, competitionTechnicalV1].map((rubric) => [rubric.id, deepFreeze(rubric)]),
);

// The version a newly created vacancy pins. Changing this affects new vacancies only.
const currentByVacancyKind: Readonly<Record<VacancyKind, string>> = {
  teacher: competitionTeacherV1.id,
  technical: competitionTechnicalV1.id,
};

export function getRubric(id: string): Rubric | undefined {
  return rubrics.get(id);
}

export function currentRubricId(kind: VacancyKind): string {
  return currentByVacancyKind[kind];
}

export function listRubrics(): Rubric[] {
  return [...rubrics.values()];
}
