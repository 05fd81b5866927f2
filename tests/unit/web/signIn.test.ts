import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { cognitoSignIn, respondWithNewPassword } from "../../../web/src/auth/cognitoSignIn.ts";
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

describe("Cognito sign-in from the page", () => {
  // fetch is pointed at a local server playing Cognito's JSON protocol, so each request is read as sent.
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
  const target = { region: "eu-central-1", clientId: "client-1" };
  const now = () => Date.parse("2026-11-25T10:00:00Z");
  const realFetch = globalThis.fetch;
  const challenge = { ...target, username: "7d1c-uuid", session: "session-from-cognito", requiredAttributes: [] };

  async function againstLocalCognito<T>(call: () => Promise<T>): Promise<T> {
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
      expect(url).toBe("https://cognito-idp.eu-central-1.amazonaws.com/");
      return realFetch(`http://127.0.0.1:${port}/`, init);
    });
    return call();
  }
  const signInAgainstLocalCognito = (language: "kk" | "ru" | "en") => againstLocalCognito(() => cognitoSignIn(target, "teacher1", "pw", language, now));
  const respondAgainstLocalCognito = (language: "kk" | "ru" | "en", attributes: Record<string, string> = {}) =>
    againstLocalCognito(() => respondWithNewPassword(challenge, "New-password-1", attributes, language, now));

  afterEach(() => {
    vi.unstubAllGlobals();
    requests = [];
  });
  afterAll(() => {
    server.close();
  });

  it("sends USER_PASSWORD_AUTH for the client and keeps the ID token with its expiry", async () => {
    answer = { status: 200, body: { AuthenticationResult: { IdToken: "id.token.jwt", ExpiresIn: 3600, AccessToken: "a" } } };
    await expect(signInAgainstLocalCognito("en")).resolves.toEqual({ kind: "signedIn", tokens: { idToken: "id.token.jwt", expiresAt: "2026-11-25T11:00:00.000Z" } });
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

  it("says when the administrator's temporary password has run out, rather than calling it wrong", async () => {
    answer = { status: 400, body: { __type: "NotAuthorizedException", message: "Temporary password has expired and must be reset by an administrator." } };
    await expect(signInAgainstLocalCognito("ru")).rejects.toMatchObject({ status: 401, code: "temporary_password_expired" });
  });

  it("hands the page the challenge of an administrator-created account, with the real username and missing attributes", async () => {
    answer = {
      status: 200,
      body: {
        ChallengeName: "NEW_PASSWORD_REQUIRED",
        Session: "session-from-cognito",
        ChallengeParameters: { USER_ID_FOR_SRP: "7d1c-uuid", requiredAttributes: '["userAttributes.email"]', userAttributes: '{"email_verified":"false"}' },
      },
    };
    await expect(signInAgainstLocalCognito("en")).resolves.toEqual({
      kind: "newPasswordRequired",
      challenge: { ...target, username: "7d1c-uuid", session: "session-from-cognito", requiredAttributes: ["email"] },
    });
  });

  it("does not mistake an outage, a throttled call, a dropped connection or another challenge for a signed-in session", async () => {
    answer = { status: 200, body: { ChallengeName: "SOFTWARE_TOKEN_MFA", Session: "s" } };
    await expect(signInAgainstLocalCognito("ru")).rejects.toMatchObject({ code: "service_busy" });
    answer = { status: 500, body: {} };
    await expect(signInAgainstLocalCognito("ru")).rejects.toMatchObject({ status: 503 });
    answer = { status: 400, body: { __type: "TooManyRequestsException", message: "Too many requests" } };
    await expect(signInAgainstLocalCognito("ru")).rejects.toMatchObject({ code: "service_busy" });
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    await expect(cognitoSignIn(target, "teacher1", "pw", "en", now)).rejects.toMatchObject({ code: "service_busy", status: 503 });
  });

  it("answers the challenge with the new password and the session, and keeps the ID token it earns", async () => {
    answer = { status: 200, body: { AuthenticationResult: { IdToken: "new.id.jwt", ExpiresIn: 1800 } } };
    await expect(respondAgainstLocalCognito("en", { email: "aigerim@example.kz" })).resolves.toEqual({ idToken: "new.id.jwt", expiresAt: "2026-11-25T10:30:00.000Z" });
    expect(requests).toEqual([
      {
        target: "AWSCognitoIdentityProviderService.RespondToAuthChallenge",
        body: {
          ChallengeName: "NEW_PASSWORD_REQUIRED",
          ClientId: "client-1",
          Session: "session-from-cognito",
          ChallengeResponses: { USERNAME: "7d1c-uuid", NEW_PASSWORD: "New-password-1", "userAttributes.email": "aigerim@example.kz" },
        },
      },
    ]);
  });

  it("names the rule Cognito's password policy refused, in the page's language", async () => {
    answer = { status: 400, body: { __type: "InvalidPasswordException", message: "Password does not conform to policy: Password must have symbol characters" } };
    await expect(respondAgainstLocalCognito("kk")).rejects.toMatchObject({ status: 400, code: "password_rejected", refusal: "symbol", title: "Бұл құпиясөзді қолдануға болмайды; басқасын таңдаңыз" });
    answer = { status: 400, body: { __type: "InvalidPasswordException", message: "Password has previously been used" } };
    await expect(respondAgainstLocalCognito("en")).rejects.toMatchObject({ code: "password_rejected", refusal: "reused" });
    answer = { status: 400, body: { __type: "InvalidPasswordException", message: "Something new" } };
    await expect(respondAgainstLocalCognito("en")).rejects.toMatchObject({ code: "password_rejected", refusal: "other" });
  });

  it("sends the user back to sign in when the challenge's session has expired", async () => {
    answer = { status: 400, body: { __type: "NotAuthorizedException", message: "Invalid session for the user, session is expired." } };
    await expect(respondAgainstLocalCognito("ru")).rejects.toMatchObject({ status: 401, code: "sign_in_session_expired" });
  });

  it("reads an outage or a dropped connection while answering as a busy service", async () => {
    answer = { status: 503, body: { __type: "InternalErrorException" } };
    await expect(respondAgainstLocalCognito("en")).rejects.toMatchObject({ code: "service_busy", status: 503 });
    vi.stubGlobal("fetch", () => Promise.reject(new TypeError("Failed to fetch")));
    await expect(respondWithNewPassword(challenge, "New-password-1", {}, "en", now)).rejects.toMatchObject({ code: "service_busy" });
  });
});
