import { AppError } from "../../platform/errors/appError.ts";
import { queryPartition } from "./items.ts";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString("base64url") : null;
}

/**
 * A cursor is only ever a key we handed out for the same query. Anything else (forged, truncated, or a
 * key from another partition, which DynamoDB would reject with a 500-worthy ValidationException) is a 400.
 */
export function decodeCursor(cursor: string | undefined, expected: { attribute: string; value: string }): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () =>
    new AppError("validation_failed", undefined, [{ path: "query.cursor", code: "invalid_cursor", message: "Invalid cursor" }]);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  if (key === null || typeof key !== "object" || Array.isArray(key)) throw invalid();
  const entries = Object.entries(key as Record<string, unknown>);
  const wellFormed =
    entries.length > 0 &&
    entries.length <= 4 &&
    entries.every(([name, value]) => /^(PK|SK|GSI[12](PK|SK))$/.test(name) && typeof value === "string" && value.length <= 1024);
  if (!wellFormed || (key as Record<string, unknown>)[expected.attribute] !== expected.value) throw invalid();
  return key as Record<string, string>;
}

/** One API page of a partition: the client's limit (default 20) and cursor, checked against the partition. */
export async function queryPage<T>(
  options: Omit<Parameters<typeof queryPartition>[0], "limit" | "startKey">,
  query: { limit?: number | undefined; cursor?: string | undefined },
): Promise<Page<T>> {
  const partitionAttribute = options.index ? `${options.index}PK` : "PK";
  const page = await queryPartition<T>({
    ...options,
    limit: query.limit ?? 20,
    startKey: decodeCursor(query.cursor, { attribute: partitionAttribute, value: options.partition }),
  });
  return { items: page.items, nextCursor: encodeCursor(page.lastKey) };
}
