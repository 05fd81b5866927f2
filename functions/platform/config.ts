// Operational settings with their defaults; each can be overridden per deployment (and per test run)
// through the environment, never edited in code.
function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export const config = {
  /** How long a panel member has to submit all sheets of a competition before a reserve takes over. */
  scoringTimeoutSeconds: () => seconds("COMPETITION_SCORING_TIMEOUT_SECONDS", 7 * 24 * 3600),
  /** How long an offer waits for the HR officer before the competition ends without an appointment. */
  approvalTimeoutSeconds: () => seconds("COMPETITION_APPROVAL_TIMEOUT_SECONDS", 30 * 24 * 3600),
  maxDocumentBytes: () => seconds("MAX_DOCUMENT_BYTES", 10 * 1024 * 1024),
  /** Panel size of a competition commission's draw (odd; DOMAIN.md §2). */
  competitionPanelSize: () => seconds("COMPETITION_PANEL_SIZE", 3),
};
