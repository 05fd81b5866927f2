// `npm run demo` (a competition) and `npm run demo -- attestation`: whole cases through the HTTP API as
// their users would drive them. Uses the stack of `npm start` when it runs on PORT (default 3000);
// otherwise boots one over the same data folder (.adal-data/), so `npm start`, `npm run verify-audit` and
// `npm run verify-assignment` can look at the cases afterwards.
import { AdalClient } from "./client/adalClient.ts";
import { attestationTeachers, runAttestationScenario } from "./demo/attestationScenario.ts";
import { EXPECTED_WINNER, FAKE_DIPLOMA_HOLDER, runCompetitionScenario } from "./demo/competitionScenario.ts";
import { startLocalStack } from "./localStack.ts";
import { DEFAULT_DATA_DIR } from "./stackConnection.ts";

const scenario = process.argv[2] ?? "competition";
if (!["competition", "attestation"].includes(scenario)) {
  console.error(`Unknown demo "${scenario}": use \`npm run demo\` or \`npm run demo -- attestation\``);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 3000);

async function runningStack(): Promise<string | undefined> {
  const url = `http://127.0.0.1:${port}`;
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok ? url : undefined;
  } catch {
    return undefined;
  }
}

const started = Date.now();
const existing = await runningStack();
// A demo cannot wait ten working days: a stack of its own closes the appeal window after 20 s.
if (!existing) process.env.ATTESTATION_APPEAL_WINDOW_SECONDS ??= "20";
const stack = existing ? undefined : await startLocalStack({ dataDir: process.env.ADAL_DATA_DIR ?? DEFAULT_DATA_DIR, port: 0, seed: true, quiet: true });
const client = new AdalClient(existing ?? stack!.url);
console.log(existing ? `Using the running stack at ${existing}` : `Started a stack over ${process.env.ADAL_DATA_DIR ?? DEFAULT_DATA_DIR} at ${stack!.url}`);
const log = (step: string, detail?: Record<string, unknown>) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${step}${detail ? ` ${JSON.stringify(detail)}` : ""}`);
const verdict = (ok: boolean, text: string) => {
  console.log(`${ok ? "✔" : "✘"} ${text}`);
  return ok;
};

async function competition(): Promise<boolean> {
  const outcome = await runCompetitionScenario(client, log);
  console.log("\nFinal decision (GET /vacancies/%s/results):", outcome.vacancyId);
  console.log(JSON.stringify(outcome.results, null, 2));
  console.log("\nEach candidate's own view (GET /applications/{id}):");
  for (const [username, application] of Object.entries(outcome.applications)) {
    const refused = outcome.refusals[username];
    const reason = [refused ? `upload refused: ${refused.code}` : undefined, application.reason].filter(Boolean).join("; ") || undefined;
    console.log(`  ${username.padEnd(9)} ${application.status.padEnd(12)} rank ${application.rank ?? "-"}  total ${application.total ?? "-"}${reason ? `  reason: ${reason}` : ""}`);
  }
  console.log();
  return [
    verdict(outcome.applications[EXPECTED_WINNER]?.status === "appointed", `${EXPECTED_WINNER} appointed, as the rubric says`),
    verdict(
      outcome.refusals[FAKE_DIPLOMA_HOLDER]?.code === "document_type_unsupported",
      `${FAKE_DIPLOMA_HOLDER}'s fake PDF was refused on upload (${outcome.refusals[FAKE_DIPLOMA_HOLDER]?.code})`,
    ),
    verdict(
      outcome.applications[FAKE_DIPLOMA_HOLDER]?.status === "ineligible",
      `${FAKE_DIPLOMA_HOLDER}'s fake swapped in after submission made the application ineligible (${outcome.applications[FAKE_DIPLOMA_HOLDER]?.reason})`,
    ),
  ].every(Boolean);
}

async function attestation(): Promise<boolean> {
  const outcome = await runAttestationScenario(client, log);
  console.log("\nDecisions (GET /attestations/{id}/decision):");
  console.log(JSON.stringify(outcome.decisions, null, 2));
  if (outcome.appealFinal) console.log("After the appeal:", JSON.stringify(outcome.appealFinal, null, 2));
  console.log(`\nRecorded draws: npm run verify-assignment -- ${Object.values(outcome.caseIds).join(" ")}\n`);
  const { granted, capped, skipping } = attestationTeachers;
  const checks = [
    verdict(outcome.decisions.granted?.grantedCategory === granted.request.targetCategory, `${granted.username} granted ${granted.request.targetCategory}`),
    verdict(
      outcome.decisions.capped?.outcome === "meets" && outcome.decisions.capped?.grantedCategory === "moderator",
      `${capped.username}'s portfolio meets expert, but the test (33 of 50) caps the category at moderator (п.24)`,
    ),
    verdict(outcome.refusal.status === 422 && outcome.refusal.code === "category_sequence", `${skipping.username} refused for skipping a category (${outcome.refusal.code})`),
  ];
  if (outcome.appealFinal) {
    checks.push(
      verdict(outcome.appealPanel.length > 0 && outcome.appealPanel.every((member) => !outcome.firstPanel.includes(member)), "the appeal panel excludes everyone who scored before"),
      verdict(outcome.appealFinal.final === true, "the appeal panel's decision is final"),
    );
  }
  return checks.every(Boolean);
}

let exitCode = 0;
try {
  exitCode = (await (scenario === "attestation" ? attestation() : competition())) ? 0 : 1;
} catch (error) {
  console.error(`Demo failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await stack?.close();
}
process.exit(exitCode);
