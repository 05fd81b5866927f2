import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { documentClient } from "../../../functions/adapters/dynamo/client.ts";
import { ConditionFailed, writeTransaction } from "../../../functions/adapters/dynamo/transactions.ts";

// DynamoDB Local never cancels a transaction for a conflict, so this one behaviour of real DynamoDB is
// exercised here by answering the client's send with the exceptions the real service throws.
function cancelled(...codes: string[]) {
  return new TransactionCanceledException({ message: "cancelled", $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })) });
}

describe("writeTransaction", () => {
  afterEach(() => vi.restoreAllMocks());

  it("tries again after a transaction conflict, which wrote nothing", async () => {
    const send = vi.spyOn(documentClient, "send").mockRejectedValueOnce(cancelled("None", "TransactionConflict")).mockResolvedValueOnce({} as never);
    await writeTransaction([]);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("gives up after a few conflicts in a row and says so", async () => {
    const send = vi.spyOn(documentClient, "send").mockRejectedValue(cancelled("TransactionConflict"));
    await expect(writeTransaction([])).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(send).toHaveBeenCalledTimes(4);
  });

  it("reports a failed condition with the item's index and does not retry it", async () => {
    const send = vi.spyOn(documentClient, "send").mockRejectedValue(cancelled("None", "None", "ConditionalCheckFailed"));
    await expect(writeTransaction([])).rejects.toEqual(new ConditionFailed(2));
    expect(send).toHaveBeenCalledTimes(1);
  });
});
