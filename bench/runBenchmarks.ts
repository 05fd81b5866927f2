// All benchmarks of issue #5: `npm run bench`. Runs the cold-start benchmark (bench/coldStart.ts), the
// request-overhead benchmark (bench/requestOverhead.ts, local stack in this process, ~25 s) and the
// national-scale assignment benchmark (bench/assignmentScale.ts, in a child process of its own so its
// 0.5 GB heap and CPU do not share a process with anything timed here), takes the latest
// bench/results/load.json if `npm run bench:load` has written one, writes the summary to
// bench/results.json and regenerates the tables of docs/performance.md between their marker comments
// (`<!-- bench:NAME -->` … `<!-- /bench:NAME -->`), leaving the prose around them as it is.
// Every machine-dependent figure in the tables is a ratio against a reference measured in the same run;
// the absolute milliseconds stay in bench/results.json. Benchmarks, not tests: nothing here fails on a
// time; it fails only if a benchmark cannot run.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import type { ScaleFigures } from "./assignmentScale.ts";
import { runColdStart, type BundleFigures, type ColdStartFigures } from "./coldStart.ts";
import { runRequestOverhead, type OverheadFigures } from "./requestOverhead.ts";

const resultsFile = fileURLToPath(new URL("./results.json", import.meta.url));
const loadFile = fileURLToPath(new URL("./results/load.json", import.meta.url));
const docsFile = fileURLToPath(new URL("../docs/performance.md", import.meta.url));
const projectRoot = fileURLToPath(new URL("..", import.meta.url));

const log = (line: string): void => console.error(line);
const started = performance.now();

// ---- run ----------------------------------------------------------------------------------------------

log("bench: cold start");
const coldStart = await runColdStart({ runs: 20, log });

log("bench: request overhead (in-process handlers against raw DocumentClient calls, DynamoDB Local)");
const overhead: OverheadFigures = await runRequestOverhead({ runs: 200, warmups: 20, log });

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
    f.kind === "reference" ? "–" : mark(f.sizePass),
    f.kind === "reference" ? "–" : mark(f.loadPass),
    f.topPackages.slice(0, 3).map((p) => `${p.package} ${(p.bytes / 1024).toFixed(0)}`).join(", ") + (f.loadError ? ` (load failed: ${f.loadError})` : ""),
  ];
  const { summary } = figures;
  const header = ["bundle", "kind", "minified KB", "load ÷ bare", "≤ 400 KB", "≤ 1.2 × bare", "largest packages (KB)"];
  const references = figures.references.map((f) => [f.name, "reference", fixed(f.kb, 1), fixed(f.loadRatio), "–", "–", f.topPackages.slice(0, 3).map((p) => `${p.package} ${(p.bytes / 1024).toFixed(0)}`).join(", ")]);
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
      `load = p50 over ${figures.runsPerBundle} fresh Node processes, as a ratio against the bare reference's p50 in the same run. ` +
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
document = replaceSection(document, "assignment", assignmentTable());
document = replaceSection(document, "load", loadTable());
writeFileSync(docsFile, document);

log(
  `bench: done in ${results.wallSeconds} s — cold start: ${coldStart.summary.bothPass}/${coldStart.summary.functions} functions within both targets ` +
    `(${coldStart.summary.sizePass} size, ${coldStart.summary.loadPass} load); bare reference ${coldStart.references[0]!.loadMs.p50} ms p50; ` +
    `request overhead ${overhead.routes.map((r) => `${r.route} ${(r.overhead * 100).toFixed(0)} %`).join(", ")}; ` +
    `assignment engine ${ratio(engine.wallMs, firstFit.wallMs)} × first-fit wall time. Wrote bench/results.json and docs/performance.md.`,
);
