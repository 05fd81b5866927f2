import { describe, expect, it } from "vitest";
import { findRubricProblems } from "../../../../functions/domain/rubrics/checkRubric.ts";
import type { Rubric } from "../../../../functions/domain/rubrics/rubric.ts";

const text = { kk: "k", ru: "r", en: "e" };
const base: Rubric = {
  id: "test-v1",
  version: "1",
  kind: "competition",
  title: text,
  verified: false,
  source: { title: "t", reference: "r" },
  criteria: [],
};

describe("findRubricProblems", () => {
  it("accepts a sound rubric", () => {
    expect(
      findRubricProblems({
        ...base,
        criteria: [
          { id: "a", title: text, options: [{ id: "x", label: text, points: 1.5 }] },
          { id: "b", title: text, min: 0, max: 3, step: 0.5 },
        ],
        tieBreaks: [{ criterionId: "a" }, { by: "submittedAt" }],
      }),
    ).toEqual([]);
  });

  it("reports each kind of defect", () => {
    const problems = findRubricProblems({
      ...base,
      title: { kk: "", ru: "r", en: "e" },
      criteria: [
        { id: "a", title: text, options: [{ id: "x", label: text, points: 1 }, { id: "x", label: text, points: 2 }] },
        { id: "a", title: text, min: 0, max: 3 },
        { id: "c", title: text, min: 3, max: 3 },
        { id: "d", title: text, min: 0, max: 3, step: 2 },
        { id: "e", title: text, options: [{ id: "y", label: { kk: "k", ru: "", en: "e" }, points: 0.125 }] },
        { id: "f", title: text },
      ],
      tieBreaks: [{ criterionId: "zzz" }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "rubric title: missing kk text",
        "criterion a: duplicate option id x",
        "duplicate criterion id a",
        "criterion c: min must be below max",
        "criterion d: max is not reachable from min in steps of 2",
        "criterion e: option y points are not whole hundredths",
        "criterion e option y label: missing ru text",
        "criterion f: a numeric criterion needs min and max",
        "tie-break refers to unknown criterion zzz",
      ]),
    );
  });

  it("reports attestation levels that cannot be applied", () => {
    const problems = findRubricProblems({
      ...base,
      kind: "attestation",
      criteria: [
        { id: "a", title: text, min: 0, max: 4, step: 1, levels: { moderator: 5 } },
        { id: "b", title: text, options: [{ id: "x", label: text, points: 2 }], levels: { moderator: 2, master: 1 } },
        { id: "c", title: text, min: 0, max: 4, parenthesisedLevels: { moderator: 0.125 } },
      ],
      thresholds: { moderator: 7, expert: -1 },
    });
    expect(problems).toEqual([
      "criterion a levels moderator: 5 is above the criterion's best answer 4",
      "criterion c parenthesisedLevels moderator: not whole hundredths",
      "thresholds expert: not a non-negative number of hundredths",
      "criterion b has a level for master, which has no threshold",
    ]);
  });
});
