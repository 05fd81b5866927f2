// `npm run demo`: one whole competition through the HTTP API. Uses the stack of `npm start` when it is
// running on PORT (default 3000); otherwise boots a throw-away in-memory stack of its own.
import { AdalClient } from "./client/adalClient.ts";
import { EXPECTED_WINNER, FAKE_DIPLOMA_HOLDER, runCompetitionScenario } from "./demo/competitionScenario.ts";
import { startLocalStack } from "./localStack.ts";

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
const stack = existing ? undefined : await startLocalStack({ port: 0, seed: true, quiet: true });
const client = new AdalClient(existing ?? stack!.url);
console.log(existing ? `Using the running stack at ${existing}` : `Started an in-memory stack at ${stack!.url}`);

let exitCode = 0;
try {
  const outcome = await runCompetitionScenario(client, (step, detail) =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${step}${detail ? ` ${JSON.stringify(detail)}` : ""}`),
  );
  console.log("\nFinal decision (GET /vacancies/%s/results):", outcome.vacancyId);
  console.log(JSON.stringify(outcome.results, null, 2));
  console.log("\nEach candidate's own view (GET /applications/{id}):");
  for (const [username, application] of Object.entries(outcome.applications)) {
    console.log(`  ${username.padEnd(9)} ${application.status.padEnd(12)} rank ${application.rank ?? "-"}  total ${application.total ?? "-"}${application.reason ? `  reason: ${application.reason}` : ""}`);
  }
  const winnerOk = outcome.applications[EXPECTED_WINNER]?.status === "appointed";
  const fakeOk = outcome.applications[FAKE_DIPLOMA_HOLDER]?.status === "ineligible";
  console.log(`\n${winnerOk ? "✔" : "✘"} ${EXPECTED_WINNER} appointed, as the rubric says`);
  console.log(`${fakeOk ? "✔" : "✘"} ${FAKE_DIPLOMA_HOLDER}'s fake PDF made the application ineligible`);
  if (!winnerOk || !fakeOk) exitCode = 1;
} catch (error) {
  console.error(`Demo failed: ${(error as Error).message}`);
  exitCode = 1;
} finally {
  await stack?.close();
}
process.exit(exitCode);
