// The expert's view of the API (../shared/API.md, "Expert scoring"); the rubric is the domain's own type,
// because that is exactly what GET /assignments/{id} serialises and what the sheet checks run on.
import type { Answers, Rubric } from "../../../../functions/domain/rubrics/rubric.ts";

export type CaseKind = "competition" | "attestation";

export type AssignmentSummary = { id: string; caseKind: CaseKind; caseId: string; status: "open" | "submitted" | "expired"; dueAt: string };

export type SealedSheet = { scores: Answers; comment?: string; submittedAt: string; sha256: string };

export type AssignmentDetail = AssignmentSummary & {
  applicationId: string;
  rubric: Rubric;
  claims: Answers;
  documents: { kind: string; fileName: string; url: string }[];
  scoreSheet?: SealedSheet;
};

/** GET /attestations/{id} as a panel member sees it: the portfolio's facts, never the person. */
export type AttestationFacts = {
  id: string;
  targetCategory: string;
  currentCategory: string;
  experienceYears: number;
  test?: { score: number; takenAt: string };
  exemption?: { reason: string };
};
