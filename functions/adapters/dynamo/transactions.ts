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

export async function writeTransaction(items: TransactItem[]): Promise<void> {
  try {
    await documentClient.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const index = error.CancellationReasons?.findIndex((reason) => reason.Code === "ConditionalCheckFailed") ?? -1;
      if (index >= 0) throw new ConditionFailed(index);
    }
    throw error;
  }
}
