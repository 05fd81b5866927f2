import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyAuditChain, type AuditEvent } from "../../functions/domain/audit/auditChain.ts";
import { AdalClient } from "../../infra/local/client/adalClient.ts";
import { approveAndReadBack, EXPECTED_WINNER, openCompetition, scoreSheets, type ScenarioResult } from "../../infra/local/demo/competitionScenario.ts";
import { freePort } from "../../infra/local/freePort.ts";

// `npm start` killed with SIGKILL in the middle of scoring, then started again on the same data: the
// competition goes on from where it was and ends exactly as an uninterrupted one, with nothing done twice.
describe("a competition survives a hard kill of the local stack", () => {
  const children: ChildProcess[] = [];
  let dataDir: string;

  async function startStack(port: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, ["infra/local/start.ts"], {
      env: { ...process.env, ADAL_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    child.stdout!.resume();
    child.stderr!.resume();
    const client = new AdalClient(`http://127.0.0.1:${port}`);
    await client.waitFor("the stack", async () => {
      try {
        return (await client.request("GET", "/health")).status === 200 ? true : undefined;
      } catch {
        return undefined;
      }
    }, 60_000, 200);
    return child;
  }

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("continues after SIGKILL and ends with the uninterrupted result and no duplicated step", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "adal-restart-"));
    const port = await freePort();
    const first = await startStack(port);
    const client = new AdalClient(`http://127.0.0.1:${port}`);
    const competition = await openCompetition(client, () => {}, { closesInSeconds: 15 });
    await scoreSheets(client, competition, { maxSheets: 4 });
    expect(competition.sheets).toBe(4);

    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    await startStack(port);

    // Sessions are re-established: the signing key survived in the data folder, but be explicit.
    for (const username of competition.sessions.keys()) competition.sessions.set(username, await client.login(username));
    await scoreSheets(client, competition);
    expect(competition.sheets).toBe(9);
    const outcome: ScenarioResult = await approveAndReadBack(client, () => {}, competition);

    expect(outcome.applications[EXPECTED_WINNER]).toMatchObject({ status: "appointed", rank: 1, total: 44.5 });
    expect(outcome.results.ranking.map((entry: { total: number }) => entry.total)).toEqual([44.5, 21, 8.5]);

    const hr = await client.login("hr.school1");
    const audit = await client.request("GET", `/cases/${competition.vacancyId}/audit?limit=100`, { token: hr.token });
    const events = audit.body.items.map((item: AuditEvent) => ({ ...item, caseId: competition.vacancyId })) as AuditEvent[];
    expect(verifyAuditChain(events)).toEqual({ ok: true, count: events.length });
    const count = (action: string) => events.filter((event) => event.action === action).length;
    expect({
      published: count("vacancy.published"),
      closed: count("applications.closed"),
      drawn: count("panel.drawn"),
      sheets: count("score_sheet.submitted"),
      ranked: count("ranking.computed"),
      offers: count("offer.opened"),
      decided: count("competition.decided"),
    }).toEqual({ published: 1, closed: 1, drawn: 1, sheets: 9, ranked: 1, offers: 1, decided: 1 });
  }, 240_000);
});
