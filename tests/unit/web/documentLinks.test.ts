import { describe, expect, it } from "vitest";
import { LINK_LIFETIME_MS, linksStale } from "../../../web/src/pages/expert/documentLinks.ts";

describe("document links", () => {
  const issued = Date.UTC(2026, 10, 25, 10, 0, 0);
  it("are used as issued while comfortably fresh", () => {
    expect(linksStale(issued, issued)).toBe(false);
    expect(linksStale(issued, issued + 4 * 60 * 1000)).toBe(false);
  });
  it("are renewed before they expire, not after", () => {
    expect(linksStale(issued, issued + LINK_LIFETIME_MS - 1000)).toBe(true);
    expect(linksStale(issued, issued + LINK_LIFETIME_MS + 1)).toBe(true);
  });
});
