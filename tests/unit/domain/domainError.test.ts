import { describe, expect, it } from "vitest";
import { DomainError, isDomainError } from "../../../functions/domain/domainError.ts";

describe("DomainError", () => {
  it("carries a stable code, details and its own name", () => {
    const error = new DomainError("no_score_sheets", "nothing to tally", { rubricId: "r" });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("DomainError");
    expect(error.code).toBe("no_score_sheets");
    expect(error.message).toBe("nothing to tally");
    expect(error.details).toEqual({ rubricId: "r" });
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error("x"))).toBe(false);
  });

  it("uses the code as the message when none is given", () => {
    const error = new DomainError("invalid_answer");
    expect(error.message).toBe("invalid_answer");
    expect(error.details).toBeUndefined();
  });
});
