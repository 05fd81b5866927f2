import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { canonicalJson, sha256Hex } from "../../domain/assignment/canonicalJson.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { documentClient, tableName } from "./client.ts";
import type { TransactItem } from "./transactions.ts";

export interface IdempotentRequest {
  userId: string;
  key: string | undefined;
  /** What the key promises to mean: the route and its parsed input. */
  request: unknown;
}

interface StoredResponse {
  status: number;
  body: unknown;
}

const recordKey = (userId: string, key: string) => ({ PK: `IDEMPOTENCY#${userId}#${key}`, SK: "IDEMPOTENCY" });
const fingerprint = (request: unknown) => sha256Hex(canonicalJson(request));

/** The first response to this key, if the same request was already carried out; 422 if the key was used for another. */
export async function replayedResponse(req: IdempotentRequest): Promise<StoredResponse | undefined> {
  if (!req.key) return undefined;
  const result = await documentClient.send(new GetCommand({ TableName: tableName(), Key: recordKey(req.userId, req.key), ConsistentRead: true }));
  if (!result.Item) return undefined;
  if (result.Item.requestHash !== fingerprint(req.request)) throw new AppError("idempotency_key_reused");
  return { status: result.Item.status as number, body: result.Item.body };
}

/** The record to write in the same transaction as the creation, so a retry can only ever find both or neither. */
export function idempotencyRecord(req: IdempotentRequest, response: StoredResponse, now: Date): TransactItem[] {
  if (!req.key) return [];
  return [
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...recordKey(req.userId, req.key),
          type: "idempotency",
          requestHash: fingerprint(req.request),
          status: response.status,
          body: response.body,
          createdAt: now.toISOString(),
          // Keys are kept a day, like most payment APIs, which is far longer than any client retries.
          expiresAt: Math.floor(now.getTime() / 1000) + 24 * 3600,
        },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    },
  ];
}
