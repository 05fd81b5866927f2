import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

// Created once per process (outside handlers) so that Lambda reuses connections across invocations.
// Locally the embedded stack sets AWS_ENDPOINT_URL_DYNAMODB; on AWS it is absent and the SDK uses the
// regional endpoint: the same code talks to both.
export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error("TABLE_NAME is not set");
  return name;
}
