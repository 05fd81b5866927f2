import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ErrorCode, Language } from "../../../functions/platform/errors/errorCatalog.ts";
import { negotiateLanguage } from "../../../functions/platform/http/language.ts";
import { problemFor } from "../../../functions/platform/http/problem.ts";
import type { RouteDefinition } from "../../../functions/platform/http/routeDefinition.ts";
import { routeList } from "../../../functions/routes.ts";
import { createHandlerLoader, lambdaContext, type HandlerLoader } from "../handlers.ts";
import { localIssuer, verifyToken, type SigningKey } from "../identity/tokens.ts";
import type { FindUser } from "../identity/users.ts";
import { stderrLog, type LocalLog } from "../log.ts";
import { httpApiEvent, newRequestId } from "./event.ts";
import { login } from "./login.ts";
import { fromHandlerResult, type HttpResponse } from "./response.ts";
import { compileRoutes, matchRoute } from "./routing.ts";
import { staticSite } from "./staticSite.ts";

/** HTTP API's request payload limit. */
export const BODY_LIMIT_BYTES = 10 * 1024 * 1024;
/** HTTP API's integration timeout; handlers see it through context.getRemainingTimeInMillis(). */
const INTEGRATION_TIMEOUT_MS = 30_000;
const LOGIN_ROUTE_KEY = "POST /auth/login";
const ALLOWED_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export interface GatewayOptions {
  /** 0 picks a free port. */
  port: number;
  signingKey: SigningKey;
  findUser: FindUser;
  /** The route table to serve; the application's routeList by default. */
  routes?: readonly RouteDefinition[];
  /** Resolves a route's `handler` module path; by default imports `functions/<handler>.ts`. */
  loadHandler?: HandlerLoader;
  /** A built web app (Vite's outDir) served at `/` for GET and HEAD requests that no route matches. */
  webDir?: string;
  log?: LocalLog;
}

export interface Gateway {
  url: string;
  port: number;
  /** The `iss` of the tokens this gateway issues and accepts. */
  issuer: string;
  close(): Promise<void>;
}

type Body = { kind: "body"; bytes: Buffer } | { kind: "too_large" };

function readBody(request: IncomingMessage): Promise<Body> {
  if (Number(request.headers["content-length"]) > BODY_LIMIT_BYTES) return Promise.resolve({ kind: "too_large" });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) {
        chunks.push(chunk);
        return;
      }
      // Stop keeping the body but keep reading it, so that the client gets to read the 413.
      request.off("data", onData);
      request.resume();
      resolve({ kind: "too_large" });
    };
    request.on("data", onData);
    request.once("end", () => resolve({ kind: "body", bytes: Buffer.concat(chunks) }));
    request.once("error", reject);
  });
}

function problem(code: ErrorCode, language: Language, headers: Record<string, string> = {}): HttpResponse {
  const response = fromHandlerResult(problemFor(code, language));
  return { ...response, headers: { ...response.headers, ...headers } };
}

function bearerToken(header: string | undefined): string | undefined {
  // Like the HTTP API JWT authorizer, take the token with or without the "Bearer " scheme.
  const token = header?.replace(/^Bearer\s+/i, "").trim();
  return token ? token : undefined;
}

/**
 * A local stand-in for the API Gateway HTTP API in front of the application: serves every row of the
 * route table with its handler module in this process, verifies tokens as the JWT authorizer does, and
 * answers POST /auth/login for the local identity (Cognito's job on AWS).
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { signingKey, findUser, log = stderrLog } = options;
  const routes = compileRoutes(options.routes ?? routeList);
  const loadHandler = options.loadHandler ?? createHandlerLoader();
  const site = options.webDir === undefined ? undefined : staticSite(options.webDir);
  let issuer = "";

  async function respond(request: IncomingMessage, requestId: string, receivedAt: Date): Promise<{ routeKey: string | null; response: HttpResponse }> {
    const language = negotiateLanguage(request.headers["accept-language"]);
    const method = request.method ?? "GET";
    const url = request.url ?? "/";
    const queryStart = url.indexOf("?");
    const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
    const rawQueryString = queryStart === -1 ? "" : url.slice(queryStart + 1);

    if (rawPath === "/auth/login") {
      if (method !== "POST") return { routeKey: null, response: problem("method_not_allowed", language, { allow: "POST" }) };
      const body = await readBody(request);
      if (body.kind === "too_large") return { routeKey: LOGIN_ROUTE_KEY, response: problem("payload_too_large", language) };
      const result = await login(body.bytes, request.headers["content-type"], language, { findUser, signingKey, issuer });
      return { routeKey: LOGIN_ROUTE_KEY, response: fromHandlerResult(result) };
    }

    const match = matchRoute(routes, method, rawPath);
    if (match.kind === "not_found") {
      // The API keeps priority: the app's files are what is left once no route matches the path.
      const file = await site?.(method, rawPath, request.headers);
      return { routeKey: null, response: file ?? problem("route_not_found", language) };
    }
    if (match.kind === "method_not_allowed") {
      return { routeKey: null, response: problem("method_not_allowed", language, { allow: match.allow.join(", ") }) };
    }
    const { compiled, pathParameters } = match;
    const { routeKey, route } = compiled;

    const body = await readBody(request);
    if (body.kind === "too_large") return { routeKey, response: problem("payload_too_large", language) };

    let claims;
    if (route.auth !== "public") {
      const token = bearerToken(request.headers.authorization);
      const check = token === undefined ? undefined : await verifyToken(signingKey, issuer, token);
      if (!check?.ok) {
        const code = check?.code ?? "unauthorized";
        const challenge = check ? `Bearer error="invalid_token", error_description="${check.reason}"` : "Bearer";
        return { routeKey, response: problem(code, language, { "www-authenticate": challenge }) };
      }
      claims = check.claims;
    }

    let handler;
    try {
      handler = await loadHandler(route.handler);
    } catch (error) {
      log("error", "handler module failed to load", { requestId, route: routeKey, handler: route.handler, error: String(error) });
      return { routeKey, response: problem("internal_error", language) };
    }
    const event = httpApiEvent({ request, requestId, receivedAt, routeKey, rawPath, rawQueryString, pathParameters, body: body.bytes, claims });
    const functionName = `adal-${route.handler.split("/").at(-1)}`;
    try {
      return { routeKey, response: fromHandlerResult(await handler(event, lambdaContext(functionName, INTEGRATION_TIMEOUT_MS))) };
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: typeof error, message: String(error) };
      log("error", "handler failed", { requestId, route: routeKey, errorName: name, errorMessage: message });
      return { routeKey, response: problem("internal_error", language) };
    }
  }

  function corsHeaders(origin: string | undefined): Record<string, string> {
    return origin !== undefined && ALLOWED_ORIGIN.test(origin) ? { "access-control-allow-origin": origin, vary: "origin" } : {};
  }

  function preflight(request: IncomingMessage): HttpResponse {
    const cors = corsHeaders(request.headers.origin);
    const headers: Record<string, string> =
      "access-control-allow-origin" in cors
        ? {
            ...cors,
            "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
            "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "",
            "access-control-max-age": "600",
          }
        : {};
    return { status: 204, headers, body: Buffer.alloc(0) };
  }

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = new Date();
    const startedAt = performance.now();
    const requestId = newRequestId();
    let routeKey: string | null = null;
    let result: HttpResponse;
    try {
      if (request.method === "OPTIONS" && request.headers.origin && request.headers["access-control-request-method"]) {
        result = preflight(request);
      } else {
        ({ routeKey, response: result } = await respond(request, requestId, receivedAt));
      }
    } catch (error) {
      log("error", "gateway failed", { requestId, errorName: error instanceof Error ? error.name : typeof error });
      result = problem("internal_error", negotiateLanguage(request.headers["accept-language"]));
    }
    const headers: Record<string, string | string[]> = {
      ...result.headers,
      ...corsHeaders(request.headers.origin),
      "apigw-requestid": requestId,
    };
    // After a 413 the rest of the body is not wanted: close the connection instead of reading it all.
    if (result.status === 413) headers.connection = "close";
    response.once("finish", () => {
      log("info", "request", {
        requestId,
        method: request.method,
        route: routeKey,
        status: result.status,
        durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
      });
    });
    response.writeHead(result.status, { ...headers, "content-length": String(result.body.length) });
    response.end(result.body);
  }

  const server = createServer((request, response) => void serve(request, response));
  server.listen(options.port, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  issuer = localIssuer(port);
  log("info", "gateway ready", { port, routes: routes.length });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    issuer,
    async close() {
      const closed = once(server, "close");
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
