// Cognito's InitiateAuth (USER_PASSWORD_AUTH) called directly over HTTPS: the ID token it returns carries
// the groups and custom:schoolId that the HTTP API's JWT authorizer and handlers read, exactly like the local
// token. A plain fetch keeps the AWS SDK and SRP maths out of the page a teacher on a slow line downloads;
// the password travels only over TLS to Cognito.
import { ApiError } from "../api/apiError.ts";
import { errorCatalog, type Language } from "../../../functions/platform/errors/errorCatalog.ts";
import type { PasswordRule } from "./passwordPolicy.ts";

export type CognitoTarget = { region: string; clientId: string };
export type CognitoTokens = { idToken: string; expiresAt: string };

/**
 * An account an administrator created: its temporary password was right, and a new one must be chosen
 * before Cognito issues tokens. `session` proves the temporary password for a few minutes; it is kept only
 * in memory. `requiredAttributes` are attributes the pool requires that the account still lacks.
 */
export type NewPasswordChallenge = CognitoTarget & { username: string; session: string; requiredAttributes: string[] };

export type CognitoSignIn = { kind: "signedIn"; tokens: CognitoTokens } | { kind: "newPasswordRequired"; challenge: NewPasswordChallenge };

/** Why Cognito refused a new password: one of the policy's rules, a recently used password, or unknown. */
export type PasswordRefusal = PasswordRule | "reused" | "other";

/** Cognito's InvalidPasswordException, with the rule it names so the page can point at it. */
export class PasswordRejected extends ApiError {
  readonly refusal: PasswordRefusal;
  constructor(refusal: PasswordRefusal, language: Language) {
    const entry = errorCatalog.password_rejected;
    super({ status: entry.status, code: "password_rejected", title: entry.title[language] });
    this.refusal = refusal;
  }
}

type AuthResponse = {
  AuthenticationResult?: { IdToken?: string; ExpiresIn?: number };
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  __type?: string;
  message?: string;
};

type Refusal = "invalid_credentials" | "service_busy" | "sign_in_session_expired" | "temporary_password_expired";

function refusal(code: Refusal, language: Language): ApiError {
  const entry = errorCatalog[code];
  return new ApiError({ status: entry.status, code, title: entry.title[language] });
}

/** One call of Cognito's JSON API; a dropped connection reads as a busy service, like a 5xx. */
async function callCognito(target: CognitoTarget, action: string, request: unknown, language: Language): Promise<{ status: number; body: AuthResponse }> {
  let response: Response;
  try {
    response = await fetch(`https://cognito-idp.${target.region}.amazonaws.com/`, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityProviderService.${action}` },
      body: JSON.stringify(request),
    });
  } catch {
    throw refusal("service_busy", language);
  }
  const body = (await response.json().catch(() => ({}))) as AuthResponse;
  // Cognito answers throttling with a 400 too; it is the service being busy, not the user being wrong.
  if (response.status >= 500 || body.__type?.endsWith("TooManyRequestsException")) throw refusal("service_busy", language);
  return { status: response.status, body };
}

function tokensOf(body: AuthResponse, language: Language, now: () => number): CognitoTokens {
  const result = body.AuthenticationResult;
  if (!result?.IdToken) throw refusal("service_busy", language);
  return { idToken: result.IdToken, expiresAt: new Date(now() + (result.ExpiresIn ?? 3600) * 1000).toISOString() };
}

/** "userAttributes.email" etc. as Cognito lists them (a JSON array in a string) → ["email"]. */
function requiredAttributesOf(parameters: Record<string, string> | undefined): string[] {
  try {
    const listed: unknown = JSON.parse(parameters?.requiredAttributes ?? "[]");
    return Array.isArray(listed) ? listed.filter((name): name is string => typeof name === "string").map((name) => name.replace(/^userAttributes\./, "")) : [];
  } catch {
    return [];
  }
}

export async function cognitoSignIn(target: CognitoTarget, username: string, password: string, language: Language, now: () => number = Date.now): Promise<CognitoSignIn> {
  const { status, body } = await callCognito(
    target,
    "InitiateAuth",
    { AuthFlow: "USER_PASSWORD_AUTH", ClientId: target.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } },
    language,
  );
  if (status === 400) {
    // Said only to whoever knows the temporary password, so it reveals nothing about who has an account.
    if (/temporary password has expired/i.test(body.message ?? "")) throw refusal("temporary_password_expired", language);
    // The user pool hides whether a user exists (preventUserExistenceErrors), so every other 400 is a bad login.
    throw refusal("invalid_credentials", language);
  }
  if (status === 200 && body.ChallengeName === "NEW_PASSWORD_REQUIRED" && body.Session) {
    const challenge = {
      ...target,
      // The real username, also when the user typed their email (a sign-in alias of the pool).
      username: body.ChallengeParameters?.USER_ID_FOR_SRP ?? username,
      session: body.Session,
      requiredAttributes: requiredAttributesOf(body.ChallengeParameters),
    };
    return { kind: "newPasswordRequired", challenge };
  }
  if (status !== 200) throw refusal("service_busy", language);
  return { kind: "signedIn", tokens: tokensOf(body, language, now) };
}

const REFUSALS: readonly [RegExp, PasswordRefusal][] = [
  [/not long enough|too long/i, "length"],
  [/lowercase/i, "lowercase"],
  [/uppercase/i, "uppercase"],
  [/numeric/i, "digit"],
  [/symbol/i, "symbol"],
  [/previously been used|password history/i, "reused"],
];

/**
 * Answers the NEW_PASSWORD_REQUIRED challenge with the password the user chose (and any required attribute
 * the account lacks); Cognito then issues the same tokens as a normal sign-in.
 */
export async function respondWithNewPassword(
  challenge: NewPasswordChallenge,
  newPassword: string,
  attributes: Record<string, string>,
  language: Language,
  now: () => number = Date.now,
): Promise<CognitoTokens> {
  const responses: Record<string, string> = { USERNAME: challenge.username, NEW_PASSWORD: newPassword };
  for (const [name, value] of Object.entries(attributes)) responses[`userAttributes.${name}`] = value;
  const { status, body } = await callCognito(
    challenge,
    "RespondToAuthChallenge",
    { ChallengeName: "NEW_PASSWORD_REQUIRED", ClientId: challenge.clientId, Session: challenge.session, ChallengeResponses: responses },
    language,
  );
  if (status === 400 && body.__type?.endsWith("InvalidPasswordException")) {
    throw new PasswordRejected(REFUSALS.find(([pattern]) => pattern.test(body.message ?? ""))?.[1] ?? "other", language);
  }
  // "Invalid session for the user, session is expired.": the temporary password must be entered again.
  if (status === 400 && body.__type?.endsWith("NotAuthorizedException")) throw refusal("sign_in_session_expired", language);
  if (status !== 200) throw refusal("service_busy", language);
  return tokensOf(body, language, now);
}
