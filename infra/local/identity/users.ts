import { QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { TokenUser } from "./tokens.ts";

export interface IdentityUser extends TokenUser {
  passwordHash: string;
}

export type FindUser = (username: string) => Promise<IdentityUser | undefined>;

/** Looks a user up by the GSI1 username entry of docs/data-model.md (the local stand-in for the user pool). */
export function dynamoUserFinder(client: DynamoDBDocumentClient, tableName: string): FindUser {
  return async (username) => {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk AND GSI1SK = :sk",
        ExpressionAttributeValues: { ":pk": `USERNAME#${username}`, ":sk": "USER" },
        Limit: 1,
      }),
    );
    const item = Items[0];
    if (!item || typeof item.passwordHash !== "string" || typeof item.id !== "string") return undefined;
    return {
      id: item.id,
      username: String(item.username),
      roles: Array.isArray(item.roles) ? item.roles.map(String) : [],
      schoolId: typeof item.schoolId === "string" ? item.schoolId : undefined,
      passwordHash: item.passwordHash,
    };
  };
}
