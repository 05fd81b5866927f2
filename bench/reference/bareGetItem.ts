// Cold-start reference (issue #5): the barest useful handler — one DynamoDB GetItem through the SDK v3
// client and the DocumentClient, nothing else. bench/coldStart.ts bundles it exactly as the Lambda
// functions are bundled and reports every function's load time as a ratio against this one.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export async function handler(event: { id?: string }): Promise<unknown> {
  const result = await documents.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: event.id ?? "x", sk: "x" } }));
  return result.Item ?? null;
}
