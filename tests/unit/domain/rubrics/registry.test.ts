import { describe, expect, it } from "vitest";
import { ATTESTATION_ROLES } from "../../../../functions/domain/attestation/categories.ts";
import {
  currentAttestationRubricId,
  currentAttestationRulesId,
  currentRubricId,
  getAttestationRules,
  getRubric,
  listAttestationRules,
  listRubrics,
} from "../../../../functions/domain/rubrics/registry.ts";

describe("rubric registry", () => {
  it("pins the current versions for new vacancies", () => {
    expect(currentRubricId("teacher")).toBe("competition-teacher-v1");
    expect(currentRubricId("technical")).toBe("competition-technical-v1");
  });

  it("finds every listed rubric by id and nothing else", () => {
    const ids = listRubrics().map((rubric) => rubric.id);
    expect(ids).toEqual(expect.arrayContaining(["competition-teacher-v1", "competition-technical-v1"]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(getRubric(id)?.id).toBe(id);
    expect(getRubric("competition-teacher-v0")).toBeUndefined();
    expect(getRubric("toString")).toBeUndefined();
  });

  it("hands out rubrics that cannot be altered in memory", () => {
    const rubric = getRubric("competition-teacher-v1");
    if (rubric === undefined) throw new Error("missing rubric");
    const option = rubric.criteria[0]?.options?.[0];
    if (option === undefined) throw new Error("missing option");
    expect(() => {
      option.points = 100;
    }).toThrow(TypeError);
    expect(() => {
      rubric.criteria.push({ id: "bribe", title: { kk: "x", ru: "x", en: "x" } });
    }).toThrow(TypeError);
    expect(getRubric("competition-teacher-v1")?.criteria[0]?.options?.[0]?.points).toBe(1);
  });

  it("pins an attestation sheet per role: teachers get theirs, the four support roles the other", () => {
    expect(currentAttestationRubricId("teacher")).toBe("attestation-teacher-v1");
    for (const role of ATTESTATION_ROLES.filter((r) => r !== "teacher")) {
      expect(currentAttestationRubricId(role)).toBe("attestation-support-v1");
    }
    for (const role of ATTESTATION_ROLES) {
      const rubric = getRubric(currentAttestationRubricId(role));
      expect(rubric?.kind).toBe("attestation");
      expect(rubric?.roles).toContain(role);
    }
    expect(listRubrics().map((r) => r.id)).toEqual(
      expect.arrayContaining(["competition-teacher-v1", "competition-technical-v1", "attestation-teacher-v1", "attestation-support-v1"]),
    );
  });

  it("pins the attestation rules and keeps them immutable", () => {
    expect(currentAttestationRulesId()).toBe("attestation-rules-v1");
    const rules = getAttestationRules("attestation-rules-v1");
    expect(rules?.knowledgeTest.passScores.master).toBe(45);
    expect(listAttestationRules().map((r) => r.id)).toEqual(["attestation-rules-v1"]);
    expect(getAttestationRules("toString")).toBeUndefined();
    expect(() => {
      (rules?.knowledgeTest.passScores as Record<string, number>).master = 1;
    }).toThrow(TypeError);
    const rubric = getRubric("attestation-teacher-v1");
    expect(() => {
      (rubric?.thresholds as Record<string, number>).master = 1;
    }).toThrow(TypeError);
  });
});
