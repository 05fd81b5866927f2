import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AdalClient } from "../../infra/local/client/adalClient.ts";
import { runAttestationScenario, type AttestationOutcome } from "../../infra/local/demo/attestationScenario.ts";
import { startLocalStack } from "../../infra/local/localStack.ts";

// The attestation journey of `npm run demo -- attestation`, asserted: granted, capped by the test (п.24),
// refused for a skipped category, and an appeal decided for good by a fresh blind panel.
describe("three teachers through attestation", () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let outcome: AttestationOutcome;

  beforeAll(async () => {
    process.env.ATTESTATION_APPEAL_WINDOW_SECONDS = "4";
    stack = await startLocalStack({ port: 0, seed: true, quiet: true });
    outcome = await runAttestationScenario(new AdalClient(stack.url), () => {});
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("grants the target category when the portfolio and the test both reach it", () => {
    expect(outcome.decisions.granted).toMatchObject({ outcome: "meets", grantedCategory: "moderator", threshold: 68, meanScore: 68 });
  });

  it("caps the category at the one the test supports when the portfolio meets a higher one", () => {
    expect(outcome.decisions.capped).toMatchObject({ outcome: "meets", grantedCategory: "moderator", threshold: 84 });
  });

  it("refuses a teacher who skips a category, with the rule's code and title", () => {
    expect(outcome.refusal).toMatchObject({ status: 422, code: "category_sequence" });
  });

  it("decides an appeal for good by a panel that excludes everyone who scored before", () => {
    expect(outcome.appealFinal).toMatchObject({ final: true });
    expect(outcome.appealPanel).toHaveLength(3);
    for (const member of outcome.appealPanel) expect(outcome.firstPanel).not.toContain(member);
  });
});
