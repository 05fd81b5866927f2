// Operational settings with their defaults; each can be overridden per deployment (and per test run)
// through the environment, never edited in code.
function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** A share in (0, 1], e.g. 0.15; the fallback when unset or out of range. */
function share(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 && value <= 1 ? value : fallback;
}

/** An optional positive number of seconds; undefined when unset. */
function optionalSeconds(name: string): number | undefined {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

export const config = {
  /** How long a panel member has to submit all sheets of a competition before a reserve takes over. */
  scoringTimeoutSeconds: () => seconds("COMPETITION_SCORING_TIMEOUT_SECONDS", 7 * 24 * 3600),
  /** How long an offer waits for the HR officer before the competition ends without an appointment. */
  approvalTimeoutSeconds: () => seconds("COMPETITION_APPROVAL_TIMEOUT_SECONDS", 30 * 24 * 3600),
  maxDocumentBytes: () => seconds("MAX_DOCUMENT_BYTES", 10 * 1024 * 1024),
  /** Panel size of a competition commission's draw (odd; DOMAIN.md §2). */
  competitionPanelSize: () => seconds("COMPETITION_PANEL_SIZE", 3),
  /** How long an attestation panel member has to score the portfolio before a reserve takes over. */
  attestationScoringTimeoutSeconds: () => seconds("ATTESTATION_SCORING_TIMEOUT_SECONDS", 14 * 24 * 3600),
  /** How long the commission's chair has to record the vote on a decision proposal. */
  attestationVoteTimeoutSeconds: () => seconds("ATTESTATION_VOTE_TIMEOUT_SECONDS", 30 * 24 * 3600),
  /** The appeal window after a portfolio decision, in working days (DOMAIN.md §3 [product]). */
  attestationAppealWorkingDays: () => seconds("ATTESTATION_APPEAL_WORKING_DAYS", 10),
  /** Panel size of an attestation case (odd; DOMAIN.md §3 [product]). */
  attestationPanelSize: () => seconds("ATTESTATION_PANEL_SIZE", 3),
  /** One more member scores when the panel's totals spread by more than this share of the threshold. */
  attestationSpreadShare: () => share("ATTESTATION_SPREAD_SHARE", 0.15),
  /**
   * Demos and tests only: the appeal window in seconds instead of working days, so that a case can pass
   * through its appeal in a minute. Unset in every real deployment.
   */
  attestationAppealWindowSeconds: () => optionalSeconds("ATTESTATION_APPEAL_WINDOW_SECONDS"),
};
