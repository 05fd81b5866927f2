import type { Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { worldOfThisFile } from "./harness.ts";

// A teacher's first sign-in on AWS, in Russian, with the temporary password an administrator issued: the
// deployment's config.json names a Cognito client, and Cognito itself is played here (page.route), so the
// page walks the NEW_PASSWORD_REQUIRED challenge as it would against the real user pool. The ID token Cognito
// "issues" is a token of the local stack, so GET /me signs the teacher in for real afterwards. The account was
// created without the email the pool requires, so the page asks for it in the same step.

const COGNITO = "https://cognito-idp.eu-central-1.amazonaws.com/";
const TEMPORARY = "Tmp-Pass-0001";
const REUSED = "Almaty-2025-school";
const CHOSEN = "Almaty-2026-school";
const EMAIL = "teacher1@example.kz";

type CognitoCall = { target: string; body: Record<string, unknown> };

describe("a first sign-in with a temporary password", () => {
  const world = worldOfThisFile();

  it("asks for a new password with the pool's rules, survives an expired challenge and signs the teacher in", async () => {
    const { token } = await world().api.login("teacher1");
    const tab = await world().open("ru");
    const { page, t } = tab;
    const calls: CognitoCall[] = [];
    // What Cognito answers to each RespondToAuthChallenge, in turn: the password was used before, then the
    // challenge has expired, then (after signing in again) the new password is taken.
    const responses = [
      { status: 400, body: { __type: "InvalidPasswordException", message: "Password has previously been used" } },
      { status: 400, body: { __type: "NotAuthorizedException", message: "Invalid session for the user, session is expired." } },
      { status: 200, body: { AuthenticationResult: { IdToken: token, ExpiresIn: 3600, AccessToken: "unused", TokenType: "Bearer" } } },
    ];
    const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "content-type, x-amz-target, x-amz-user-agent", "access-control-allow-methods": "POST" };
    await page.route("**/config.json", (route) => route.fulfill({ json: { cognito: { region: "eu-central-1", clientId: "web-client-1" } } }));
    await page.route(COGNITO, async (route: Route) => {
      const request = route.request();
      if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
      const target = (await request.headerValue("x-amz-target")) ?? "";
      calls.push({ target, body: request.postDataJSON() as Record<string, unknown> });
      const answer = target.endsWith(".InitiateAuth")
        ? {
            status: 200,
            body: {
              ChallengeName: "NEW_PASSWORD_REQUIRED",
              Session: `session-${calls.length}`,
              ChallengeParameters: { USER_ID_FOR_SRP: "teacher1", requiredAttributes: '["userAttributes.email"]', userAttributes: '{"email_verified":"false"}' },
            },
          }
        : responses.shift()!;
      return route.fulfill({ status: answer.status, headers: { ...cors, "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify(answer.body) });
    });

    const signInWithTemporaryPassword = async () => {
      await page.getByLabel(t("common:signIn.username"), { exact: true }).fill("teacher1");
      await page.getByLabel(t("common:signIn.password"), { exact: true }).fill(TEMPORARY);
      await page.getByRole("button", { name: t("common:signIn.action") }).click();
      // The step's heading takes focus, so a screen reader announces the new step.
      await page.getByRole("heading", { name: t("common:newPassword.title"), level: 1 }).waitFor();
      await page.waitForFunction(`document.activeElement?.tagName === "H1" && document.activeElement.textContent === ${JSON.stringify(t("common:newPassword.title"))}`);
    };
    await tab.go("/sign-in");
    await signInWithTemporaryPassword();
    const newPassword = page.getByLabel(t("common:newPassword.newPassword"), { exact: true });
    const repeat = page.getByLabel(t("common:newPassword.repeat"), { exact: true });
    const email = page.getByLabel(t("common:newPassword.email"), { exact: true });
    // The policy is said before anything is typed, and both fields are offered to a password manager as new.
    await page.getByText(t("common:newPassword.policy", { min: 12 })).waitFor();
    expect(await newPassword.getAttribute("autocomplete")).toBe("new-password");
    expect(await repeat.getAttribute("autocomplete")).toBe("new-password");
    await tab.screen("ru-first-sign-in-new-password");

    // An email that is not one, a password that breaks the rules and a repeat that differs never leave the page.
    await email.fill("teacher1@");
    await newPassword.fill("almaty2026");
    await repeat.fill("almaty2027");
    await page.getByRole("button", { name: t("common:newPassword.action") }).click();
    const broken = [t("common:newPassword.rule.length", { min: 12 }), t("common:newPassword.rule.uppercase"), t("common:newPassword.rule.symbol")].join(" ");
    await page.getByText(broken, { exact: true }).waitFor();
    await page.getByText(t("common:newPassword.rule.mismatch"), { exact: true }).waitFor();
    await page.getByText(t("common:newPassword.emailInvalid"), { exact: true }).waitFor();
    expect(await newPassword.getAttribute("aria-invalid")).toBe("true");
    // The first field in error takes focus.
    await page.waitForFunction(`document.activeElement?.getAttribute("name") === "email"`);
    await tab.screen("ru-first-sign-in-rules-broken");
    expect(calls.map((call) => call.target)).toEqual(["AWSCognitoIdentityProviderService.InitiateAuth"]);

    // Cognito refuses a password used before: the page says so in Russian, beside the field.
    await email.fill(EMAIL);
    await newPassword.fill(REUSED);
    await repeat.fill(REUSED);
    await page.getByRole("button", { name: t("common:newPassword.action") }).click();
    await page.getByRole("alert").getByText("Этот пароль нельзя использовать; выберите другой").waitFor();
    await page.getByText(t("common:newPassword.refused.reused"), { exact: true }).waitFor();

    // The challenge expires while the teacher thinks: back to sign-in, told why.
    await newPassword.fill(CHOSEN);
    await repeat.fill(CHOSEN);
    await page.getByRole("button", { name: t("common:newPassword.action") }).click();
    await page.getByRole("heading", { name: t("common:signIn.title"), level: 1 }).waitFor();
    await page.getByRole("alert").getByText("Новый пароль не был сохранён вовремя; войдите снова с временным паролем").waitFor();
    await tab.screen("ru-first-sign-in-session-expired");

    await signInWithTemporaryPassword();
    await email.fill(EMAIL);
    await newPassword.fill(CHOSEN);
    await repeat.fill(CHOSEN);
    await page.getByRole("button", { name: t("common:newPassword.action") }).click();
    await page.waitForFunction(`!location.hash.startsWith("#/sign-in")`);
    await page.getByRole("button", { name: t("common:signOut") }).waitFor();

    expect(calls.map((call) => call.target.replace("AWSCognitoIdentityProviderService.", ""))).toEqual([
      "InitiateAuth",
      "RespondToAuthChallenge",
      "RespondToAuthChallenge",
      "InitiateAuth",
      "RespondToAuthChallenge",
    ]);
    expect(calls[0]!.body).toEqual({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: "web-client-1", AuthParameters: { USERNAME: "teacher1", PASSWORD: TEMPORARY } });
    expect(calls[4]!.body).toEqual({
      ChallengeName: "NEW_PASSWORD_REQUIRED",
      ClientId: "web-client-1",
      Session: "session-4",
      ChallengeResponses: { USERNAME: "teacher1", NEW_PASSWORD: CHOSEN, "userAttributes.email": EMAIL },
    });
    // Neither password nor the challenge's session is left in the browser's storage.
    const stored = String(await page.evaluate("JSON.stringify({ ...sessionStorage, ...localStorage })"));
    for (const secret of [TEMPORARY, CHOSEN, "session-4"]) expect(stored).not.toContain(secret);
    await tab.close();
  });
});
