// Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles: an esbuild alias in
// infra/aws/appFunction.ts points that package here. Why: every SDK client's runtimeConfig imports that
// package's `defaultProvider` statically, and its chain (SSO, INI, process, web identity, login,
// container/IMDS, with the nested STS/SSO/OIDC clients they call) ends up inlined in a one-file bundle —
// 132 KB of every function with an AWS client, parsed on every cold start. Lambda always puts the execution
// role's credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN),
// the chain's first link, so the rest is never reached there. Without them `fromEnv` rejects with a
// CredentialsProviderError ("Unable to find environment variable credentials.") instead of trying further.
// Everything that runs from source (the local stack, tools, tests) imports the real package and keeps the
// whole chain. Only `defaultProvider` is exported, the one name the clients import: should a bundled module
// ever import another, esbuild fails the build ("No matching export") rather than ship a broken bundle.
export { fromEnv as defaultProvider } from "@aws-sdk/credential-provider-env";
