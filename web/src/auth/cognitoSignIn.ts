// Cognito's InitiateAuth (USER_PASSWORD_AUTH) called directly over HTTPS: the ID token it returns carries
// the groups and custom:schoolId that the HTTP API's JWT authorizer and handlers read, exactly like the local
// token. A plain fetch keeps the AWS SDK and SRP maths out of the page a teacher on a slow line downloads;
// the password travels only over TLS to Cognito.
import { ApiError } from "../api/apiError.ts";
import { errorCatalog, type Language } from "../../../functions/platform/errors/errorCatalog.ts";

export type CognitoTokens = { idToken: string; expiresAt: string };

type InitiateAuthResponse = { AuthenticationResult?: { IdToken?: string; ExpiresIn?: number } };

function refusal(code: "invalid_credentials" | "service_busy", language: Language): ApiError {
  const entry = errorCatalog[code];
  return new ApiError({ status: entry.status, code, title: entry.title[language] });
}

export async function cognitoSignIn(
  target: { region: string; clientId: string },
  username: string,
  password: string,
  language: Language,
  now: () => number = Date.now,
): Promise<CognitoTokens> {
  const response = await fetch(`https://cognito-idp.${target.region}.amazonaws.com/`, {
    method: "POST",
    headers: {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "AWSCognitoIdentityProviderService.InitiateAuth",
    },
    body: JSON.stringify({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: target.clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  });
  const body = (await response.json().catch(() => ({}))) as InitiateAuthResponse & { __type?: string };
  // The user pool hides whether a user exists (preventUserExistenceErrors), so every 400 is a bad login.
  if (response.status === 400) throw refusal("invalid_credentials", language);
  const result = body.AuthenticationResult;
  if (!response.ok || !result?.IdToken) throw refusal("service_busy", language);
  return { idToken: result.IdToken, expiresAt: new Date(now() + (result.ExpiresIn ?? 3600) * 1000).toISOString() };
}
