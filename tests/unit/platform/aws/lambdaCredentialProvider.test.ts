// The stand-in for the SDK's default credential chain in the Lambda bundles: it reads the credentials
// Lambda puts in the environment, and without them fails at once with the SDK's own error type.
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultProvider } from "../../../../functions/platform/aws/lambdaCredentialProvider.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("lambdaCredentialProvider.defaultProvider", () => {
  it("returns the role's credentials from the environment, session token included", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDLAMBDA");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "lambda-secret");
    vi.stubEnv("AWS_SESSION_TOKEN", "lambda-session");
    await expect(defaultProvider({})()).resolves.toMatchObject({
      accessKeyId: "AKIDLAMBDA",
      secretAccessKey: "lambda-secret",
      sessionToken: "lambda-session",
    });
  });

  it("rejects with a CredentialsProviderError when the environment has no credentials, whatever else is configured", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
    // The default chain would go on to this profile; the Lambda stand-in must not.
    vi.stubEnv("AWS_PROFILE", "default");
    const failure = await defaultProvider({})().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: "CredentialsProviderError", message: "Unable to find environment variable credentials." });
  });
});
