// The local gateway on its own (no Java, no emulators): fixture routes and handlers stand in for the
// application's, so the HTTP API behaviour is pinned down independently of what the handlers do.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteDefinition } from "../../functions/platform/http/routeDefinition.ts";
import { BODY_LIMIT_BYTES, startGateway, type Gateway } from "../../infra/local/gateway/index.ts";
import type { LambdaHandler } from "../../infra/local/handlers.ts";
import { hashPassword } from "../../infra/local/identity/passwords.ts";
import { LOCAL_AUDIENCE, loadSigningKey, verifyToken, type SigningKey } from "../../infra/local/identity/tokens.ts";
import type { IdentityUser } from "../../infra/local/identity/users.ts";
import type { LogFields } from "../../infra/local/log.ts";

const route = (method: RouteDefinition["method"], path: string, handler: string, auth: RouteDefinition["auth"]): RouteDefinition => ({
  method,
  path,
  handler,
  auth,
  summary: "fixture",
  grants: [],
  successStatus: 200,
});

const routes: RouteDefinition[] = [
  // Listed before the literal route on purpose: the more literal route must still win.
  route("GET", "/fixture/{id}", "fixture/echo", "public"),
  route("GET", "/fixture/plain", "fixture/plain", "public"),
  route("POST", "/fixture/items/{id}/publish", "fixture/echo", ["hr"]),
  route("PUT", "/fixture/items/{id}/publish", "fixture/echo", ["hr"]),
  route("POST", "/fixture/upload", "fixture/echo", "public"),
  route("GET", "/fixture/string", "fixture/string", "public"),
  route("GET", "/fixture/structured", "fixture/structured", "public"),
  route("GET", "/fixture/boom", "fixture/boom", "public"),
  route("GET", "/fixture/missing", "fixture/doesNotExist", "public"),
];

const handlers: Record<string, LambdaHandler> = {
  "fixture/echo": async (event, context) => ({
    statusCode: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ event, functionName: context.functionName, remainingMs: context.getRemainingTimeInMillis() }),
  }),
  "fixture/plain": async () => ({ hello: "world" }),
  "fixture/string": async () => "just text",
  "fixture/structured": async () => ({
    statusCode: 201,
    headers: { "Content-Type": "application/octet-stream", "X-Count": 3 },
    cookies: ["a=1; Path=/", "b=2; Path=/"],
    body: Buffer.from([0, 1, 2, 255]).toString("base64"),
    isBase64Encoded: true,
  }),
  "fixture/boom": async () => {
    throw new TypeError("handler exploded");
  },
};

const password = "correct horse battery staple";
let users: Map<string, IdentityUser>;
let signingKey: SigningKey;
let gateway: Gateway;
const logs: { level: string; message: string; fields: LogFields }[] = [];

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json: () => any;
}

/** node:http rather than fetch: duplicate headers, a chosen Content-Length and chunked bodies are needed. */
function send(
  method: string,
  path: string,
  options: { headers?: Record<string, string | string[]>; body?: Buffer | string | Buffer[] } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${gateway.url}${path}`, { method, headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, json: () => JSON.parse(body.toString("utf8")) });
      });
    });
    request.on("error", reject);
    const { body } = options;
    if (Array.isArray(body)) for (const chunk of body) request.write(chunk);
    else if (body !== undefined) request.write(body);
    request.end();
  });
}

async function token(claims: Record<string, unknown> = {}, options: { audience?: string; issuer?: string; expiresIn?: number; key?: SigningKey } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const key = options.key ?? signingKey;
  return new SignJWT({ "cognito:groups": ["hr"], username: "hr.one", "cognito:username": "hr.one", "custom:schoolId": "school-1", ...claims })
    .setProtectedHeader({ alg: "RS256", kid: key.kid })
    .setIssuer(options.issuer ?? gateway.issuer)
    .setAudience(options.audience ?? LOCAL_AUDIENCE)
    .setSubject("user-hr-one")
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresIn ?? 600))
    .sign(key.privateKey);
}

beforeAll(async () => {
  signingKey = await loadSigningKey();
  users = new Map([
    ["hr.one", { id: "user-hr-one", username: "hr.one", roles: ["hr"], schoolId: "school-1", passwordHash: await hashPassword(password) }],
    ["admin.one", { id: "user-admin-one", username: "admin.one", roles: ["admin"], passwordHash: await hashPassword(password) }],
  ]);
  gateway = await startGateway({
    port: 0,
    signingKey,
    findUser: async (username) => users.get(username),
    routes,
    loadHandler: async (modulePath) => {
      const handler = handlers[modulePath];
      if (!handler) throw new Error(`Cannot find module functions/${modulePath}.ts`);
      return handler;
    },
    log: (level, message, fields = {}) => logs.push({ level, message, fields }),
  });
});

afterAll(async () => {
  await gateway?.close();
});

describe("the payload 2.0 event", () => {
  it("has the shape HTTP API gives a Lambda behind a JWT authorizer", async () => {
    const bearer = await token();
    const response = await send("POST", "/fixture/items/abc%20d/publish?b=2&a=1&a=3&e=x%2By", {
      headers: {
        authorization: `Bearer ${bearer}`,
        "content-type": "application/json",
        "X-Dup": ["one", "two"],
        cookie: "session=s1; theme=dark",
        "user-agent": "gateway-test/1.0",
      },
      body: JSON.stringify({ title: "Math" }),
    });
    expect(response.status).toBe(200);
    const { event, functionName, remainingMs } = response.json();
    expect(functionName).toBe("adal-echo");
    expect(remainingMs).toBeGreaterThan(29_000);
    expect(event).toMatchObject({
      version: "2.0",
      routeKey: "POST /fixture/items/{id}/publish",
      rawPath: "/fixture/items/abc%20d/publish",
      rawQueryString: "b=2&a=1&a=3&e=x%2By",
      cookies: ["session=s1", "theme=dark"],
      queryStringParameters: { a: "1,3", b: "2", e: "x+y" },
      pathParameters: { id: "abc d" },
      body: '{"title":"Math"}',
      isBase64Encoded: false,
      requestContext: {
        routeKey: "POST /fixture/items/{id}/publish",
        stage: "$default",
        http: { method: "POST", path: "/fixture/items/abc%20d/publish", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "gateway-test/1.0" },
        requestId: response.headers["apigw-requestid"],
        authorizer: { jwt: { scopes: null } },
      },
    });
    expect(event.headers["x-dup"]).toBe("one,two");
    expect(event.headers["content-type"]).toBe("application/json");
    expect(event.headers.cookie).toBeUndefined();
    expect(Object.keys(event.headers).every((name: string) => name === name.toLowerCase())).toBe(true);
    expect(event.requestContext.time).toMatch(/^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    expect(typeof event.requestContext.timeEpoch).toBe("number");

    const claims = event.requestContext.authorizer.jwt.claims;
    expect(claims).toMatchObject({
      sub: "user-hr-one",
      "cognito:groups": "[hr]",
      username: "hr.one",
      "cognito:username": "hr.one",
      "custom:schoolId": "school-1",
      aud: LOCAL_AUDIENCE,
      iss: gateway.issuer,
    });
    expect(Object.values(claims).every((value) => typeof value === "string")).toBe(true);
    expect(claims.exp).toMatch(/^\d+$/);
  });

  it("prints several groups as HTTP API does", async () => {
    const response = await send("POST", "/fixture/items/x/publish", {
      headers: { authorization: `Bearer ${await token({ "cognito:groups": ["expert", "hr"] })}` },
    });
    expect(response.json().event.requestContext.authorizer.jwt.claims["cognito:groups"]).toBe("[expert hr]");
  });

  it("leaves out what the request does not have", async () => {
    const { event } = (await send("GET", "/fixture/abc")).json();
    expect(event.rawQueryString).toBe("");
    expect(event).not.toHaveProperty("queryStringParameters");
    expect(event).not.toHaveProperty("cookies");
    expect(event).not.toHaveProperty("body");
    expect(event.isBase64Encoded).toBe(false);
  });

  it("attaches no authorizer on a public route, even with a valid token", async () => {
    const { event } = (await send("GET", "/fixture/abc", { headers: { authorization: `Bearer ${await token()}` } })).json();
    expect(event.requestContext).not.toHaveProperty("authorizer");
    expect(event.pathParameters).toEqual({ id: "abc" });
  });

  it("base64-encodes binary and untyped bodies, not JSON or text", async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const binary = (await send("POST", "/fixture/upload", { headers: { "content-type": "application/pdf" }, body: bytes })).json().event;
    expect(binary.isBase64Encoded).toBe(true);
    expect(Buffer.from(binary.body, "base64")).toEqual(bytes);
    const untyped = (await send("POST", "/fixture/upload", { body: "a=1" })).json().event;
    expect(untyped).toMatchObject({ isBase64Encoded: true, body: Buffer.from("a=1").toString("base64") });
    const text = (await send("POST", "/fixture/upload", { headers: { "content-type": "text/plain; charset=utf-8" }, body: "привет" })).json().event;
    expect(text).toMatchObject({ isBase64Encoded: false, body: "привет" });
  });
});

describe("routing", () => {
  it("prefers the more literal of two matching routes", async () => {
    const response = await send("GET", "/fixture/plain");
    expect(response.json()).toEqual({ hello: "world" });
  });

  it("answers an unknown path with 404 route_not_found in the caller's language", async () => {
    const response = await send("GET", "/nowhere", { headers: { "accept-language": "kk" } });
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toBe("application/problem+json");
    expect(response.json()).toMatchObject({ status: 404, code: "route_not_found", title: "Мұндай маршрут жоқ" });
  });

  it("answers a known path with another method with 405 and Allow", async () => {
    const response = await send("DELETE", "/fixture/items/x/publish");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("POST, PUT");
    expect(response.json()).toMatchObject({ code: "method_not_allowed", type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
  });

  it("answers a CORS preflight from a localhost page, and only from one", async () => {
    const allowed = await send("OPTIONS", "/fixture/items/x/publish", {
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers).toMatchObject({
      "access-control-allow-origin": "http://localhost:5173",
      "access-control-allow-headers": "authorization,content-type",
    });
    expect(allowed.headers["access-control-allow-methods"]).toContain("POST");
    const foreign = await send("OPTIONS", "/fixture/items/x/publish", {
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(foreign.headers["access-control-allow-origin"]).toBeUndefined();
    const simple = await send("GET", "/fixture/plain", { headers: { origin: "http://127.0.0.1:8080" } });
    expect(simple.headers["access-control-allow-origin"]).toBe("http://127.0.0.1:8080");
  });
});

describe("the 10 MB body limit", () => {
  it("refuses a declared Content-Length over the limit with 413", async () => {
    const response = await send("POST", "/fixture/upload", {
      headers: { "content-type": "application/json" },
      body: Buffer.alloc(BODY_LIMIT_BYTES + 1, 0x20),
    });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ code: "payload_too_large" });
  });

  it("refuses a chunked body once it passes the limit", async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const response = await send("POST", "/fixture/upload", {
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: Array.from({ length: 11 }, () => chunk),
    });
    expect(response.status).toBe(413);
  });

  it("accepts a body of exactly the limit", async () => {
    const response = await send("POST", "/fixture/upload", {
      headers: { "content-type": "text/plain" },
      body: Buffer.alloc(BODY_LIMIT_BYTES, 0x61),
    });
    expect(response.status).toBe(200);
    expect(response.json().event.body).toHaveLength(BODY_LIMIT_BYTES);
  });
});

describe("the JWT authorizer", () => {
  const publish = (authorization?: string) =>
    send("POST", "/fixture/items/x/publish", { headers: authorization ? { authorization, "accept-language": "ru" } : {} });

  it("refuses a request without a token before the handler runs", async () => {
    const response = await publish();
    expect(response.status).toBe(401);
    expect(response.headers["content-type"]).toBe("application/problem+json");
    expect(response.headers["www-authenticate"]).toBe("Bearer");
    expect(response.json()).toMatchObject({ status: 401, code: "unauthorized" });
  });

  it("tells an expired token apart", async () => {
    const response = await publish(`Bearer ${await token({}, { expiresIn: -10 })}`);
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ code: "token_expired", title: "Сеанс истёк; войдите снова" });
  });

  it("refuses a wrong audience, a wrong issuer, a foreign key and garbage", async () => {
    const foreignKey = await loadSigningKey();
    for (const bearer of [
      await token({}, { audience: "someone-else" }),
      await token({}, { issuer: "http://127.0.0.1:1/local-identity" }),
      await token({}, { key: foreignKey }),
      "not-a-jwt",
    ]) {
      const response = await publish(`Bearer ${bearer}`);
      expect(response.status).toBe(401);
      expect(response.json().code).toBe("unauthorized");
    }
  });

  it("leaves the role check to the handler", async () => {
    const response = await publish(`Bearer ${await token({ "cognito:groups": ["candidate"] })}`);
    expect(response.status).toBe(200);
  });
});

describe("handler results", () => {
  it("turns a plain value into a 200 JSON response", async () => {
    const response = await send("GET", "/fixture/string");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json");
    expect(response.body.toString()).toBe('"just text"');
  });

  it("passes status, headers, cookies and a base64 body through", async () => {
    const response = await send("GET", "/fixture/structured");
    expect(response.status).toBe(201);
    expect(response.headers["content-type"]).toBe("application/octet-stream");
    expect(response.headers["x-count"]).toBe("3");
    expect(response.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect([...response.body]).toEqual([0, 1, 2, 255]);
  });

  it("answers a throwing handler with 500 internal_error and logs it", async () => {
    const response = await send("GET", "/fixture/boom");
    expect(response.status).toBe(500);
    expect(response.json()).toMatchObject({ code: "internal_error" });
    expect(logs).toContainEqual(
      expect.objectContaining({ level: "error", message: "handler failed", fields: expect.objectContaining({ errorName: "TypeError" }) }),
    );
  });

  it("fails only the route whose module cannot be loaded", async () => {
    const response = await send("GET", "/fixture/missing");
    expect(response.status).toBe(500);
    expect(response.json().code).toBe("internal_error");
    expect(logs).toContainEqual(expect.objectContaining({ message: "handler module failed to load" }));
    expect((await send("GET", "/fixture/plain")).status).toBe(200);
  });
});

describe("POST /auth/login", () => {
  const login = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
    send("POST", "/auth/login", { headers, body: typeof body === "string" ? body : JSON.stringify(body) });

  it("issues a token the authorizer accepts, with the claims Cognito would carry", async () => {
    const response = await login({ username: "hr.one", password });
    expect(response.status).toBe(200);
    const body = response.json();
    expect(body.user).toEqual({ id: "user-hr-one", username: "hr.one", roles: ["hr"], schoolId: "school-1" });
    const expiresIn = Date.parse(body.expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(8 * 3600_000);
    const check = await verifyToken(signingKey, gateway.issuer, body.token);
    expect(check.ok && check.claims).toMatchObject({ sub: "user-hr-one", "cognito:groups": ["hr"], "custom:schoolId": "school-1" });
    expect((await send("POST", "/fixture/items/x/publish", { headers: { authorization: `Bearer ${body.token}` } })).status).toBe(200);
  });

  it("leaves custom:schoolId out for a user without a school", async () => {
    const body = (await login({ username: "admin.one", password })).json();
    expect(body.user).toEqual({ id: "user-admin-one", username: "admin.one", roles: ["admin"] });
    const check = await verifyToken(signingKey, gateway.issuer, body.token);
    expect(check.ok && check.claims).not.toHaveProperty("custom:schoolId");
  });

  it("refuses a wrong password and an unknown user alike", async () => {
    for (const credentials of [{ username: "hr.one", password: "wrong" }, { username: "nobody", password }]) {
      const response = await login(credentials);
      expect(response.status).toBe(401);
      expect(response.json()).toMatchObject({ code: "invalid_credentials" });
    }
  });

  it("answers malformed JSON and missing fields with 400", async () => {
    expect((await login("{not json")).json()).toMatchObject({ status: 400, code: "malformed_json" });
    const missing = (await login({ username: "hr.one" })).json();
    expect(missing).toMatchObject({ status: 400, code: "validation_failed" });
    expect(missing.errors).toContainEqual(expect.objectContaining({ path: "body.password" }));
  });

  it("only takes POST", async () => {
    const response = await send("GET", "/auth/login");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("POST");
  });
});

describe("the request log", () => {
  it("has one line per request with method, route, status, duration and request id, and no personal data", async () => {
    const response = await send("POST", "/auth/login", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "hr.one", password }),
    });
    const requestId = response.headers["apigw-requestid"];
    const line = logs.find((entry) => entry.fields.requestId === requestId);
    expect(line).toMatchObject({
      level: "info",
      message: "request",
      fields: { method: "POST", route: "POST /auth/login", status: 200, durationMs: expect.any(Number) },
    });
    const everything = JSON.stringify(logs);
    expect(everything).not.toContain("hr.one");
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(response.json().token);
    expect(everything).not.toContain("Math");
  });
});
