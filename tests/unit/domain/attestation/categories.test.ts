import { describe, expect, it } from "vitest";
import {
  ATTESTATION_CATEGORIES,
  ATTESTED_CATEGORIES,
  CATEGORY_LABELS,
  categoryRank,
  commissionLevelFor,
  compareCategories,
  higherCategory,
  isAttestationCategory,
  isAttestationRole,
  isAttestedCategory,
  lowerCategory,
  nextCategory,
  previousCategory,
  ROLE_LABELS,
  ATTESTATION_ROLES,
} from "../../../../functions/domain/attestation/categories.ts";

describe("attestation categories", () => {
  it("climb teacher → moderator → expert → researcher → master", () => {
    expect(ATTESTATION_CATEGORIES).toEqual(["teacher", "moderator", "expert", "researcher", "master"]);
    expect(ATTESTED_CATEGORIES).toEqual(["moderator", "expert", "researcher", "master"]);
    expect(ATTESTATION_CATEGORIES.map(categoryRank)).toEqual([0, 1, 2, 3, 4]);
    expect(ATTESTATION_CATEGORIES.map(nextCategory)).toEqual(["moderator", "expert", "researcher", "master", undefined]);
    expect(ATTESTATION_CATEGORIES.map(previousCategory)).toEqual([undefined, "teacher", "moderator", "expert", "researcher"]);
    expect([...ATTESTATION_CATEGORIES].reverse().sort(compareCategories)).toEqual([...ATTESTATION_CATEGORIES]);
    expect(lowerCategory("master", "expert")).toBe("expert");
    expect(higherCategory("moderator", "researcher")).toBe("researcher");
  });

  it("recognises only the API ids", () => {
    expect(isAttestationCategory("teacher")).toBe(true);
    expect(isAttestationCategory("Master")).toBe(false);
    expect(isAttestationCategory("toString")).toBe(false);
    expect(isAttestedCategory("teacher")).toBe(false);
    expect(isAttestedCategory("master")).toBe(true);
    expect(isAttestationRole("psychologist")).toBe(true);
    expect(isAttestationRole("janitor")).toBe(false);
  });

  it("labels each category in the glossary's words", () => {
    expect(CATEGORY_LABELS.expert).toEqual({ kk: "Педагог-сарапшы", ru: "Педагог-эксперт", en: "Expert" });
    expect(CATEGORY_LABELS.researcher.kk).toBe("Педагог-зерттеуші");
    expect(CATEGORY_LABELS.master).toEqual({ kk: "Педагог-шебер", ru: "Педагог-мастер", en: "Master" });
    for (const labels of [...Object.values(CATEGORY_LABELS), ...ATTESTATION_ROLES.map((role) => ROLE_LABELS[role])]) {
      expect(labels.kk && labels.ru && labels.en).toBeTruthy();
    }
  });

  it("sends each target category to the commission of its level (п.19-23)", () => {
    expect(ATTESTED_CATEGORIES.map(commissionLevelFor)).toEqual(["school", "district", "region", "republic"]);
  });
});
