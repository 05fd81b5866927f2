import type { LocalizedText } from "../rubrics/rubric.ts";

// Qualification categories of teachers (Order No. 83, п.5), lowest first. The ids are the API's; the order
// of this list IS the ladder a teacher climbs one step at a time, so every comparison goes through it
// rather than through ad-hoc lists elsewhere.
export const ATTESTATION_CATEGORIES = ["teacher", "moderator", "expert", "researcher", "master"] as const;
export type AttestationCategory = (typeof ATTESTATION_CATEGORIES)[number];

/** The categories an attestation can award: "teacher" (педагог) is where everyone starts, not a target. */
export const ATTESTED_CATEGORIES = ["moderator", "expert", "researcher", "master"] as const;
export type AttestedCategory = (typeof ATTESTED_CATEGORIES)[number];

export function isAttestationCategory(value: unknown): value is AttestationCategory {
  return typeof value === "string" && (ATTESTATION_CATEGORIES as readonly string[]).includes(value);
}

export function isAttestedCategory(value: unknown): value is AttestedCategory {
  return typeof value === "string" && (ATTESTED_CATEGORIES as readonly string[]).includes(value);
}

/** 0 for teacher … 4 for master. */
export function categoryRank(category: AttestationCategory): number {
  return ATTESTATION_CATEGORIES.indexOf(category);
}

/** Negative when a is below b, 0 when equal, positive when above: usable as a sort comparator. */
export function compareCategories(a: AttestationCategory, b: AttestationCategory): number {
  return categoryRank(a) - categoryRank(b);
}

/** The category one step up, or undefined above master. */
export function nextCategory(category: AttestationCategory): AttestationCategory | undefined {
  return ATTESTATION_CATEGORIES[categoryRank(category) + 1];
}

/** The category one step down, or undefined below teacher. */
export function previousCategory(category: AttestationCategory): AttestationCategory | undefined {
  const rank = categoryRank(category);
  return rank === 0 ? undefined : ATTESTATION_CATEGORIES[rank - 1];
}

export function lowerCategory(a: AttestationCategory, b: AttestationCategory): AttestationCategory {
  return compareCategories(a, b) <= 0 ? a : b;
}

export function higherCategory(a: AttestationCategory, b: AttestationCategory): AttestationCategory {
  return compareCategories(a, b) >= 0 ? a : b;
}

// Glossary (DOMAIN.md §6): the Kazakh titles are not word-for-word the Russian ones (эксперт = сарапшы,
// исследователь = зерттеуші, мастер = шебер), so each language is written out.
export const CATEGORY_LABELS: Readonly<Record<AttestationCategory, LocalizedText>> = {
  teacher: { kk: "Педагог", ru: "Педагог", en: "Teacher" },
  moderator: { kk: "Педагог-модератор", ru: "Педагог-модератор", en: "Moderator" },
  expert: { kk: "Педагог-сарапшы", ru: "Педагог-эксперт", en: "Expert" },
  researcher: { kk: "Педагог-зерттеуші", ru: "Педагог-исследователь", en: "Researcher" },
  master: { kk: "Педагог-шебер", ru: "Педагог-мастер", en: "Master" },
};

export type CommissionLevel = "school" | "district" | "region" | "republic";

// п.19-23: the higher the claimed category, the higher the commission that decides it. The product draws
// the school level's panel from the district's pool (DOMAIN.md §4), but the deciding commission's level
// is still the law's, and that is what this answers.
const commissionLevelByCategory: Readonly<Record<AttestedCategory, CommissionLevel>> = {
  moderator: "school",
  expert: "district",
  researcher: "region",
  master: "republic",
};

export function commissionLevelFor(targetCategory: AttestedCategory): CommissionLevel {
  return commissionLevelByCategory[targetCategory];
}

// Who is attested. Psychologists, social pedagogues, camp leaders and teaching assistants have their own
// evaluation sheet and lower thresholds (DOMAIN.md §3); everyone else who teaches uses the teachers' sheet.
export const ATTESTATION_ROLES = ["teacher", "psychologist", "social_pedagogue", "camp_leader", "teaching_assistant"] as const;
export type AttestationRole = (typeof ATTESTATION_ROLES)[number];

export function isAttestationRole(value: unknown): value is AttestationRole {
  return typeof value === "string" && (ATTESTATION_ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Readonly<Record<AttestationRole, LocalizedText>> = {
  teacher: { kk: "Педагог (пән мұғалімі)", ru: "Педагог (учитель-предметник)", en: "Teacher (subject teacher)" },
  psychologist: { kk: "Педагог-психолог", ru: "Педагог-психолог", en: "School psychologist" },
  social_pedagogue: { kk: "Әлеуметтік педагог", ru: "Социальный педагог", en: "Social pedagogue" },
  camp_leader: { kk: "Тәлімгер", ru: "Вожатый", en: "Camp leader" },
  teaching_assistant: { kk: "Педагог ассистенті", ru: "Ассистент педагога", en: "Teaching assistant" },
};
