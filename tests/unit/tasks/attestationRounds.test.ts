import { describe, expect, it } from "vitest";
import { memberRefsOf, type ScoringRound } from "../../../functions/domain/attestation/records.ts";
import { panelPositions, peopleOfRound, peopleOnCase } from "../../../functions/tasks/shared/attestationCase.ts";
import type { Attestation } from "../../../functions/domain/attestation/records.ts";

const replacement = (memberId: string, reserveId: string | null) => ({
  slotId: `${memberId}-1`,
  memberId,
  applicationIds: ["case"],
  reserveId,
  newSlotId: reserveId && `${reserveId}-1`,
  seed: "s",
  at: "2025-01-01T00:00:00.000Z",
});

// Member a was late and b took over; b was late in turn and c took over; e was late with no reserve left.
const round: ScoringRound = {
  kind: "first",
  seed: "s",
  inputsHash: "h",
  drawnAt: "2025-01-01T00:00:00.000Z",
  commissionId: "commission",
  members: ["a", "d", "e"],
  extraMembers: ["x"],
  replacements: [replacement("a", "b"), replacement("b", "c"), replacement("e", null)],
};

describe("an attestation round's seats", () => {
  it("follows each seat along the reserves who took it over", () => {
    expect(panelPositions(round)).toEqual([["a", "b", "c"], ["d"], ["e"], ["x"]]);
  });

  it("names a reserve after the seat it took, for the teacher and the chair", () => {
    const refs = memberRefsOf(round);
    expect([...refs]).toEqual([
      ["a", "M1"],
      ["d", "M2"],
      ["e", "M3"],
      ["x", "M4"],
      ["b", "M1"],
      ["c", "M1"],
    ]);
  });

  it("counts everyone who was ever on the case, including those only asked to score", () => {
    expect(peopleOfRound(round).sort()).toEqual(["a", "b", "c", "d", "e", "x"]);
    const attestation = { rounds: [round, { ...round, kind: "recheck", members: ["f"], extraMembers: [], replacements: [] }] } as unknown as Attestation;
    expect([...peopleOnCase(attestation, [{ memberId: "g" }])].sort()).toEqual(["a", "b", "c", "d", "e", "f", "g", "x"]);
  });
});
