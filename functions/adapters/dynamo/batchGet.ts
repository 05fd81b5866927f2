import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "./client.ts";
import { withoutKeys, type Key } from "./items.ts";

const BATCH_LIMIT = 100;
const MAX_ROUNDS = 8;

const keyOf = (key: Key) => `${key.PK}\u0000${key.SK}`;

/**
 * Many items by key, in the order asked (undefined where absent). Consistent by default: workflow steps
 * read what the previous step or an API call has just written, which an index query may not show yet.
 */
export async function getMany<T>(keys: readonly Key[], consistent = true): Promise<(T | undefined)[]> {
  const found = new Map<string, T>();
  const unique = [...new Map(keys.map((key) => [keyOf(key), key])).values()];
  for (let start = 0; start < unique.length; start += BATCH_LIMIT) {
    let pending: Record<string, unknown>[] = unique.slice(start, start + BATCH_LIMIT);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) throw new Error("BatchGet kept returning unprocessed keys");
      // Unprocessed keys mean throttling: back off before asking again.
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 2 ** round * 25));
      const result = await documentClient.send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: consistent } } }),
      );
      for (const item of result.Responses?.[tableName()] ?? []) {
        found.set(keyOf(item as Key), withoutKeys<T>(item));
      }
      pending = result.UnprocessedKeys?.[tableName()]?.Keys ?? [];
    }
  }
  return keys.map((key) => found.get(keyOf(key)));
}
