import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cognitoSignIn } from "../../../web/src/auth/cognitoSignIn.ts";
import { signInMethodFrom } from "../../../web/src/auth/signInMethod.ts";

describe("which sign-in the page uses", () => {
  it("is Cognito when the deployment's config.json names a region and client", () => {
    expect(signInMethodFrom({ cognito: { region: "eu-central-1", clientId: "abc123" } })).toEqual({ kind: "cognito", region: "eu-central-1", clientId: "abc123" });
  });

  it("is the embedded stack's own login without a config, or with one that does not parse", () => {
    expect(signInMethodFrom(undefined)).toEqual({ kind: "local" });
    // A region that could steer the password to another host is not taken.
    expect(signInMethodFrom({ cognito: { region: "evil.example/", clientId: "abc" } })).toEqual({ kind: "local" });
    expect(signInMethodFrom({ cognito: { region: "eu-central-1" } })).toEqual({ kind: "local" });
  });
});

describe("Cognito InitiateAuth from the page", () => {
  // fetch is pointed at a local server playing Cognito's JSON protocol, so the request is read as sent.
  let requests: { target?: string; body: unknown }[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: {} };
  const server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk) => (raw += chunk));
    request.on("end", () => {
      requests.push({ target: request.headers["x-amz-target"] as string, body: JSON.parse(raw) });
      response.writeHead(answer.status, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify(answer.body));
    });
  });

  async function signInAgainstLocalCognito(language: "kk" | "ru" | "en") {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const realFetch = globalThis.fetch;
    vi.stubGlobal("fetch", (_url: string, init: RequestInit) => realFetch(`http://127.0.0.1:${port}/`, init));
    return cognitoSignIn({ region: "eu-central-1", clientId: "client-1" }, "teacher1", "pw", language, () => Date.parse("2026-11-25T10:00:00Z"));
  }

  afterEach(() => {
    vi.unstubAllGlobals();
    requests = [];
  });

  it("sends USER_PASSWORD_AUTH for the client and keeps the ID token with its expiry", async () => {
    answer = { status: 200, body: { AuthenticationResult: { IdToken: "id.token.jwt", ExpiresIn: 3600, AccessToken: "a" } } };
    await expect(signInAgainstLocalCognito("en")).resolves.toEqual({ idToken: "id.token.jwt", expiresAt: "2026-11-25T11:00:00.000Z" });
    expect(requests).toEqual([
      {
        target: "AWSCognitoIdentityProviderService.InitiateAuth",
        body: { AuthFlow: "USER_PASSWORD_AUTH", ClientId: "client-1", AuthParameters: { USERNAME: "teacher1", PASSWORD: "pw" } },
      },
    ]);
  });

  it("says a refused login in the page's language, as the local login does", async () => {
    answer = { status: 400, body: { __type: "NotAuthorizedException", message: "Incorrect username or password." } };
    await expect(signInAgainstLocalCognito("kk")).rejects.toMatchObject({ status: 401, code: "invalid_credentials", detail: "Пайдаланушы аты немесе құпиясөз қате" });
  });

  it("does not mistake an outage or an unanswered challenge for a signed-in session", async () => {
    answer = { status: 200, body: { ChallengeName: "NEW_PASSWORD_REQUIRED", Session: "s" } };
    await expect(signInAgainstLocalCognito("ru")).rejects.toMatchObject({ code: "service_busy" });
    answer = { status: 500, body: {} };
    await expect(signInAgainstLocalCognito("ru")).rejects.toMatchObject({ status: 503 });
    server.close();
  });
});
