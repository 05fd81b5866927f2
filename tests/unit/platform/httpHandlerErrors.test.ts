import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "../../../functions/routes.ts";
import { httpHandler } from "../../../functions/platform/http/httpHandler.ts";
import { isTransientServiceError } from "../../../functions/platform/errors/transientError.ts";

// How the one error mapping treats a failing AWS service: busy (503, retry) versus our own fault (500).

function eventFor(language: string): APIGatewayProxyEventV2 {
  return {
    version: "2.0",
    routeKey: "GET /health",
    rawPath: "/health",
    rawQueryString: "",
    headers: { "accept-language": language },
    requestContext: { requestId: "test-request", http: { method: "GET", path: "/health" } },
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

async function respondWhenThrowing(error: unknown, language = "en"): Promise<APIGatewayProxyStructuredResultV2 & { problem: Record<string, unknown> }> {
  const handler = httpHandler(routes.health, async () => {
    throw error;
  });
  const response = (await handler(eventFor(language), {} as Context)) as APIGatewayProxyStructuredResultV2;
  return { ...response, problem: JSON.parse(String(response.body)) };
}

/** What the real SDK throws when DynamoDB cannot be reached or does not answer in time. */
let silentServer: Server;
const openSockets = new Set<Socket>();
let silentPort = 0;
let closedPort = 0;

beforeAll(async () => {
  // Accepts connections and never answers: the SDK's request timeout fires.
  silentServer = createServer((socket) => {
    openSockets.add(socket);
    socket.on("close", () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve) => silentServer.listen(0, "127.0.0.1", resolve));
  silentPort = (silentServer.address() as AddressInfo).port;
  // A port nothing listens on: the connection is refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  for (const socket of openSockets) socket.destroy();
  await new Promise<void>((resolve) => silentServer.close(() => resolve()));
});

async function sdkErrorFrom(port: number): Promise<unknown> {
  const client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: "eu-central-1",
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
    // Without throwOnRequestTimeout the handler only warns and keeps waiting.
    requestHandler: { requestTimeout: 100, connectionTimeout: 100, throwOnRequestTimeout: true },
  });
  try {
    await client.send(new GetItemCommand({ TableName: "t", Key: { PK: { S: "x" } } }));
    throw new Error("the request unexpectedly succeeded");
  } catch (error) {
    return error;
  } finally {
    client.destroy();
  }
}

describe("httpHandler: a busy or unreachable AWS service is a 503 to retry, not a 500", () => {
  it("maps the SDK's own timeout to service_busy with Retry-After, in the caller's language", async () => {
    const error = await sdkErrorFrom(silentPort);
    expect(isTransientServiceError(error)).toBe(true);
    const response = await respondWhenThrowing(error, "ru");
    expect(response.statusCode).toBe(503);
    expect(response.headers?.["retry-after"]).toBe("1");
    expect(response.problem).toMatchObject({ code: "service_busy", status: 503, title: "Сервис занят; повторите через мгновение" });
  });

  it("maps a refused connection to service_busy", async () => {
    const error = await sdkErrorFrom(closedPort);
    expect(isTransientServiceError(error)).toBe(true);
    expect((await respondWhenThrowing(error)).statusCode).toBe(503);
  });

  it.each([
    ["throttling", { name: "ThrottlingException", $metadata: { httpStatusCode: 400 }, $retryable: { throttling: true } }],
    ["provisioned throughput exceeded", { name: "ProvisionedThroughputExceededException", $metadata: { httpStatusCode: 400 } }],
    ["a server fault", { name: "InternalServerError", $metadata: { httpStatusCode: 500 } }],
    ["S3 asking to slow down", { name: "SlowDown", $metadata: { httpStatusCode: 503 } }],
  ])("maps %s to service_busy", async (_, shape) => {
    const error = Object.assign(new Error("from the service"), shape);
    expect((await respondWhenThrowing(error)).problem["code"]).toBe("service_busy");
  });

  it.each([
    ["a bug in our code", new TypeError("Cannot read properties of undefined")],
    ["a request the service refused as invalid", Object.assign(new Error("One or more parameter values were invalid"), { name: "ValidationException", $metadata: { httpStatusCode: 400 } })],
    ["a thrown non-error", "just a string"],
  ])("keeps %s a 500 internal_error", async (_, error) => {
    const response = await respondWhenThrowing(error);
    expect(response.statusCode).toBe(500);
    expect(response.problem["code"]).toBe("internal_error");
    expect(response.headers?.["retry-after"]).toBeUndefined();
  });
});
