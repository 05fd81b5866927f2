import { createHash } from "node:crypto";

/**
 * The anonymised name of a candidate in a published ranking: stable within a competition, unrelated
 * across competitions (the vacancy id is mixed in), and not reversible to the application id.
 */
export function candidateRef(vacancyId: string, applicationId: string): string {
  return `C-${createHash("sha256").update(`${vacancyId}:${applicationId}`).digest("hex").slice(0, 8).toUpperCase()}`;
}
