import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** Thrown when a handler returns something HTTP API cannot turn into a response (it answers 500). */
export class InvalidHandlerResponse extends Error {
  override name = "InvalidHandlerResponse";
}

function isStructured(result: unknown): result is APIGatewayProxyStructuredResultV2 & { statusCode: unknown } {
  return typeof result === "object" && result !== null && !Array.isArray(result) && "statusCode" in result;
}

/**
 * HTTP API's reading of a payload-2.0 function result: an object with `statusCode` is a structured
 * response; anything else (object, array, string, number, null) is a 200 whose JSON body is the result
 * itself, as Lambda serialised it.
 */
export function fromHandlerResult(result: unknown): HttpResponse {
  if (!isStructured(result)) {
    return { status: 200, headers: { "content-type": "application/json" }, body: Buffer.from(JSON.stringify(result ?? null)) };
  }
  const { statusCode, headers = {}, body, isBase64Encoded, cookies } = result;
  if (typeof statusCode !== "number" || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
    throw new InvalidHandlerResponse(`statusCode ${String(statusCode)} is not an HTTP status`);
  }
  if (body !== undefined && typeof body !== "string") throw new InvalidHandlerResponse("body is not a string");
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = String(value);
  if (cookies?.length) out["set-cookie"] = cookies;
  return { status: statusCode, headers: out, body: Buffer.from(body ?? "", isBase64Encoded ? "base64" : "utf8") };
}
