// All benchmarks of issue #5: `npm run bench`. Runs the request-overhead benchmark alone first
// (bench/requestOverhead.ts, local stack in this process, ~35 s), then starts the workflow-throughput runs
// (bench/workflowThroughput.ts: a 200-applicant competition and attestation waves on the local stack, ~13 min,
// in a child process; their counts priced by bench/costPerCase.ts) and meanwhile runs the cold-start benchmark
// (bench/coldStart.ts) and the national-scale assignment benchmark (bench/assignmentScale.ts, in a child process of its own so its
// 0.5 GB heap and CPU do not share a process with anything timed here); then weighs the web app's first
// page (bench/webFirstPage.ts), takes the latest bench/results/load.json if `npm run bench:load` has written
// one, writes the summary to bench/results.json and regenerates the tables of docs/performance.md between
// their marker comments (`<!-- bench:NAME -->` … `<!-- /bench:NAME -->`), leaving the prose around them as
// it is. Every machine-dependent figure of the first three is a ratio against a reference measured in the
// same run (so the load the workflow runs add cancels out); the workflow runs report seconds and cases per
// minute on this machine. Benchmarks, not tests: nothing here fails on a time; it fails only if a
// benchmark cannot run.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ScaleFigures } from "./assignmentScale.ts";
import { runColdStart, type BundleFigures, type ColdStartFigures } from "./coldStart.ts";
import { costPerCase, unloadedDurations, type CaseCost, type CostFigures } from "./costPerCase.ts";
import { runRequestOverhead, type OverheadFigures } from "./requestOverhead.ts";
import { CALIBRATION_CASES, type WorkflowFigures } from "./workflowThroughput.ts";
import { runWebFirstPage, type WebFigures } from "./webFirstPage.ts";
import { nearestRank } from "./nearestRank.ts";

const resultsFile = fileURLToPath(new URL("./results.json", import.meta.url));
const loadFile = fileURLToPath(new URL("./results/load.json", import.meta.url));
const docsFile = fileURLToPath(new URL("../docs/performance.md", import.meta.url));
const projectRoot = fileURLToPath(new URL("..", import.meta.url));

const log = (line: string): void => console.error(line);
const started = performance.now();

// ---- run ----------------------------------------------------------------------------------------------

// Request overhead first and alone (~35 s): its target is a 10 % margin, and beside the workflow runs the
// machine's load alone moved it by more than that (+19 % beside them, +8 % alone for the same route).
log("bench: request overhead (in-process handlers against raw DocumentClient calls, DynamoDB Local)");
const overhead: OverheadFigures = await runRequestOverhead({ runs: 200, warmups: 20, log });

// The workflow runs take ~13 minutes, mostly people's steps and deadlines played out on the local stack; they
// run in a child process alongside the other benchmarks, whose figures are ratios within their own runs.
const applicants = Number(process.env.BENCH_APPLICANTS ?? 200);
/** Attestation waves, one after the other: the issue's one wave of 1,000 at once unless BENCH_WAVES says otherwise. */
const waves = (process.env.BENCH_WAVES ?? "1000").split(",").map(Number);
/** The small wave run first, whose unloaded handler times the cost model bills (bench/costPerCase.ts). */
const calibration = Number(process.env.BENCH_CALIBRATION ?? CALIBRATION_CASES);
log(`bench: workflow throughput started (${applicants}-applicant competition, a calibration wave of ${calibration}, attestation waves of ${waves.join(" and ")}; local stack in a child process)`);
const workflowDir = mkdtempSync(join(os.tmpdir(), "adal-bench-"));
const workflowFile = join(workflowDir, "workflows.json");
const workflowChild = spawn(
  process.execPath,
  ["bench/workflowThroughput.ts", `--applicants=${applicants}`, `--waves=${waves.join(",")}`, `--calibration=${calibration}`, `--out=${workflowFile}`],
  { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"] },
);
const workflowExit = new Promise<number | null>((resolve) => workflowChild.once("exit", resolve));
// If anything here fails, the workflow runs are of no use: they stop with this process.
process.once("exit", () => workflowChild.kill());

log("bench: cold start");
const coldStart = await runColdStart({ runs: 20, log });

log("bench: assignment scale (80,000 cases, 5,000 members; child process)");
const scaleScript =
  'import { runAssignmentScale } from "./bench/assignmentScale.ts"; ' +
  "console.log(JSON.stringify(runAssignmentScale({ verify: true })));";
const scaleChild = spawnSync(process.execPath, ["--input-type=module", "-e", scaleScript], {
  cwd: projectRoot,
  encoding: "utf8",
  maxBuffer: 16 * 1024 * 1024,
});
if (scaleChild.status !== 0) throw new Error(`bench/assignmentScale.ts failed:\n${scaleChild.stderr}`);
const scale = JSON.parse(scaleChild.stdout.trim().split("\n").at(-1)!) as ScaleFigures;



log("bench: web app first page (vite build into a temporary folder, compressed sizes)");
const web: WebFigures = runWebFirstPage(log);
if (web.skipped) log(`bench: web app first page skipped — ${web.skipped}`);

log("bench: waiting for the workflow runs");
const workflowStatus = await workflowExit;
if (workflowStatus !== 0 || !existsSync(workflowFile)) throw new Error("bench/workflowThroughput.ts failed (see its output above)");
const workflows = JSON.parse(readFileSync(workflowFile, "utf8")) as WorkflowFigures;
rmSync(workflowDir, { recursive: true, force: true });
const cost: CostFigures = costPerCase(workflows);

type LoadReport = {
  at: string;
  node: string;
  setup: Record<string, unknown>;
  checks: Record<string, unknown>;
  load: {
    seconds: number;
    overall: RouteLoad;
    routes: Record<string, RouteLoad>;
  };
  problems: unknown[];
};
type RouteLoad = { requests: number; throughputPerSecond: number; p50Ms: number; p99Ms: number; maxMs: number; statuses: Record<string, number> };
const load = existsSync(loadFile) ? (JSON.parse(readFileSync(loadFile, "utf8")) as LoadReport) : undefined;
if (!load) log("bench: no bench/results/load.json (run `npm run bench:load` to add the load test)");

// ---- summarise ----------------------------------------------------------------------------------------

const ratio = (value: number, reference: number): number => Math.round((value / reference) * 100) / 100;
const engine = scale.runs.find((run) => run.name.startsWith("assignPanels"))!;
const firstFit = scale.runs.find((run) => run.name.startsWith("greedy first-fit"))!;
/** The lightest read of the load test: its p50 is the reference the other routes are read against. */
const LOAD_REFERENCE_ROUTE = "GET /me/assignments";
const loadReference = load?.load.routes[LOAD_REFERENCE_ROUTE];

const results = {
  generatedAt: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.arch()}`,
  },
  wallSeconds: 0,
  coldStart,
  overhead,
  workflows: summariseWorkflows(workflows),
  cost,
  web,
  assignment: {
    options: scale.options,
    reference: firstFit.name,
    generateMs: scale.generateMs,
    hashMs: scale.hashMs,
    verifyMs: scale.verifyMs,
    verified: scale.verified,
    peakRssMiB: scale.peakRssMiB,
    runs: scale.runs.map((run) => ({
      ...run,
      wallRatio: ratio(run.wallMs, firstFit.wallMs),
      cpuRatio: ratio(run.cpuMs, firstFit.cpuMs),
    })),
  },
  load: load
    ? {
        source: "bench/results/load.json",
        at: load.at,
        node: load.node,
        setup: load.setup,
        checks: load.checks,
        problems: load.problems,
        referenceRoute: LOAD_REFERENCE_ROUTE,
        overall: load.load.overall,
        routes: Object.fromEntries(
          Object.entries(load.load.routes).map(([route, figures]) => [
            route,
            {
              ...figures,
              p50Ratio: loadReference ? ratio(figures.p50Ms, loadReference.p50Ms) : null,
              p99Ratio: loadReference ? ratio(figures.p99Ms, loadReference.p50Ms) : null,
            },
          ]),
        ),
      }
    : null,
};
results.wallSeconds = Math.round((performance.now() - started) / 1000);
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

// ---- tables -------------------------------------------------------------------------------------------

/** The workflow figures without the raw per-invocation durations (kept as percentiles). */
function summariseWorkflows(figures: WorkflowFigures) {
  return {
    ...figures,
    phases: figures.phases.map((phase) => ({
      name: phase.name,
      seconds: phase.seconds,
      presignedUploads: phase.usage.presignedUploads,
      transitions: phase.usage.transitions,
      states: Object.fromEntries(Object.entries(phase.usage.stateTimes).map(([state, ms]) => [state, { count: ms.length, ...msPercentiles(ms) }])),
      functions: Object.fromEntries(
        Object.entries(phase.usage.functions).map(([module, use]) => {
          const { durations, ...rest } = use;
          return [module, { ...rest, ...msPercentiles(durations) }];
        }),
      ),
    })),
  };
}

function msPercentiles(ms: readonly number[]): { p50Ms: number; p90Ms: number; totalMs: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => nearestRank(sorted, q) ?? 0;
  return { p50Ms: Math.round(at(0.5) * 10) / 10, p90Ms: Math.round(at(0.9) * 10) / 10, totalMs: Math.round(sorted.reduce((a, b) => a + b, 0)) };
}

const mark = (pass: boolean): string => (pass ? "pass" : "**miss**");
const fixed = (value: number, digits = 2): string => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function coldStartTables(figures: ColdStartFigures): string {
  const bare = figures.references[0]!;
  const row = (f: BundleFigures): (string | number)[] => [
    `\`${f.name}\``,
    f.kind,
    fixed(f.kb, 1),
    fixed(f.loadRatio),
    fixed(f.wallRatio),
    f.kind === "reference" ? "–" : mark(f.sizePass),
    f.kind === "reference" ? "–" : mark(f.loadPass),
    f.topPackages.slice(0, 3).map((p) => `${p.package} ${(p.bytes / 1024).toFixed(0)}`).join(", ") + (f.loadError ? ` (load failed: ${f.loadError})` : ""),
  ];
  const { summary } = figures;
  const header = ["bundle", "kind", "minified KB", "load CPU ÷ bare", "load wall ÷ bare", "≤ 400 KB", "≤ 1.2 × bare", "largest packages (KB)"];
  const references = figures.references.map((f) => [f.name, "reference", fixed(f.kb, 1), fixed(f.loadRatio), fixed(f.wallRatio), "–", "–", f.topPackages.slice(0, 3).map((p) => `${p.package} ${(p.bytes / 1024).toFixed(0)}`).join(", ")]);
  const functions = [...figures.functions].sort((a, b) => b.bytes - a.bytes).map(row);
  const attribution = figures.attribution
    .map(
      (a) =>
        `**${a.bundle}** (${(a.bytes / 1024).toFixed(1)} KB):\n\n` +
        table(
          ["package", "KB", "share"],
          a.packages.slice(0, 12).map((p) => [p.package, (p.bytes / 1024).toFixed(1), `${((p.bytes / a.bytes) * 100).toFixed(0)} %`]),
        ),
    )
    .join("\n\n");
  return [
    `Run of ${figures.at.slice(0, 16).replace("T", " ")} UTC, Node ${figures.node}, esbuild ${figures.esbuild}; ` +
      `load = p50 over ${figures.runsPerBundle} fresh Node processes of the import's CPU time (the verdict) and of its wall time, each as a ratio against the bare reference's p50 in the same run. ` +
      `**${summary.functions} functions: ${summary.sizePass} within 400 KB, ${summary.loadPass} within 1.2 × bare load, ${summary.bothPass} within both.** ` +
      `Bare reference: ${fixed(bare.kb, 1)} KB.`,
    "",
    table(header, [...references, ...functions]),
    "",
    "Bytes per package (esbuild metafile, minified bytes in the output; KB = 1,024 bytes; project code grouped by folder):",
    "",
    attribution,
  ].join("\n");
}

function assignmentTable(): string {
  const o = scale.options;
  return [
    `${o.cases.toLocaleString("en")} cases, ${o.members.toLocaleString("en")} members, ${o.regions} regions, ${o.pools} pools, panel ${o.panelSize}, ` +
      `conflicts ${o.conflictRate * 100} %, subject match ${o.subjectMatchShare * 100} %, seed \`${o.seed}\`. ` +
      `Times as ratios against greedy first-fit in the same run; verifyDraw of the engine's result: ${scale.verified ? "ok" : "FAILED"}.`,
    "",
    table(
      ["run", "wall ÷ first-fit", "CPU ÷ first-fit", "assigned", "unassigned", "violations", "load max−min", "max−min below cap", "worst pool max−min below cap"],
      results.assignment.runs.map((run) => [
        run.name,
        fixed(run.wallRatio),
        fixed(run.cpuRatio),
        run.assignedCases,
        run.unassignedCases,
        run.violations,
        run.loadSpread.maxMinusMin,
        run.loadSpreadBelowCap.maxMinusMin,
        run.worstPoolSpreadBelowCap,
      ]),
    ),
  ].join("\n");
}

function loadTable(): string {
  if (!results.load) return "_No `bench/results/load.json` at the time of this run; `npm run bench:load` writes it._";
  const l = results.load;
  return [
    `From \`bench/results/load.json\` of ${l.at.slice(0, 16).replace("T", " ")} UTC (Node ${l.node}; ${String(l.setup["candidates"])} candidates, ` +
      `${String(l.setup["experts"])} experts, concurrency ${String(l.setup["concurrency"])}, local stack); ` +
      `latencies as ratios against the p50 of \`${l.referenceRoute}\` in that run; problems found: ${l.problems.length}.`,
    "",
    table(
      ["route", "requests", "p50 ÷ ref", "p99 ÷ ref", "statuses"],
      Object.entries(l.routes).map(([route, f]) => [
        `\`${route}\``,
        f.requests,
        f.p50Ratio === null ? "n/a" : fixed(f.p50Ratio),
        f.p99Ratio === null ? "n/a" : fixed(f.p99Ratio),
        Object.entries(f.statuses).map(([status, count]) => `${status}: ${count}`).join(", "),
      ]),
    ),
  ].join("\n");
}

function overheadTable(figures: OverheadFigures): string {
  const percent = (value: number): string => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(0)} %`;
  return [
    `Run of ${figures.at.slice(0, 16).replace("T", " ")} UTC, Node ${figures.node}; ${figures.runs} timed invocations per route after ${figures.warmups} warm-ups, ` +
      `in-process handlers against the same DynamoDB commands replayed through a plain DocumentClient, both on DynamoDB Local; ` +
      `"our layers alone" = the same invocations with every DynamoDB response served from memory; ` +
      `times as ratios against the raw p50 of the same route. Target: overhead ≤ ${(figures.target * 100).toFixed(0)} %.`,
    "",
    table(
      ["route", "ours p50 ÷ raw p50", "ours p99 ÷ raw p50", "raw p99 ÷ raw p50", "our layers alone p50 ÷ raw p50", "overhead", `≤ ${(figures.target * 100).toFixed(0)} %`, "DynamoDB requests", "by command", "scans", "failures"],
      figures.routes.map((r) => [
        `\`${r.route}\``,
        fixed(r.ours.p50 / r.raw.p50),
        fixed(r.ours.p99 / r.raw.p50),
        fixed(r.raw.p99 / r.raw.p50),
        fixed(r.stubbed.p50 / r.raw.p50),
        percent(r.overhead),
        mark(r.overheadPass),
        r.dynamoRequestsPerInvocation,
        Object.entries(r.commands).map(([name, count]) => `${name.replace(/Command$/, "")} ${count}`).join(", "),
        r.scans === 0 ? "none" : `**${r.scans}**`,
        r.failures + r.rawReplayErrors === 0 ? "0" : `${r.failures} ours, ${r.rawReplayErrors} raw`,
      ]),
    ),
  ].join("\n");
}

function workflowTables(figures: WorkflowFigures): string {
  const c = figures.competition;
  const cases = figures.waves.reduce((sum, wave) => sum + wave.cases, 0);
  const segments = (parts: Record<string, number>, total: number) =>
    table(["segment", "seconds", "share"], Object.entries(parts).map(([name, seconds]) => [name, fixed(seconds, 1), `${Math.round((seconds / total) * 100)} %`]));
  const phaseOf = (prefix: string) => figures.phases.filter((phase) => phase.name.startsWith(prefix));
  const stateRows = (prefix: string, cases: number) => {
    const times = new Map<string, number[]>();
    for (const phase of phaseOf(prefix)) for (const [state, ms] of Object.entries(phase.usage.stateTimes)) times.set(state, [...(times.get(state) ?? []), ...ms]);
    return [...times.entries()]
      .map(([state, ms]) => ({ state, perCase: ms.length / cases, ...msPercentiles(ms) }))
      .sort((x, y) => y.totalMs - x.totalMs)
      .slice(0, 12)
      .map((r) => [`\`${r.state}\``, fixed(r.perCase), fixed(r.p50Ms, 0), fixed(r.p90Ms, 0), fixed(r.totalMs / 1000, 1)]);
  };
  const functionRows = (prefix: string, cases: number) => {
    const rows = new Map<string, { invocations: number; durations: number[]; requests: number }>();
    for (const phase of phaseOf(prefix))
      for (const [module, use] of Object.entries(phase.usage.functions)) {
        const row = rows.get(module) ?? { invocations: 0, durations: [], requests: 0 };
        row.invocations += use.invocations;
        row.durations.push(...use.durations);
        row.requests += Object.values(use.dynamo).reduce((sum, d) => sum + d.requests, 0);
        rows.set(module, row);
      }
    return [...rows.entries()]
      .filter(([module]) => !module.startsWith("("))
      .map(([module, r]) => ({ module, ...r, ...msPercentiles(r.durations) }))
      .sort((x, y) => y.totalMs - x.totalMs)
      .slice(0, 12)
      .map((r) => [
        `\`${r.module}\``,
        fixed(r.invocations / cases),
        fixed(r.p50Ms, 0),
        fixed(r.p90Ms, 0),
        unloaded.has(r.module) ? fixed(msPercentiles(unloaded.get(r.module)!).p90Ms, 0) : "–",
        fixed(r.totalMs / 1000, 1),
        fixed(r.requests / Math.max(1, r.invocations), 1),
      ]);
  };
  const stateHeader = ["state (workflow: state)", "entered per case", "p50 ms", "p90 ms", "total s"];
  const unloaded = unloadedDurations(figures.phases);
  const functionHeader = ["function", "invocations per case", "p50 ms", "p90 ms", "unloaded p90 ms (billed)", "total s", "DynamoDB requests per invocation"];
  return [
    `Run of ${figures.at.slice(0, 16).replace("T", " ")} UTC, Node ${figures.node}; local stack (startLocalStack, own data folder) in a child process; ` +
      `${figures.wallSeconds} s wall clock for both runs including filing. Seconds and cases per minute are this machine's (2 shared cores): ` +
      `every request of every case is served by one DynamoDB Local, one s3rver and one Node process.`,
    "",
    `**Competition:** ${c.applicants} applicants, panel of ${c.panelSize} (${c.experts} experts), ${c.sheets} sheets; deadline → ranking ${fixed(c.deadlineToRankingSeconds, 1)} s ` +
      `(**${fixed(c.applicationsPerMinute, 1)} applications per minute**); outcome \`${c.outcome}\`.`,
    "",
    segments(c.segments, c.deadlineToRankingSeconds),
    "",
    `A competition of the national average's size first (${figures.smallCompetition.applicants} applications, for its cost): deadline → ranking ${fixed(figures.smallCompetition.deadlineToRankingSeconds, 1)} s.` +
      (Object.keys(figures.retries).length > 0 ? ` API calls the driver retried after a 5xx or a reset connection under the machine's load: ${Object.entries(figures.retries).map(([what, n]) => `${what} ${n}`).join(", ")}.` : ""),
    "",
    `**Attestation waves:** each wave's cases submitted at once (${figures.waves[0]?.experts} experts in the district pool); the applications' filing took ${fixed(c.filingSeconds, 1)} s before the deadline.`,
    "",
    table(
      ["wave", "sheets", "votes", "submission → decided (s)", "cases per minute to decided", "→ final (s)", "cases per minute to final", "appeal window (s)", "outcomes"],
      figures.waves.map((w) => [w.calibration ? `${w.cases} (calibration)` : w.cases, w.sheets, w.votes, fixed(w.submissionToDecidedSeconds, 1), `**${fixed(w.casesPerMinuteToDecided, 1)}**`, fixed(w.submissionToFinalSeconds, 1), fixed(w.casesPerMinuteToFinal, 1), w.appealWindowSeconds, Object.entries(w.outcomes).map(([k, n]) => `${k} ${n}`).join(", ")]),
    ),
    "",
    ...figures.waves.filter((w) => !w.calibration).flatMap((w) => [`Wave of ${w.cases}:`, "", segments(w.segments, w.submissionToFinalSeconds), ""]),
    "Where the time goes, by state (time from entering a state to leaving it, from the engine's state log; a `.waitForTaskToken` state's time includes the people's work it waits for, a Map's the whole of its iterations):",
    "",
    table(stateHeader, [...stateRows("competition", c.applicants), ...stateRows("attestation", cases)]),
    "",
    "By function (handler time of each Lambda invocation, API and tasks; under the wave's load most of it is waiting for DynamoDB Local; \"unloaded\" = the calibration wave and the small competition, each run alone — what the cost model bills):",
    "",
    "Competition (per application):",
    "",
    table(functionHeader, functionRows("competition", c.applicants)),
    "",
    "Attestation (per case, all waves):",
    "",
    table(functionHeader, functionRows("attestation", cases)),
  ].join("\n");
}

function costTables(figures: CostFigures): string {
  const money = (usd: number) => `$${usd < 0.001 ? usd.toFixed(6) : usd.toFixed(4)}`;
  const caseTable = (x: CaseCost) =>
    table(["item", "per case", "unit", "USD per case"], [
      ...x.lines.map((l) => [l.item, fixed(l.count, l.count < 1 ? 4 : 2), l.unit, money(l.usd)]),
      ["**total**", "", "", `**${money(x.usdPerCase)}**`],
    ]);
  const verdict = (x: CaseCost) =>
    `**${money(x.usdPerCase)} per ${x.kind}** (target ≤ $${x.targetUsd}: ${x.pass ? "pass" : "**miss**"}; biggest item: ${x.biggest}); ` +
    `Lambda duration billed at each function's p90 in the runs served alone (the calibration wave, the small competition). ` +
    `As the local handlers took under this run's own load: ${money(x.usdPerCaseMeasured)}; with every modelled millisecond stretched as if CPU-bound at 512 MB's CPU share: ${money(x.usdPerCaseSlowCpu)}.`;
  const top = (x: CaseCost) =>
    table(["function", "invocations per case", "USD per case", "RRU", "WRU", "DynamoDB requests"],
      x.byFunction.slice(0, 8).map((f) => [`\`${f.module}\``, fixed(f.invocations), money(f.usd), fixed(f.readUnits, 1), fixed(f.writeUnits, 1), fixed(f.dynamoRequests, 1)]));
  return [
    `Priced for ${figures.region} from the counts of the workflow run above (per case = the phase's totals ÷ its cases).`,
    "",
    `Competition application (${figures.competition.cases} applicants in one competition): ${verdict(figures.competition)}`,
    "",
    caseTable(figures.competition),
    "",
    `A competition of the national average's size, ${figures.smallCompetition.cases} applications (DOMAIN.md §5: 2,109 in 1,063 competitions), everything it cost — vacancy, filing, workflow, sheets, approval — per application: ${verdict(figures.smallCompetition)}`,
    "",
    caseTable(figures.smallCompetition),
    "",
    `Attestation case (${figures.attestation.cases} cases): ${verdict(figures.attestation)}`,
    "",
    caseTable(figures.attestation),
    "",
    "The functions that cost most per attestation case (their Lambda, DynamoDB, S3, API and log items):",
    "",
    top(figures.attestation),
    "",
    `State transitions per attestation case: ${figures.attestation.byState.slice(0, 10).map((s) => `${s.state.replace(/^attestation: /, "")} ${fixed(s.transitions)}`).join(", ")}.`,
    "",
    `**Yearly national figure: $${figures.yearly.usd.toFixed(0)}** — ${figures.yearly.basis}.`,
    "",
    "Prices (USD, eu-central-1):",
    "",
    table(["item", "price", "source", "taken"], figures.prices.map((p) => [p.item, `$${p.usd} per ${p.per.toLocaleString("en")} ${p.unit}`, p.source, p.taken])),
  ].join("\n");
}

function webTable(figures: WebFigures): string {
  if (figures.skipped) return `_Not measured in the run of ${figures.at.slice(0, 16).replace("T", " ")} UTC: ${figures.skipped}._`;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  return [
    `Run of ${figures.at.slice(0, 16).replace("T", " ")} UTC (vite build ${figures.buildSeconds} s). JavaScript before the first page (\`/\`, the public vacancy list) can render: ` +
      `**${fixed(figures.js.gzipKB, 1)} KB gzip, ${fixed(figures.js.brotliKB, 1)} KB brotli** (${kb(figures.js.bytes)} KB minified); target ≤ ${figures.targetKB} KB compressed: ${mark(figures.pass)}.`,
    "",
    table(["file", "role", "minified KB", "gzip KB", "brotli KB"], figures.files.map((f) => [`\`${f.file}\``, f.role, kb(f.bytes), kb(f.gzip), kb(f.brotli)])),
    "",
    ...figures.slow3g.flatMap((e) => [`Estimated on ${e.profile}: **${fixed(e.seconds, 1)} s** to the first page's scripts (${e.waterfall.join("; ")}), before the vacancy list's own API call (one more round trip).`, ""]),
  ].join("\n");
}

function replaceSection(document: string, name: string, body: string): string {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start < 0 || end < start) throw new Error(`docs/performance.md lacks the markers ${open} … ${close}`);
  return `${document.slice(0, start + open.length)}\n${body}\n${document.slice(end)}`;
}

let document = readFileSync(docsFile, "utf8");
document = replaceSection(document, "coldstart", coldStartTables(coldStart));
document = replaceSection(document, "overhead", overheadTable(overhead));
document = replaceSection(document, "workflows", workflowTables(workflows));
document = replaceSection(document, "cost", costTables(cost));
document = replaceSection(document, "web", webTable(web));
document = replaceSection(document, "assignment", assignmentTable());
document = replaceSection(document, "load", loadTable());
writeFileSync(docsFile, document);

log(
  `bench: done in ${results.wallSeconds} s — cold start: ${coldStart.summary.bothPass}/${coldStart.summary.functions} functions within both targets ` +
    `(${coldStart.summary.sizePass} size, ${coldStart.summary.loadPass} load); bare reference ${coldStart.references[0]!.loadCpuMs.p50} ms CPU, ${coldStart.references[0]!.loadMs.p50} ms wall p50; ` +
    `request overhead ${overhead.routes.map((r) => `${r.route} ${(r.overhead * 100).toFixed(0)} %`).join(", ")}; ` +
    `workflows: ${workflows.competition.applicationsPerMinute} applications/min, ${workflows.waves.map((w) => `${w.casesPerMinuteToDecided} (wave of ${w.cases})`).join(", ")} attestation cases/min to decided; ` +
    `cost $${cost.competition.usdPerCase.toFixed(5)} per application, $${cost.attestation.usdPerCase.toFixed(5)} per attestation case; ` +
    `assignment engine ${ratio(engine.wallMs, firstFit.wallMs)} × first-fit wall time. Wrote bench/results.json and docs/performance.md.`,
);
