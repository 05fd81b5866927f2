// The local gateway serving the built web app next to the API (no Java, no emulators): fixture routes and a
// fixture build folder, with a secret beside the folder that no URL may reach.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteDefinition } from "../../functions/platform/http/routeDefinition.ts";
import { startGateway, type Gateway } from "../../infra/local/gateway/index.ts";
import { WEB_APP_NOT_BUILT } from "../../infra/local/gateway/staticSite.ts";
import { loadSigningKey } from "../../infra/local/identity/tokens.ts";

const route = (method: RouteDefinition["method"], path: string): RouteDefinition => ({
  method,
  path,
  handler: "fixture/plain",
  auth: "public",
  summary: "fixture",
  grants: [],
  successStatus: 200,
});

const INDEX = "<!doctype html><title>Adal</title><script type=module src=./assets/index-Ab12Cd.js></script>";
const SCRIPT = "console.log('app')";
const SECRET = "the signing key";

let root: string;
let gateway: Gateway;
let unbuilt: Gateway;

async function startFixtureGateway(webDir: string): Promise<Gateway> {
  return startGateway({
    port: 0,
    signingKey: await loadSigningKey(),
    findUser: async () => undefined,
    routes: [route("GET", "/vacancies"), route("GET", "/assets/api-only")],
    loadHandler: async () => async () => ({ from: "api" }),
    webDir,
    log: () => undefined,
  });
}

/** node:http rather than fetch: fetch normalises "..", and these paths must reach the server as written. */
function send(target: Gateway, method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = httpRequest(`${target.url}/`, { method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "adal-static-"));
  const dist = join(root, "dist");
  await mkdir(join(dist, "assets"), { recursive: true });
  await writeFile(join(dist, "index.html"), INDEX);
  await writeFile(join(dist, "assets", "index-Ab12Cd.js"), SCRIPT);
  await writeFile(join(dist, "assets", "index-Ef34Gh.css"), "body{margin:0}");
  await writeFile(join(dist, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  await writeFile(join(dist, "vacancies"), "a file shadowed by the API route");
  await writeFile(join(dist, ".env"), SECRET);
  await writeFile(join(root, "secret.txt"), SECRET);
  await symlink(join(root, "secret.txt"), join(dist, "assets", "linked.txt"));
  gateway = await startFixtureGateway(dist);
  unbuilt = await startFixtureGateway(join(root, "never-built"));
});

afterAll(async () => {
  await gateway?.close();
  await unbuilt?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("the built web app at /", () => {
  it("serves index.html at / and /index.html, revalidated on every load", async () => {
    for (const path of ["/", "/index.html"]) {
      const response = await send(gateway, "GET", path);
      expect(response.status).toBe(200);
      expect(response.body).toBe(INDEX);
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(response.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("serves the hashed assets with their types, cached for good", async () => {
    const script = await send(gateway, "GET", "/assets/index-Ab12Cd.js");
    expect(script).toMatchObject({ status: 200, body: SCRIPT });
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(script.headers["x-content-type-options"]).toBe("nosniff");
    expect((await send(gateway, "GET", "/assets/index-Ef34Gh.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
    const icon = await send(gateway, "GET", "/favicon.svg");
    expect(icon.headers["content-type"]).toBe("image/svg+xml");
    expect(icon.headers["cache-control"]).toBe("no-cache");
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const response = await send(gateway, "HEAD", "/");
    expect(response.status).toBe(200);
    expect(response.headers["content-length"]).toBe(String(Buffer.byteLength(INDEX)));
    expect(response.body).toBe("");
  });

  it("answers 304 when the browser already has the file", async () => {
    const first = await send(gateway, "GET", "/index.html");
    const again = await send(gateway, "GET", "/index.html", { "if-none-match": first.headers.etag! });
    expect(again).toMatchObject({ status: 304, body: "" });
  });

  it("keeps API routes first, even where a file of the same name exists", async () => {
    const response = await send(gateway, "GET", "/vacancies");
    expect(JSON.parse(response.body)).toEqual({ from: "api" });
    expect(JSON.parse((await send(gateway, "GET", "/assets/api-only")).body)).toEqual({ from: "api" });
  });

  it("serves files to GET and HEAD only", async () => {
    const response = await send(gateway, "POST", "/index.html");
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ code: "route_not_found" });
  });

  it("answers the API's 404 for a file that is not there", async () => {
    const response = await send(gateway, "GET", "/assets/missing.js");
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toBe("application/problem+json");
  });

  it.each([
    "/../secret.txt",
    "/assets/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/assets/%2E%2E%2F%2E%2E%2Fsecret.txt",
    "/assets/..%5C..%5Csecret.txt",
    "/.env",
    "/%2eenv",
    "/assets/linked.txt",
    "/index.html%00.js",
    "//secret.txt",
    "/assets/%E0%A4%A",
  ])("refuses %s, which would step outside the build folder or into a hidden file", async (path) => {
    const response = await send(gateway, "GET", path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it("tells a developer's browser to build the app when the folder is missing", async () => {
    const response = await send(unbuilt, "GET", "/", { accept: "text/html,application/xhtml+xml,*/*;q=0.8" });
    expect(response.status).toBe(404);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.body).toContain("<code>npm run build:web</code>");
    expect(WEB_APP_NOT_BUILT).toContain("`npm run build:web`");
  });

  it("answers API clients the API's own 404 when the folder is missing", async () => {
    for (const path of ["/", "/assets/index-Ab12Cd.js"]) {
      const response = await send(unbuilt, "GET", path, { accept: "*/*" });
      expect(response.status).toBe(404);
      expect(response.headers["content-type"]).toBe("application/problem+json");
    }
  });
});
