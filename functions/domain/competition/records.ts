// The records of a competition as the domain knows them (storage keys live in the adapters).
import type { VACANCY_STATUSES } from "../../api/schemas/competition.ts";

export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
export type ApplicationStatus = "draft" | "submitted" | "withdrawn" | "ineligible" | "eligible" | "scored" | "appointed" | "not_selected";
export type Answers = Record<string, string | number>;

export interface PanelDraw {
  seed: string;
  inputsHash: string;
  drawnAt: string;
  panels: Record<string, string[]>;
  reserves: string[];
}

export interface Vacancy {
  id: string;
  schoolId: string;
  title: string;
  subject: string;
  language: "kk" | "ru" | "en";
  kind: "teacher" | "technical";
  hoursPerWeek: number;
  employment: "permanent" | "temporary";
  closesAt: string;
  description?: string;
  status: VacancyStatus;
  rubricId: string;
  createdAt: string;
  createdBy: string;
  publishedAt?: string;
  executionArn?: string;
  panel?: PanelDraw;
  appointedApplicationId?: string;
  /** The appointed candidate's total: what every candidate compares their own total with. */
  cutOff?: number;
  decidedAt?: string;
  failure?: string;
}

export interface Application {
  id: string;
  vacancyId: string;
  schoolId: string;
  candidateId: string;
  candidateSchoolId?: string;
  claims: Answers;
  status: ApplicationStatus;
  createdAt: string;
  submittedAt?: string;
  withdrawnAt?: string;
  updatedAt?: string;
  reason?: string;
  rank?: number;
  total?: number;
  perCriterion?: Record<string, number>;
  sheetCount?: number;
}

export interface DocumentRecord {
  id: string;
  applicationId: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  key: string;
  status: "pending" | "verified" | "rejected";
  reason?: string;
  versionId?: string;
  createdAt: string;
}

export interface Assignment {
  id: string;
  caseKind: "competition" | "attestation";
  caseId: string;
  applicationId: string;
  expertId: string;
  slotId: string;
  status: "open" | "submitted" | "expired";
  dueAt: string;
  createdAt: string;
  submittedAt?: string;
}

export interface PanelSlot {
  id: string;
  caseId: string;
  memberId: string;
  applicationIds: string[];
  remaining: number;
  taskToken?: string;
  status: "open" | "done" | "expired";
  dueAt?: string;
}

export interface Approval {
  id: string;
  vacancyId: string;
  schoolId: string;
  applicationId: string;
  rank: number;
  total: number;
  offerIndex: number;
  taskToken: string;
  status: "pending" | "approved" | "declined";
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  orderNumber?: string;
  orderDate?: string;
  reason?: string;
}
