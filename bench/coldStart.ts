// Cold-start benchmark (issue #5): `node bench/coldStart.ts [--runs=20]` (or through `npm run bench`).
// Builds every Lambda bundle of the app — one per route handler of functions/routes.ts, one per task
// placeholder of the workflows (functions/tasks/<name>.ts), and the stream consumer(s) under
// functions/streams/ — with the esbuild options the CDK app uses, plus references built the same way in the
// same run (bench/reference/): a bare DynamoDB GetItem handler, the same with middy core and classic zod, and
// the bare handler once more without the credential-provider alias (the default chain a plain build has).
// For each bundle it records the minified size, the bytes per package (esbuild metafile) and the p50
// module-load time over N fresh Node processes, as CPU time (the verdict) and as wall time; both are
// reported as ratios against the bare reference (built with the functions' options, alias included). Bundles go to bench/results/coldstart/ (git-ignored).

import { readdirSync, readFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type BuildOptions, type Metafile } from "esbuild";
import { routeList } from "../functions/routes.ts";
import { lambdaBundling, lambdaRuntime } from "../infra/aws/appFunction.ts";
import { readAsl, taskPlaceholders } from "../infra/aws/asl.ts";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const outRoot = path.join(projectRoot, "bench", "results", "coldstart");

/** The targets of issue #5. */
export const LOAD_RATIO_TARGET = 1.2;
export const SIZE_TARGET_KB = 400;

// ---- the bundling options ---------------------------------------------------------------------------

/**
 * The esbuild options of a Lambda bundle: `lambdaBundling` of infra/aws/appFunction.ts (the `bundling` the
 * CDK's NodejsFunction gets) translated the way aws-cdk-lib/aws-lambda-nodejs/lib/bundling.js turns it into
 * an esbuild command line (--bundle, --target=node<N> from the runtime, --platform=node, --format,
 * --outfile=index.mjs, --minify, --banner:js, --main-fields, --external per external module, esbuildArgs
 * such as --alias:<package>=<path> resolved from projectRoot). An option this function does not translate
 * fails the run, so the bench and the tests cannot drift from what the CDK app builds.
 * `alias: false` leaves the aliases out: the bench's unaliased reference, and the tests' before/after.
 */
export function lambdaBuildOptions(entry: string, outfile: string, options: { alias?: boolean } = {}): BuildOptions {
  const { format, mainFields, banner, minify, sourceMap, externalModules, forceDockerBundling, esbuildArgs, ...rest } = lambdaBundling;
  const untranslated = [
    ...Object.keys(rest),
    ...Object.keys(esbuildArgs ?? {}).filter((key) => key !== "--alias"),
    ...(sourceMap ? ["sourceMap"] : []),
    ...(forceDockerBundling ? ["forceDockerBundling"] : []),
  ];
  if (untranslated.length > 0) {
    throw new Error(`bench/coldStart.ts cannot translate these bundling options of infra/aws/appFunction.ts: ${untranslated.join(", ")}`);
  }
  const aliasArgument = esbuildArgs?.["--alias"];
  const aliases = typeof aliasArgument === "string" ? [aliasArgument] : Array.isArray(aliasArgument) ? aliasArgument : [];
  const version = /nodejs(\d+)/.exec(lambdaRuntime.name)?.[1];
  if (!version) throw new Error(`No Node version in the Lambda runtime ${lambdaRuntime.name}`);
  return {
    absWorkingDir: projectRoot,
    entryPoints: [entry],
    bundle: true,
    target: `node${version}`,
    platform: "node",
    ...(format ? { format } : {}),
    outfile,
    minify: minify ?? false,
    sourcemap: false,
    // The CDK leaves the SDK out of the bundle unless told otherwise.
    external: externalModules ?? ["@aws-sdk/*"],
    ...(mainFields ? { mainFields } : {}),
    ...(banner ? { banner: { js: banner } } : {}),
    ...(options.alias === false ? {} : { alias: Object.fromEntries(aliases.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)])) }),
    logLevel: "warning",
    // Not in the CDK's command line; esbuild's output is the same with or without it.
    metafile: true,
  };
}

// ---- what gets bundled ------------------------------------------------------------------------------

export type BundleKind = "route" | "task" | "stream" | "reference";
export type BundleEntry = { name: string; kind: BundleKind; entry: string; alias?: false };

const workflowsDir = path.join(projectRoot, "workflows");

export function lambdaEntries(): BundleEntry[] {
  const routes = [...new Set(routeList.map((route) => route.handler))].map((handler) => ({
    name: handler,
    kind: "route" as const,
    entry: `functions/${handler}.ts`,
  }));
  // As infra/aws/workflows.ts does: one task function per distinct placeholder across the workflows.
  const taskNames = [
    ...new Set(
      readdirSync(workflowsDir)
        .filter((file) => file.endsWith(".asl.json"))
        .flatMap((file) => taskPlaceholders(readAsl(path.join(workflowsDir, file)))),
    ),
  ].sort();
  const tasks = taskNames.map((name) => ({ name: `tasks/${name}`, kind: "task" as const, entry: `functions/tasks/${name}.ts` }));
  const streams = readdirSync(path.join(projectRoot, "functions", "streams"))
    .filter((file) => file.endsWith(".ts"))
    .map((file) => ({ name: `streams/${file.replace(/\.ts$/, "")}`, kind: "stream" as const, entry: `functions/streams/${file}` }));
  return [...routes, ...tasks, ...streams];
}

export const referenceEntries: BundleEntry[] = [
  { name: "reference: bare GetItem (SDK v3 + DocumentClient)", kind: "reference", entry: "bench/reference/bareGetItem.ts" },
  { name: "reference: GetItem + middy core + classic zod", kind: "reference", entry: "bench/reference/middyZodGetItem.ts" },
  // The bare handler as a plain SDK build has it: the default credential chain, which the functions' alias
  // replaces; shows what the alias saves, while the ratios stay against the same build options as the functions.
  { name: "reference: bare GetItem, default credential chain (no alias)", kind: "reference", entry: "bench/reference/bareGetItem.ts", alias: false },
];

// ---- measuring ----------------------------------------------------------------------------------------

export type PackageBytes = { package: string; bytes: number };

export type BundleFigures = {
  name: string;
  kind: BundleKind;
  entry: string;
  bytes: number;
  kb: number;
  /** Wall-clock time of the import. */
  loadMs: { p50: number; min: number; max: number; runs: number };
  /** CPU time the process spent on the import (user + system, every thread: V8's compiler and GC helpers too). */
  loadCpuMs: { p50: number; min: number; max: number; runs: number };
  /**
   * p50 CPU time of the import over the bare reference's, from the same run: the verdict's ratio. The suite
   * measures beside the workflow runs on two cores, where wall time counts the turns the scheduler gives
   * other processes as much as the bundle's own work; CPU time counts the work.
   */
  loadRatio: number;
  /** p50 wall time over the bare reference's, from the same run (equal to the CPU ratio within a few points on a quiet machine). */
  wallRatio: number;
  sizePass: boolean;
  loadPass: boolean;
  topPackages: PackageBytes[];
  loadError?: string;
};

export type ColdStartFigures = {
  at: string;
  node: string;
  esbuild: string;
  runsPerBundle: number;
  buildMs: number;
  measureMs: number;
  targets: { loadRatio: number; sizeKb: number };
  references: BundleFigures[];
  functions: BundleFigures[];
  summary: { functions: number; sizePass: number; loadPass: number; bothPass: number };
  /** Bytes per package, all of them, for the largest function bundle and the bare reference. */
  attribution: { bundle: string; bytes: number; packages: PackageBytes[] }[];
};

/** node_modules/<pkg> (scoped or not), else the project folder the source sits in. */
function packageOf(input: string): string {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input.replaceAll("\\", "/"));
  if (match?.[1]) return match[1];
  const parts = input.split("/");
  return `(project) ${parts.slice(0, Math.min(2, parts.length - 1)).join("/")}`;
}

function attribute(metafile: Metafile): PackageBytes[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = packageOf(input);
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].map(([name, bytes]) => ({ package: name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

const slug = (name: string): string => name.replace(/^reference: /, "ref-").replace(/[^A-Za-z0-9]+/g, "-");

// One fresh Node process per load: time the dynamic import of the bundle, print its wall and CPU ms.
const LOADER =
  "const c = process.cpuUsage(); const t = performance.now(); await import(process.argv[1]); " +
  "const wall = performance.now() - t; const cpu = process.cpuUsage(c); console.log(wall, (cpu.user + cpu.system) / 1000);";

// Set so module-scope code reading its configuration finds it, as on Lambda; nothing is called.
const LOAD_ENV = {
  AWS_REGION: "eu-central-1",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  TABLE_NAME: "adal-bench",
  BUCKET_NAME: "adal-bench",
  AUDIT_ARCHIVE_BUCKET_NAME: "adal-bench",
  LOG_LEVEL: "warn",
};

type LoadSample = { wallMs: number; cpuMs: number };

function loadOnce(file: string): { sample?: LoadSample; error?: string } {
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", LOADER, pathToFileURL(file).href], {
    env: { PATH: process.env.PATH ?? "", ...LOAD_ENV },
    encoding: "utf8",
    timeout: 30_000,
  });
  const [wallMs, cpuMs] = (child.stdout.trim().split("\n").at(-1) ?? "").split(" ").map(Number.parseFloat);
  if (child.status !== 0 || !Number.isFinite(wallMs) || !Number.isFinite(cpuMs)) {
    return { error: (child.stderr || child.stdout || String(child.error)).trim().split("\n").slice(0, 3).join(" ") };
  }
  return { sample: { wallMs: wallMs!, cpuMs: cpuMs! } };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runColdStart(options: { runs?: number; log?: (line: string) => void } = {}): Promise<ColdStartFigures> {
  const runs = options.runs ?? 20;
  const log = options.log ?? ((line: string) => console.error(line));
  const entries = [...referenceEntries, ...lambdaEntries()];
  await rm(outRoot, { recursive: true, force: true });
  await mkdir(outRoot, { recursive: true });

  let started = performance.now();
  const built: { entry: BundleEntry; file: string; bytes: number; packages: PackageBytes[] }[] = [];
  for (const entry of entries) {
    const file = path.join(outRoot, slug(entry.name), "index.mjs");
    const result = await build(lambdaBuildOptions(entry.entry, file, { alias: entry.alias !== false }));
    const bytes = readFileSync(file).byteLength;
    built.push({ entry, file, bytes, packages: attribute(result.metafile!) });
  }
  const buildMs = Math.round(performance.now() - started);
  log(`cold start: built ${built.length} bundles in ${(buildMs / 1000).toFixed(1)} s; loading each ${runs} times, one fresh process at a time`);

  // Rounds, each loading every bundle once, so that drift in the machine's load spreads over all bundles
  // alike instead of landing on whichever was measured last. Sequential: two cores, and a parallel load
  // would time the neighbour as much as the bundle.
  started = performance.now();
  const samples = built.map(() => [] as LoadSample[]);
  const errors: (string | undefined)[] = built.map(() => undefined);
  for (let round = 0; round < runs; round++) {
    built.forEach((bundle, index) => {
      if (errors[index]) return;
      const { sample, error } = loadOnce(bundle.file);
      if (error) errors[index] = error;
      else samples[index]!.push(sample!);
    });
    if ((round + 1) % 5 === 0) log(`cold start: round ${round + 1}/${runs}`);
  }
  const measureMs = Math.round(performance.now() - started);

  const spread = (times: readonly number[]) => ({
    p50: times.length ? round(median(times)) : Number.NaN,
    min: round(Math.min(...times)),
    max: round(Math.max(...times)),
    runs: times.length,
  });
  const bareWall = median(samples[0]!.map((s) => s.wallMs));
  const bareCpu = median(samples[0]!.map((s) => s.cpuMs));
  const figures: BundleFigures[] = built.map((bundle, index) => {
    const wall = samples[index]!.map((s) => s.wallMs);
    const cpu = samples[index]!.map((s) => s.cpuMs);
    const kb = bundle.bytes / 1024;
    const loadRatio = round((cpu.length ? median(cpu) : Number.NaN) / bareCpu, 2);
    return {
      name: bundle.entry.name,
      kind: bundle.entry.kind,
      entry: bundle.entry.entry,
      bytes: bundle.bytes,
      kb: round(kb),
      loadMs: spread(wall),
      loadCpuMs: spread(cpu),
      loadRatio,
      wallRatio: round((wall.length ? median(wall) : Number.NaN) / bareWall, 2),
      sizePass: kb <= SIZE_TARGET_KB,
      loadPass: Number.isFinite(loadRatio) && loadRatio <= LOAD_RATIO_TARGET,
      topPackages: bundle.packages.slice(0, 5),
      ...(errors[index] ? { loadError: errors[index] } : {}),
    };
  });
  const references = figures.filter((f) => f.kind === "reference");
  const functions = figures.filter((f) => f.kind !== "reference");
  const largest = built.filter((b) => b.entry.kind !== "reference").reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const esbuildVersion = (JSON.parse(readFileSync(path.join(projectRoot, "node_modules", "esbuild", "package.json"), "utf8")) as { version: string }).version;
  return {
    at: new Date().toISOString(),
    node: process.version,
    esbuild: esbuildVersion,
    runsPerBundle: runs,
    buildMs,
    measureMs,
    targets: { loadRatio: LOAD_RATIO_TARGET, sizeKb: SIZE_TARGET_KB },
    references,
    functions,
    summary: {
      functions: functions.length,
      sizePass: functions.filter((f) => f.sizePass).length,
      loadPass: functions.filter((f) => f.loadPass).length,
      bothPass: functions.filter((f) => f.sizePass && f.loadPass).length,
    },
    attribution: [
      { bundle: largest.entry.name, bytes: largest.bytes, packages: largest.packages },
      { bundle: built[0]!.entry.name, bytes: built[0]!.bytes, packages: built[0]!.packages },
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const runsArgument = process.argv.slice(2).find((argument) => argument.startsWith("--runs="));
  const figures = await runColdStart({ runs: runsArgument ? Number(runsArgument.slice("--runs=".length)) : 20 });
  console.log(JSON.stringify(figures, null, 2));
}
