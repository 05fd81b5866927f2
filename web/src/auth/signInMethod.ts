// How this deployment signs people in. On AWS the CDK app writes config.json next to index.html naming the
// Cognito user pool client; the embedded stack has no such file and signs in through its own
// POST /auth/login. Reading the file at sign-in time keeps one build for both.
import * as z from "zod/mini";

const DeploymentConfig = z.object({
  cognito: z.object({
    region: z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/)),
    clientId: z.string().check(z.minLength(1), z.maxLength(128)),
  }),
});

export type SignInMethod = { kind: "local" } | { kind: "cognito"; region: string; clientId: string };

/** The method named by a fetched config.json, or the local one when there is none or it does not parse. */
export function signInMethodFrom(config: unknown): SignInMethod {
  const parsed = DeploymentConfig.safeParse(config);
  return parsed.success ? { kind: "cognito", ...parsed.data.cognito } : { kind: "local" };
}

let method: Promise<SignInMethod> | undefined;

export function signInMethod(): Promise<SignInMethod> {
  method ??= fetch("./config.json", { cache: "no-cache" })
    .then((response) => (response.ok ? response.json() : undefined))
    .catch(() => undefined)
    .then(signInMethodFrom);
  return method;
}
