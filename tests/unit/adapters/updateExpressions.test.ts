import { beforeAll, describe, expect, it } from "vitest";
import { update } from "../../../functions/adapters/dynamo/updates.ts";

beforeAll(() => {
  process.env.TABLE_NAME ??= "adal-test";
});

describe("update", () => {
  it("aliases each name of a path and keeps its list indexes as they are", () => {
    const item = update({ PK: "ATTESTATION#a", SK: "ATTESTATION" }, {
      set: { "rounds[1].aggregate": { meanScore: 90 }, "decision.final": true },
      append: { "rounds[1].replacements": [{ slotId: "s" }] },
    }).Update!;
    const names = item.ExpressionAttributeNames!;
    const alias = (name: string) => Object.keys(names).find((key) => names[key] === name);
    expect(Object.values(names)).not.toContain("rounds[1]");
    expect(item.UpdateExpression).toContain(`${alias("rounds")}[1].${alias("aggregate")} = `);
    expect(item.UpdateExpression).toContain(`${alias("decision")}.${alias("final")} = `);
    expect(item.UpdateExpression).toContain(`${alias("rounds")}[1].${alias("replacements")} = list_append(if_not_exists(${alias("rounds")}[1].${alias("replacements")}`);
  });
});
