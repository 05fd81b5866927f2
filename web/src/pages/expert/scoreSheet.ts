// The expert's evaluation sheet as the page keeps it: raw form values (what was typed, so a half-typed
// "1," survives a reload), turned into API answers only when checked or sent. The checks are the domain's
// own (validateAnswers with every criterion required, exactly as the API seals a sheet), so the page never
// accepts a sheet the server would refuse, nor refuses one it would accept.
import { fromHundredths } from "../../../../functions/domain/points/hundredths.ts";
import { pointsInHundredthsFor } from "../../../../functions/domain/rubrics/pointsFor.ts";
import type { Answers, Criterion, Rubric } from "../../../../functions/domain/rubrics/rubric.ts";
import { answerIssue, validateAnswers, type AnswerIssueCode } from "../../../../functions/domain/rubrics/validateAnswers.ts";

/** What the form holds: per criterion id, an option id or the text typed into a number field. */
export type SheetValues = Record<string, string>;

export type SheetDraft = { values: SheetValues; comment: string; savedAt: string };

/** The part of the Web Storage API the draft needs (localStorage in the page, a Map in tests). */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const DRAFT_VERSION = 1;

export function draftKey(assignmentId: string): string {
  return `adal.scoreSheetDraft.${assignmentId}`;
}

/**
 * Saves the draft; a full or refused storage (private mode, quota) only costs the draft, never the form,
 * so it reports false instead of throwing.
 */
export function saveDraft(store: DraftStore, assignmentId: string, draft: SheetDraft): boolean {
  try {
    store.setItem(draftKey(assignmentId), JSON.stringify({ version: DRAFT_VERSION, ...draft }));
    return true;
  } catch {
    return false;
  }
}

/**
 * The saved draft of this assignment, limited to what still fits its rubric: values of criteria the rubric
 * does not have, option ids it does not offer and anything that is not text are dropped. A corrupt or
 * foreign entry reads as no draft.
 */
export function loadDraft(store: DraftStore, assignmentId: string, rubric: Pick<Rubric, "criteria">): SheetDraft | undefined {
  let parsed: unknown;
  try {
    const text = store.getItem(draftKey(assignmentId));
    if (text === null) return undefined;
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { version, values, comment, savedAt } = parsed as Record<string, unknown>;
  if (version !== DRAFT_VERSION || typeof values !== "object" || values === null || typeof savedAt !== "string") return undefined;
  const kept: SheetValues = {};
  for (const criterion of rubric.criteria) {
    if (!Object.hasOwn(values, criterion.id)) continue;
    const value = (values as Record<string, unknown>)[criterion.id];
    if (typeof value !== "string") continue;
    if (criterion.options && !criterion.options.some((option) => option.id === value)) continue;
    kept[criterion.id] = value;
  }
  return { values: kept, comment: typeof comment === "string" ? comment : "", savedAt };
}

export function clearDraft(store: DraftStore, assignmentId: string): void {
  try {
    store.removeItem(draftKey(assignmentId));
  } catch {
    // Nothing to clear in a storage that refuses access.
  }
}

/**
 * A number as people type it in kk/ru/en: "1.5", "1,5", " 2 ", "-2". Empty or anything else is undefined.
 * Scores are whole hundredths, so at most two decimals: "1,000" (a thousand to an English reader, one to a
 * Russian one) is refused rather than guessed.
 */
export function parseScoreNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[-−]?\d+([.,]\d{1,2})?$/.test(trimmed)) return undefined;
  const value = Number(trimmed.replace("−", "-").replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

/** The answer one criterion's form value stands for, or undefined when it is empty or not a number. */
function answerOf(criterion: Criterion, value: string | undefined): string | number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  return criterion.options ? value : parseScoreNumber(value);
}

export type SheetIssueCode = AnswerIssueCode | "not_a_number";

export type SheetCheck =
  | { ok: true; answers: Answers }
  | { ok: false; issues: Record<string, SheetIssueCode>; answers: Answers };

/** The sheet as the API would judge it: every criterion answered, each answer within its criterion. */
export function checkSheet(rubric: Pick<Rubric, "criteria">, values: SheetValues): SheetCheck {
  const answers: Answers = {};
  const issues: Record<string, SheetIssueCode> = {};
  for (const criterion of rubric.criteria) {
    const value = values[criterion.id];
    const answer = answerOf(criterion, value);
    if (answer !== undefined) answers[criterion.id] = answer;
    else if (value !== undefined && value.trim() !== "") issues[criterion.id] = "not_a_number";
  }
  const result = validateAnswers(rubric as Rubric, answers, { requireAll: true });
  if (!result.ok) {
    for (const issue of result.issues) issues[issue.criterionId] ??= issue.code;
  }
  return Object.keys(issues).length === 0 ? { ok: true, answers: result.ok ? result.answers : answers } : { ok: false, issues, answers };
}

/** The running total of the criteria answered so far (exact, in hundredths like the tally), and how many. */
export function sheetTotal(rubric: Pick<Rubric, "criteria">, values: SheetValues): { total: number; answered: number; count: number } {
  let hundredths = 0;
  let answered = 0;
  for (const criterion of rubric.criteria) {
    const answer = answerOf(criterion, values[criterion.id]);
    if (answer === undefined || answerIssue(criterion, answer) !== undefined) continue;
    hundredths += pointsInHundredthsFor(criterion, answer);
    answered++;
  }
  return { total: fromHundredths(hundredths), answered, count: rubric.criteria.length };
}

/** Form values for answers the API returned (a claim shown beside the field, a sealed sheet read back). */
export function valuesFromAnswers(answers: Readonly<Answers>): SheetValues {
  return Object.fromEntries(Object.entries(answers).map(([id, answer]) => [id, String(answer)]));
}

/** The points one option or number earns on a criterion, or undefined when it does not fit. */
export function pointsOf(criterion: Criterion, answer: string | number): number | undefined {
  if (answerIssue(criterion, answer) !== undefined) return undefined;
  return fromHundredths(pointsInHundredthsFor(criterion, answer));
}

/** The request body of a sealed sheet: the comment trimmed, and left out when blank (the schema's min is 1). */
export function sheetBody(answers: Answers, comment: string): { scores: Answers; comment?: string } {
  const trimmed = comment.trim();
  return trimmed === "" ? { scores: answers } : { scores: answers, comment: trimmed };
}
