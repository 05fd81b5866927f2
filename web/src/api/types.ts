// The API's response shapes as the web app reads them (../shared/API.md); extra fields are ignored.
import type { Language } from "../i18n/language.ts";

export type Localized = Record<Language, string>;
export type FieldProblem = { path: string; code: string; message: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

export type School = { id: string; name: string; district: string; region: string };

export type Vacancy = {
  id: string;
  schoolId: string;
  title: string;
  subject: string;
  language: Language;
  kind: "teacher" | "technical";
  hoursPerWeek: number;
  employment: "permanent" | "temporary";
  closesAt: string;
  description?: string;
  status: string;
  rubricId: string;
  publishedAt?: string;
  createdAt?: string;
  decidedAt?: string;
};

export type RubricOption = { id: string; label: Localized; points: number; hint?: Localized };
export type Criterion = { id: string; title: Localized; options?: RubricOption[]; min?: number; max?: number; step?: number; hint?: Localized };
export type Rubric = {
  id: string;
  version: string;
  kind: "competition" | "attestation";
  title: Localized;
  verified: boolean;
  source?: { title?: string; reference?: string; url?: string; note?: string };
  criteria: Criterion[];
  thresholds?: unknown;
};

/** `url`: the owner's 5-minute link to a verified document (GET /applications/{id}, GET /attestations/{id}). */
export type OwnerDocument = { id: string; kind: string; fileName: string; status: string; reason: string | null; sha256: string | null; url?: string };

export type Application = {
  id: string;
  vacancyId: string;
  schoolId: string;
  claims: Record<string, string | number>;
  status: string;
  createdAt: string;
  submittedAt?: string;
  withdrawnAt?: string;
  reason?: string;
  reasonText?: Localized;
  reasonDocumentKind?: string;
  rank?: number;
  total?: number;
  perCriterion?: Record<string, number>;
  cutOff?: number | null;
  documents?: OwnerDocument[];
};

export type VacancyResults = {
  status: "appointed" | "not_held" | "no_appointment";
  decidedAt?: string;
  ranking: { rank: number; candidateRef: string; total: number }[];
  appointed?: string;
};

export type AuditEvent = { seq: number; at: string; actor: string; action: string; hash: string; prevHash: string; data?: Record<string, unknown> };
