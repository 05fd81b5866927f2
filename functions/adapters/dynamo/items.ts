import { GetCommand, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "./client.ts";
import { keyAttributes, type IndexName } from "./tableDefinition.ts";

export type Key = { PK: string; SK: string };
type Item = Record<string, unknown>;

/** Drops the storage keys: what is left is the record as the domain and the API know it. */
export function withoutKeys<T>(item: Item): T {
  const copy = { ...item };
  for (const attribute of keyAttributes) delete copy[attribute];
  return copy as T;
}

export async function getItem<T>(key: Key, consistent = false): Promise<T | undefined> {
  const result = await documentClient.send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: consistent }));
  return result.Item ? withoutKeys<T>(result.Item) : undefined;
}

export interface QueryPage<T> {
  items: T[];
  lastKey: Record<string, unknown> | undefined;
}

/** One page of a partition, by table key or by index; never a scan. */
export async function queryPartition<T>(options: {
  index?: IndexName;
  partition: string;
  sortPrefix?: string;
  limit?: number;
  startKey?: Record<string, unknown>;
  newestFirst?: boolean;
  filter?: Pick<QueryCommandInput, "FilterExpression" | "ExpressionAttributeNames" | "ExpressionAttributeValues">;
  consistent?: boolean;
}): Promise<QueryPage<T>> {
  const pk = options.index ? `${options.index}PK` : "PK";
  const sk = options.index ? `${options.index}SK` : "SK";
  const result = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: options.index,
      KeyConditionExpression: options.sortPrefix ? "#pk = :pk AND begins_with(#sk, :sk)" : "#pk = :pk",
      FilterExpression: options.filter?.FilterExpression,
      ExpressionAttributeNames: { "#pk": pk, ...(options.sortPrefix ? { "#sk": sk } : {}), ...options.filter?.ExpressionAttributeNames },
      ExpressionAttributeValues: {
        ":pk": options.partition,
        ...(options.sortPrefix ? { ":sk": options.sortPrefix } : {}),
        ...options.filter?.ExpressionAttributeValues,
      },
      Limit: options.limit,
      ExclusiveStartKey: options.startKey,
      ScanIndexForward: !options.newestFirst,
      ConsistentRead: options.index ? undefined : options.consistent,
    }),
  );
  return { items: (result.Items ?? []).map((item) => withoutKeys<T>(item)), lastKey: result.LastEvaluatedKey };
}

/** Every item of a partition (workflow steps need whole lists: a vacancy's applications, a case's slots). */
export async function queryAll<T>(options: Omit<Parameters<typeof queryPartition>[0], "limit" | "startKey">): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await queryPartition<T>({ ...options, startKey });
    items.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return items;
}

/**
 * How many items an index partition holds, counted by DynamoDB page by page (a page stops at 1 MB read):
 * nothing but the count comes back.
 */
export async function countPartition(options: { index: IndexName; partition: string }): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: options.index,
        KeyConditionExpression: "#pk = :pk",
        ExpressionAttributeNames: { "#pk": `${options.index}PK` },
        ExpressionAttributeValues: { ":pk": options.partition },
        Select: "COUNT",
        ExclusiveStartKey: startKey,
      }),
    );
    count += result.Count ?? 0;
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return count;
}

/**
 * An Update that sets `fields` only while the item's status is one of `from`: the guard every state
 * change needs, so that two actors (or a retried workflow step) can never move a record along two paths.
 */
export function updateWhileStatusIn(key: Key, from: readonly string[], fields: Record<string, unknown>, remove: readonly string[] = []) {
  const names: Record<string, string> = { "#status": "status" };
  const values: Record<string, unknown> = {};
  const sets = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([field, value], index) => {
      names[`#f${index}`] = field;
      values[`:f${index}`] = value;
      return `#f${index} = :f${index}`;
    });
  const removals = remove.map((field, index) => {
    names[`#r${index}`] = field;
    return `#r${index}`;
  });
  from.forEach((status, index) => (values[`:from${index}`] = status));
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: [sets.length ? `SET ${sets.join(", ")}` : "", removals.length ? `REMOVE ${removals.join(", ")}` : ""].join(" ").trim(),
      ConditionExpression: `attribute_exists(PK) AND #status IN (${from.map((_, index) => `:from${index}`).join(", ")})`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
