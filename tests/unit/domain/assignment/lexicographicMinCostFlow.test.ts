import { describe, expect, it } from "vitest";
import { LexicographicMinCostFlow } from "../../../../functions/domain/assignment/lexicographicMinCostFlow.ts";

describe("LexicographicMinCostFlow", () => {
  it("prefers a lower first component over any amount of the second", () => {
    const flow = new LexicographicMinCostFlow(4, 2);
    flow.addEdge(0, 1, 1, [0, 0]);
    flow.addEdge(0, 2, 1, [0, 0]);
    const viaOne = flow.addEdge(1, 3, 1, [0, 1_000_000]);
    const viaTwo = flow.addEdge(2, 3, 1, [1, 0]);
    expect(flow.run(0, 3, 1)).toBe(1);
    expect(flow.flowOn(viaOne)).toBe(1);
    expect(flow.flowOn(viaTwo)).toBe(0);
  });

  it("reroutes earlier flow when that is the only way to reach the maximum", () => {
    // Left L1 can use R1 or R2, left L2 only R1. Whichever path goes first, both lefts end up served.
    const [source, l1, l2, r1, r2, sink] = [0, 1, 2, 3, 4, 5];
    const flow = new LexicographicMinCostFlow(6, 1);
    flow.addEdge(source, l1, 1, [0]);
    flow.addEdge(source, l2, 1, [0]);
    const l1r1 = flow.addEdge(l1, r1, 1, [0]);
    const l1r2 = flow.addEdge(l1, r2, 1, [5]);
    const l2r1 = flow.addEdge(l2, r1, 1, [0]);
    flow.addEdge(r1, sink, 1, [0]);
    flow.addEdge(r2, sink, 1, [0]);
    expect(flow.run(source, sink)).toBe(2);
    expect([flow.flowOn(l1r1), flow.flowOn(l1r2), flow.flowOn(l2r1)]).toEqual([0, 1, 1]);
  });

  it("stops at the limit and reports a partial flow when the network is too small", () => {
    const flow = new LexicographicMinCostFlow(3, 1);
    flow.addEdge(0, 1, 5, [0]);
    flow.addEdge(1, 2, 2, [1]);
    expect(flow.run(0, 2)).toBe(2);
    const limited = new LexicographicMinCostFlow(3, 1);
    limited.addEdge(0, 1, 5, [0]);
    limited.addEdge(1, 2, 5, [1]);
    expect(limited.run(0, 2, 3)).toBe(3);
  });

  it("refuses negative or mis-sized costs", () => {
    const flow = new LexicographicMinCostFlow(2, 2);
    expect(() => flow.addEdge(0, 1, 1, [0, -1])).toThrow(RangeError);
    expect(() => flow.addEdge(0, 1, 1, [0])).toThrow(RangeError);
  });
});
