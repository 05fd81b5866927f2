import { describe, expect, it } from "vitest";
import { competitionStages } from "../../../web/src/pages/hr/stages.ts";

const states = (status: string) => competitionStages(status).map((stage) => `${stage.status}:${stage.state}`);

describe("competition stages", () => {
  it("mark the stage reached, those before it done and the rest ahead", () => {
    expect(states("scoring")).toEqual([
      "draft:done", "published:done", "applications_closed:done", "documents_checked:done",
      "scoring:current", "ranked:ahead", "offer_pending:ahead", "appointed:ahead",
    ]);
    expect(states("draft")[0]).toBe("draft:current");
  });
  it("end a finished competition with its outcome after publication", () => {
    expect(states("not_held")).toEqual(["draft:done", "published:done", "not_held:current"]);
    expect(states("appointed")).toEqual(["draft:done", "published:done", "appointed:current"]);
  });
});
