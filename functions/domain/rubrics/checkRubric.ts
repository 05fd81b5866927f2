import type { Criterion, Rubric } from "./rubric.ts";

// Rubrics are data that administrators will publish as the law changes; this is the gate a new version
// must pass before any case can pin it. Returns human-readable problems, empty when the rubric is sound.

const languages = ["kk", "ru", "en"] as const;

function isHundredths(value: number): boolean {
  // Scores are tallied in whole hundredths of a point (see tallyScoreSheets), so every number a rubric
  // can produce must be representable there.
  return Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;
}

function checkText(where: string, text: unknown, problems: string[]): void {
  for (const language of languages) {
    const value = (text as Record<string, unknown> | undefined)?.[language];
    if (typeof value !== "string" || value.trim() === "") problems.push(`${where}: missing ${language} text`);
  }
}

function checkCriterion(criterion: Criterion, problems: string[]): void {
  const where = `criterion ${criterion.id}`;
  checkText(`${where} title`, criterion.title, problems);
  if (criterion.options !== undefined) {
    if (criterion.options.length === 0) problems.push(`${where}: has an empty option list`);
    if (criterion.min !== undefined || criterion.max !== undefined || criterion.step !== undefined) {
      problems.push(`${where}: has both options and a numeric range`);
    }
    const seen = new Set<string>();
    for (const option of criterion.options) {
      if (option.id === "") problems.push(`${where}: has an option without an id`);
      if (seen.has(option.id)) problems.push(`${where}: duplicate option id ${option.id}`);
      seen.add(option.id);
      if (!isHundredths(option.points)) problems.push(`${where}: option ${option.id} points are not whole hundredths`);
      checkText(`${where} option ${option.id} label`, option.label, problems);
    }
    return;
  }
  const { min, max, step } = criterion;
  if (min === undefined || max === undefined) {
    problems.push(`${where}: a numeric criterion needs min and max`);
    return;
  }
  if (!isHundredths(min) || !isHundredths(max)) problems.push(`${where}: min/max are not whole hundredths`);
  if (!(min < max)) problems.push(`${where}: min must be below max`);
  if (step !== undefined) {
    if (!(step > 0) || !isHundredths(step)) problems.push(`${where}: step must be a positive number of hundredths`);
    else if (Math.round((max - min) * 100) % Math.round(step * 100) !== 0) {
      problems.push(`${where}: max is not reachable from min in steps of ${step}`);
    }
  }
}

export function findRubricProblems(rubric: Rubric): string[] {
  const problems: string[] = [];
  if (rubric.id === "") problems.push("rubric has no id");
  if (rubric.version === "") problems.push("rubric has no version");
  checkText("rubric title", rubric.title, problems);
  const criterionIds = new Set<string>();
  for (const criterion of rubric.criteria) {
    if (criterion.id === "") problems.push("a criterion has no id");
    if (criterionIds.has(criterion.id)) problems.push(`duplicate criterion id ${criterion.id}`);
    criterionIds.add(criterion.id);
    checkCriterion(criterion, problems);
  }
  for (const tieBreak of rubric.tieBreaks ?? []) {
    if ("criterionId" in tieBreak && !criterionIds.has(tieBreak.criterionId)) {
      problems.push(`tie-break refers to unknown criterion ${tieBreak.criterionId}`);
    }
  }
  return problems;
}
