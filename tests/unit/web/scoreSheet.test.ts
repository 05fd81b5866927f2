import { describe, expect, it } from "vitest";
import { competitionTeacherV1 } from "../../../functions/domain/rubrics/competitionTeacher2021.ts";
import {
  checkSheet,
  clearDraft,
  draftKey,
  loadDraft,
  parseScoreNumber,
  saveDraft,
  sheetBody,
  sheetTotal,
  valuesFromAnswers,
  type DraftStore,
  type SheetValues,
} from "../../../web/src/pages/expert/scoreSheet.ts";

class MemoryStore implements DraftStore {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const rubric = competitionTeacherV1;

/** teacher4's claims in the demo: 44.5 points on the default sheet. */
const winner: SheetValues = valuesFromAnswers({
  education: "master_or_specialist", degree: "doctorate", test: "pct_80_plus", category: "expert", experience: "years_10_plus",
  administrative: "deputy_head", recommendation: "positive", studentAchievements: 2, ownAchievements: 2, methodical: 3, courses: 1.5,
});

describe("score-sheet drafts", () => {
  it("come back as saved, per assignment", () => {
    const store = new MemoryStore();
    expect(saveDraft(store, "a1", { values: { education: "higher_honours", courses: "1," }, comment: "checked", savedAt: "2026-11-25T10:00:00.000Z" })).toBe(true);
    expect(loadDraft(store, "a1", rubric)).toEqual({ values: { education: "higher_honours", courses: "1," }, comment: "checked", savedAt: "2026-11-25T10:00:00.000Z" });
    expect(loadDraft(store, "a2", rubric)).toBeUndefined();
    clearDraft(store, "a1");
    expect(loadDraft(store, "a1", rubric)).toBeUndefined();
  });

  it("drop what no longer fits the rubric and read corrupt entries as no draft", () => {
    const store = new MemoryStore();
    store.setItem(draftKey("a1"), JSON.stringify({ version: 1, values: { education: "phd_on_paper", nope: "1", courses: 2, degree: "none" }, savedAt: "x" }));
    expect(loadDraft(store, "a1", rubric)).toEqual({ values: { degree: "none" }, comment: "", savedAt: "x" });
    store.setItem(draftKey("a1"), "{not json");
    expect(loadDraft(store, "a1", rubric)).toBeUndefined();
    store.setItem(draftKey("a1"), JSON.stringify({ version: 99, values: {}, savedAt: "x" }));
    expect(loadDraft(store, "a1", rubric)).toBeUndefined();
  });

  it("report a refused storage instead of throwing", () => {
    const full: DraftStore = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => { throw new Error("denied"); } };
    expect(saveDraft(full, "a1", { values: {}, comment: "", savedAt: "x" })).toBe(false);
    expect(() => clearDraft(full, "a1")).not.toThrow();
  });
});

describe("score numbers as typed", () => {
  it("accept a point or a comma as the decimal sign", () => {
    expect(parseScoreNumber("1.5")).toBe(1.5);
    expect(parseScoreNumber(" 1,5 ")).toBe(1.5);
    expect(parseScoreNumber("-2")).toBe(-2);
    expect(parseScoreNumber("−2")).toBe(-2);
    expect(parseScoreNumber("3")).toBe(3);
  });
  it("refuse anything else", () => {
    for (const text of ["", "1,", "1.000,5", "1,000", "1.125", "abc", "1e3", "--1", "0x10"]) expect(parseScoreNumber(text)).toBeUndefined();
  });
});

describe("checking a sheet", () => {
  it("accepts a complete sheet and converts numbers", () => {
    const check = checkSheet(rubric, { ...winner, courses: "1,5" });
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.answers.courses).toBe(1.5);
  });

  it("names each criterion that is missing, off the scale, off its step or not a number", () => {
    const { education: _left, ...rest } = winner;
    const check = checkSheet(rubric, { ...rest, studentAchievements: "4", ownAchievements: "1.25", methodical: "a lot" });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.issues).toEqual({ education: "missing", studentAchievements: "out_of_range", ownAchievements: "not_a_step", methodical: "not_a_number" });
    }
  });
});

describe("the running total", () => {
  it("adds exactly what the tally adds", () => {
    expect(sheetTotal(rubric, winner)).toEqual({ total: 44.5, answered: 11, count: rubric.criteria.length });
  });
  it("counts only the criteria answered validly so far", () => {
    expect(sheetTotal(rubric, { education: "higher_distance", courses: "0,5", methodical: "9", degree: "" })).toEqual({ total: -1.5, answered: 2, count: 11 });
  });
});

describe("the request body", () => {
  it("leaves a blank comment out and trims the rest", () => {
    expect(sheetBody({ a: 1 }, "  ")).toEqual({ scores: { a: 1 } });
    expect(sheetBody({ a: 1 }, " seen ")).toEqual({ scores: { a: 1 }, comment: "seen" });
  });
});
