import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import type { JWTPayload } from "jose";
import { LOCAL_ACCOUNT_ID } from "../awsLocal.ts";

export type HttpApiEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer;

export interface EventInput {
  request: IncomingMessage;
  requestId: string;
  receivedAt: Date;
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  pathParameters: Record<string, string>;
  body: Buffer;
  /** The verified token's claims on routes with the authorizer; undefined on public routes. */
  claims: JWTPayload | undefined;
}

// Measured on a real HTTP API (payload 2.0): the body arrives as text only for text/*, application/json,
// application/xml and application/javascript; any other type, a missing Content-Type and even
// application/x-www-form-urlencoded arrive base64-encoded (ministackorg/ministack#766).
function isTextContent(contentType: string | undefined): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  if (!mediaType) return false;
  return mediaType.startsWith("text/") || ["application/json", "application/xml", "application/javascript"].includes(mediaType);
}

/** HTTP API's request id: 11 random bytes in base64, e.g. "JKJaXmPLvHcESHA=". */
export function newRequestId(): string {
  return randomBytes(11).toString("base64");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "12/Mar/2020:19:03:58 +0000", the CLF time of requestContext.time. */
function clfTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${two(date.getUTCHours())}:${two(
    date.getUTCMinutes(),
  )}:${two(date.getUTCSeconds())} +0000`;
}

// The JWT authorizer hands every claim to the function as a string: numbers and booleans are printed,
// arrays become "[a b]" (which is why `cognito:groups` reads "[expert hr]"), objects their JSON.
function claimToString(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(String).join(" ")}]`;
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === "") return undefined;
  const joined: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    joined[name] = name in joined ? `${joined[name]},${value}` : value;
  }
  return joined;
}

/** The API Gateway HTTP API payload format 2.0 event, as AWS builds it for a Lambda proxy integration. */
export function httpApiEvent(input: EventInput): HttpApiEvent {
  const { request, requestId, receivedAt, routeKey, rawPath, rawQueryString, pathParameters, body, claims } = input;
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, values] of Object.entries(request.headersDistinct)) {
    if (!values) continue;
    // Cookies move to their own field and leave the headers.
    if (name === "cookie") cookies = values.flatMap((value) => value.split(";")).map((cookie) => cookie.trim()).filter(Boolean);
    else headers[name] = values.join(",");
  }
  const sourceIp = (request.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${headers["x-forwarded-for"]}, ${sourceIp}` : sourceIp;
  headers["x-forwarded-proto"] = "http";
  headers["x-forwarded-port"] = String(request.socket.localPort ?? "");
  const host = headers.host ?? "localhost";
  const text = isTextContent(headers["content-type"]);
  const queryStringParameters = queryParameters(rawQueryString);
  return {
    version: "2.0",
    routeKey,
    rawPath,
    rawQueryString,
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: LOCAL_ACCOUNT_ID,
      apiId: "local",
      ...(claims
        ? {
            authorizer: {
              jwt: {
                claims: Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, claimToString(value)])),
                scopes: null,
              },
            },
          }
        : {}),
      domainName: host,
      domainPrefix: host.split(".")[0] ?? host,
      http: {
        method: request.method ?? "GET",
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId,
      routeKey,
      stage: "$default",
      time: clfTime(receivedAt),
      timeEpoch: receivedAt.getTime(),
    },
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    ...(body.length > 0 ? { body: text ? body.toString("utf8") : body.toString("base64") } : {}),
    isBase64Encoded: body.length > 0 && !text,
  };
}
