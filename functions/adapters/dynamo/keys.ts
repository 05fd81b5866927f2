// Storage keys of every item, in one place, as docs/data-model.md lists them.
export const keys = {
  school: (id: string) => ({ PK: `SCHOOL#${id}`, SK: "SCHOOL" }),
  user: (id: string) => ({ PK: `USER#${id}`, SK: "USER" }),
  commission: (id: string) => ({ PK: `COMMISSION#${id}`, SK: "COMMISSION" }),
  vacancy: (id: string) => ({ PK: `VACANCY#${id}`, SK: "VACANCY" }),
  oneApplicationGuard: (vacancyId: string, candidateId: string) => ({ PK: `VACANCY#${vacancyId}`, SK: `CANDIDATE#${candidateId}` }),
  application: (id: string) => ({ PK: `APPLICATION#${id}`, SK: "APPLICATION" }),
  document: (applicationId: string, documentId: string) => ({ PK: `APPLICATION#${applicationId}`, SK: `DOCUMENT#${documentId}` }),
  assignment: (id: string) => ({ PK: `ASSIGNMENT#${id}`, SK: "ASSIGNMENT" }),
  scoreSheet: (assignmentId: string) => ({ PK: `ASSIGNMENT#${assignmentId}`, SK: "SHEET" }),
  slot: (caseId: string, slotId: string) => ({ PK: `CASE#${caseId}`, SK: `SLOT#${slotId}` }),
  approval: (id: string) => ({ PK: `APPROVAL#${id}`, SK: "APPROVAL" }),
  attestation: (id: string) => ({ PK: `ATTESTATION#${id}`, SK: "ATTESTATION" }),
  attestationDocument: (attestationId: string, documentId: string) => ({ PK: `ATTESTATION#${attestationId}`, SK: `DOCUMENT#${documentId}` }),
  conflict: (expertId: string, conflictId: string) => ({ PK: `USER#${expertId}`, SK: `CONFLICT#${conflictId}` }),
  /** One alert per failed workflow run, filed under its UTC day. */
  alert: (day: string, caseId: string, at: string) => ({ PK: `ALERT#${day}`, SK: `${caseId}#${at}` }),
};

/** Sort-key prefixes of items that live in another entity's partition. */
export const sortPrefixes = {
  conflict: "CONFLICT#",
  slot: "SLOT#",
  document: "DOCUMENT#",
};

export const partitions = {
  schools: "SCHOOLS",
  publishedVacancies: "VACANCIES",
  schoolVacancies: (schoolId: string) => `SCHOOL#${schoolId}#VACANCIES`,
  vacancyApplications: (vacancyId: string) => `VACANCY#${vacancyId}#APPLICATIONS`,
  candidateApplications: (candidateId: string) => `CANDIDATE#${candidateId}#APPLICATIONS`,
  caseAssignments: (caseId: string) => `CASE#${caseId}#ASSIGNMENTS`,
  expertAssignments: (expertId: string) => `EXPERT#${expertId}#ASSIGNMENTS`,
  /** The same expert's assignments while open only: what a draw counts against their load cap. */
  expertOpenAssignments: (expertId: string) => `EXPERT#${expertId}#OPEN`,
  schoolApprovals: (schoolId: string) => `SCHOOL#${schoolId}#APPROVALS`,
  candidateAttestations: (candidateId: string) => `CANDIDATE#${candidateId}#ATTESTATIONS`,
  /** Cases waiting for a commission chair's vote, by chair. */
  chairVotes: (chairId: string) => `CHAIR#${chairId}#VOTES`,
  commissions: (kind: string, level: string, territory: string) => `COMMISSION#${kind}#${level}#${territory}`,
  alerts: "ALERTS",
};
