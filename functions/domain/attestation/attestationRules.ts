import type { RubricSource } from "../rubrics/rubric.ts";
import type { AttestationCategory, AttestedCategory } from "./categories.ts";

// The rules of attestation other than the evaluation sheet, kept as versioned data for the same reason as
// rubrics: a case pins the rules id it was opened under, and a later amendment gets a new id instead of
// rewriting earlier decisions. Code reads every number from here; none is repeated in the logic.

export const LANGUAGE_CERTIFICATE_KINDS = ["IELTS", "TOEFL", "DELF", "Goethe"] as const;
export type LanguageCertificateKind = (typeof LANGUAGE_CERTIFICATE_KINDS)[number];

/** CEFR levels, lowest first: DELF and Goethe certificates are graded on this scale. */
export const CEFR_LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** The minimum certificate level per category: a band score (IELTS, TOEFL iBT) or a CEFR level (DELF, Goethe). */
export type CertificateRequirement =
  | { scale: "score"; minimum: Readonly<Record<AttestedCategory, number>> }
  | { scale: "cefr"; minimum: Readonly<Record<AttestedCategory, CefrLevel>> };

export interface AttestationRules {
  id: string;
  version: string;
  /** false until the values were checked against the official text of `source`. */
  verified: boolean;
  source: RubricSource;
  knowledgeTest: {
    /** Number of tasks; a score is the number of tasks solved, 0..tasks. */
    tasks: number;
    /** п.39: the minimum score that passes, per category (the category the teacher claims). */
    passScores: Readonly<Record<AttestationCategory, number>>;
    /** A result may be used for this many years after the test. */
    validityYears: number;
  };
  /** п.5: minimum teaching experience (years) to claim a category. */
  minExperienceYears: Readonly<Partial<Record<AttestationCategory, number>>>;
  /** A category is awarded for this many years. */
  categoryValidityYears: number;
  exemptions: {
    /** п.57: teachers with at least this many years' experience skip the test when confirming their category. */
    experienceYears: number;
    /** п.57: these categories may be confirmed without the test … */
    topCategories: readonly AttestedCategory[];
    /** … at most this many times in a row. */
    maxTopConfirmationsInARow: number;
    /** п.55-56: language teachers with a current certificate at the category's level skip the test. */
    languageCertificates: Readonly<Record<LanguageCertificateKind, CertificateRequirement>>;
  };
  early: {
    /** п.63-64: early attestation no sooner than this many years after the last one. */
    minYearsSinceLast: number;
    /** п.63-64: how many of the listed requirements the teacher must meet, per category; others have no early route. */
    requirementsToMeet: Readonly<Partial<Record<AttestationCategory, number>>>;
  };
  /** п.30: teachers within this many years of pension age are not obliged to attest. */
  pensionExemptionYears: number;
}

export const attestationRulesV1: AttestationRules = {
  id: "attestation-rules-v1",
  version: "1",
  verified: false,
  source: {
    title:
      "Rules and conditions of teacher attestation, Order No. 83 of 27.01.2016 (reg. No. 13317), " +
      "full edition of Order No. 32 of 25.02.2025 (п.5, 30, 39, 55-57, 63-64)",
    reference: "V1600013317",
    url: "https://adilet.zan.kz/rus/docs/V1600013317",
    note: "values as summarised in DOMAIN.md §3; they must be checked against the official text before production use",
  },
  knowledgeTest: {
    tasks: 50,
    // 50 %, 60 %, 70 %, 80 %, 90 % of 50 tasks.
    passScores: { teacher: 25, moderator: 30, expert: 35, researcher: 40, master: 45 },
    validityYears: 1,
  },
  minExperienceYears: { moderator: 2 },
  categoryValidityYears: 5,
  exemptions: {
    experienceYears: 30,
    topCategories: ["researcher", "master"],
    maxTopConfirmationsInARow: 2,
    languageCertificates: {
      IELTS: { scale: "score", minimum: { moderator: 6.5, expert: 6.5, researcher: 7, master: 7.5 } },
      TOEFL: { scale: "score", minimum: { moderator: 79, expert: 85, researcher: 94, master: 102 } },
      DELF: { scale: "cefr", minimum: { moderator: "B2", expert: "B2", researcher: "C1", master: "C1" } },
      Goethe: { scale: "cefr", minimum: { moderator: "B2", expert: "B2", researcher: "C1", master: "C1" } },
    },
  },
  early: {
    minYearsSinceLast: 2,
    requirementsToMeet: { expert: 4, researcher: 5, master: 6 },
  },
  pensionExemptionYears: 4,
};
