// The records of a competition as the domain knows them (storage keys live in the adapters).
import type { VACANCY_STATUSES } from "../../api/schemas/competition.ts";
import type { StoredDocument } from "../documents/storedDocument.ts";

export type VacancyStatus = (typeof VACANCY_STATUSES)[number];
export type ApplicationStatus = "draft" | "submitted" | "withdrawn" | "ineligible" | "eligible" | "scored" | "appointed" | "not_selected";
export type Answers = Record<string, string | number>;

export interface PanelDraw {
  seed: string;
  inputsHash: string;
  drawnAt: string;
  panels: Record<string, string[]>;
  reserves: string[];
  /** What the draw was computed from, so that anyone can recompute it (drawCompetitionPanel + the seed). */
  drawVersion?: number;
  commissionId?: string;
  panelSize?: number;
  vacancySchoolId?: string;
  members?: PanelDrawMember[];
  candidates?: { applicationId: string; candidateId: string; schoolId?: string }[];
  /** Members who missed the scoring deadline and who took over their applications, in order. */
  replacements?: PanelReplacement[];
}

/** A commission member as the draw saw them (the domain's PanelMember). */
export interface PanelDrawMember {
  userId: string;
  role: "chair" | "member" | "reserve";
  schoolId?: string;
  loadCap?: number;
  currentLoad?: number;
  conflicts: { userIds: string[]; schoolIds: string[] };
}

export interface PanelReplacement {
  slotId: string;
  memberId: string;
  applicationIds: string[];
  /** null when no reserve could take the applications over. */
  reserveId: string | null;
  newSlotId: string | null;
  /** The seed pickReserve ordered the reserves with (the draw's seed and the slot id). */
  seed: string;
  at: string;
}

/** A localised reason shown to the candidate. */
export type LocalizedReason = { kk: string; ru: string; en: string };

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
  /** The decision as recorded by the workflow (equals the terminal status). */
  outcome?: "appointed" | "not_held" | "no_appointment" | "no_eligible_panel";
  closedAt?: string;
  documentsCheckedAt?: string;
  eligibleCount?: number;
  /** Application ids, best first, once ranked. */
  ranking?: string[];
  rankedAt?: string;
  /** The error name of the last workflow failure (details are in the alert record, never on the vacancy). */
  failure?: string;
  failureHash?: string;
  failedAt?: string;
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
  /** Why the application is ineligible: a stable code (the same as reasonCode). */
  reason?: string;
  reasonCode?: string;
  reasonText?: LocalizedReason;
  /** The document kind the reason is about, when it is about one. */
  reasonDocumentKind?: string;
  checkedAt?: string;
  rank?: number;
  total?: number;
  perCriterion?: Record<string, number>;
  sheetCount?: number;
  scoredAt?: string;
  decidedAt?: string;
}

export interface DocumentRecord extends StoredDocument {
  applicationId: string;
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
  /** Absent on slots written before attestation cases existed: those are competition slots. */
  caseKind?: "competition" | "attestation";
  caseId: string;
  memberId: string;
  applicationIds: string[];
  /** Applications of the slot whose sheet is not submitted yet; 0 completes the member's workflow task. */
  remaining: number;
  /** The token of the workflow task now waiting on this slot (a re-driven execution brings a new one). */
  taskToken?: string;
  /** The slot id that waiting task was opened for: itself, or an earlier slot of its replacement chain. */
  awaitedAs?: string;
  status: "open" | "done" | "expired";
  dueAt?: string;
  createdAt: string;
  openedAt?: string;
  expiredAt?: string;
  /** The slot that took over this one's unsubmitted applications. */
  replacedBy?: string;
  /** The slot this one took over from. */
  replaces?: string;
  /** Set on an expired slot when no reserve could take over. */
  noReserve?: boolean;
}

/** A sealed score sheet: written once, with the assignment's move to submitted, never changed. */
export interface ScoreSheet {
  assignmentId: string;
  caseKind: "competition" | "attestation";
  caseId: string;
  applicationId: string;
  expertId: string;
  rubricId: string;
  scores: Answers;
  comment?: string;
  submittedAt: string;
  /** SHA-256 of the canonical JSON of every field above: what the audit event records instead of the scores. */
  sha256: string;
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
  /** expired: the competition ended (the offer timed out) before anyone decided. */
  status: "pending" | "approved" | "declined" | "expired";
  decision?: "approve" | "decline";
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  orderNumber?: string;
  orderDate?: string;
  reason?: string;
}
