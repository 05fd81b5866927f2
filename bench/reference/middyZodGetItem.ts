// Cold-start reference (issue #5): the bare GetItem handler (bareGetItem.ts) plus middy core and classic
// zod (`import { z } from "zod"`), the stack a typical Lambda handler of this size would carry.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import middy from "@middy/core";
import { z } from "zod";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const Event = z.object({ id: z.string().min(1).max(64) });

export const handler = middy().handler(async (event: unknown): Promise<unknown> => {
  const { id } = Event.parse(event);
  const result = await documents.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: id, sk: "x" } }));
  return result.Item ?? null;
});
