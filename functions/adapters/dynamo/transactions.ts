import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "./client.ts";

export type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** A condition of item `index` in a transaction did not hold: the caller decides what that means. */
export class ConditionFailed extends Error {
  override name = "ConditionFailed";
  readonly index: number;
  constructor(index: number) {
    super(`condition of transaction item ${index} failed`);
    this.index = index;
  }
}

const CONFLICT_RETRIES = 3;

/**
 * Writes all items or none. A failed condition is reported as ConditionFailed with the item's index. A
 * cancellation because another transaction touched the same items at that moment (real DynamoDB does
 * this; DynamoDB Local never does) wrote nothing, so it is simply tried again after a short pause.
 */
export async function writeTransaction(items: TransactItem[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await documentClient.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const index = reasons.findIndex((reason) => reason.Code === "ConditionalCheckFailed");
      if (index >= 0) throw new ConditionFailed(index);
      const conflicted = reasons.some((reason) => reason.Code === "TransactionConflict");
      if (!conflicted || attempt >= CONFLICT_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20));
    }
  }
}
