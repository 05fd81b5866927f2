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

/** Highest points the criterion can give, or undefined when its shape is broken (reported elsewhere). */
function maxPoints(criterion: Criterion): number | undefined {
  if (criterion.options !== undefined) {
    return criterion.options.length === 0 ? undefined : Math.max(...criterion.options.map((option) => option.points));
  }
  return criterion.max;
}

// An attestation criterion's level is a minimum that must be reachable; a level above the criterion's best
// answer would fail every portfolio for that category without anyone noticing why.
function checkLevels(criterion: Criterion, field: "levels" | "parenthesisedLevels", problems: string[]): void {
  const levels = criterion[field];
  if (levels === undefined) return;
  const best = maxPoints(criterion);
  for (const [category, level] of Object.entries(levels)) {
    const where = `criterion ${criterion.id} ${field} ${category}`;
    if (!isHundredths(level)) problems.push(`${where}: not whole hundredths`);
    else if (best !== undefined && level > best) problems.push(`${where}: ${level} is above the criterion's best answer ${best}`);
  }
}

function checkCriterion(criterion: Criterion, problems: string[]): void {
  const where = `criterion ${criterion.id}`;
  checkText(`${where} title`, criterion.title, problems);
  checkLevels(criterion, "levels", problems);
  checkLevels(criterion, "parenthesisedLevels", problems);
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
  for (const field of ["thresholds", "alternativeThresholds"] as const) {
    for (const [category, threshold] of Object.entries(rubric[field] ?? {})) {
      if (!isHundredths(threshold) || threshold < 0) problems.push(`${field} ${category}: not a non-negative number of hundredths`);
    }
  }
  // A level for a category without a threshold could never be applied: the category cannot be claimed.
  const thresholdCategories = new Set(Object.keys(rubric.thresholds ?? {}));
  for (const criterion of rubric.criteria) {
    for (const category of Object.keys(criterion.levels ?? {})) {
      if (!thresholdCategories.has(category)) problems.push(`criterion ${criterion.id} has a level for ${category}, which has no threshold`);
    }
  }
  for (const tieBreak of rubric.tieBreaks ?? []) {
    if ("criterionId" in tieBreak && !criterionIds.has(tieBreak.criterionId)) {
      problems.push(`tie-break refers to unknown criterion ${tieBreak.criterionId}`);
    }
  }
  return problems;
}
