// Cost per case on AWS (issue #5 part 5), priced from what bench/workflowThroughput.ts counted on the local
// stack: Step Functions state transitions, Lambda requests and billed duration (memory size and architecture
// as infra/aws gives every function: 512 MB, arm64), DynamoDB read and write request units as DynamoDB
// reported them (ReturnConsumedCapacity TOTAL; on-demand bills the same units), S3 requests (the
// handlers' own, plus the browsers' presigned POST uploads), HTTP API requests (one per API Lambda
// invocation) and an estimate of CloudWatch Logs ingestion. The CDK app is environment-agnostic (no region
// in infra/aws/app.ts), so prices are eu-central-1's. Pure: no I/O; run by bench/runBenchmarks.ts.

import type { PhaseFigures, WorkflowFigures } from "./workflowThroughput.ts";
import type { FunctionUse, Usage } from "./meters.ts";
import { nearestRank } from "./nearestRank.ts";

export interface Price {
  item: string;
  usd: number;
  per: number;
  unit: string;
  source: string;
  /** When the figure was read from the source, or "list price (not found in the source read)" and the date. */
  taken: string;
}

const TAKEN = "2026-11-25";
const LIST = `well-known list price, not found in the stored copy of the page on ${TAKEN}`;

/** eu-central-1 (Frankfurt) prices. */
export const PRICES = {
  transitions: { item: "Step Functions Standard", usd: 0.025, per: 1000, unit: "state transitions", source: "https://aws.amazon.com/step-functions/pricing/", taken: `${TAKEN} (Europe (Frankfurt) row)` },
  lambdaRequests: { item: "Lambda requests", usd: 0.2, per: 1_000_000, unit: "requests", source: "https://aws.amazon.com/lambda/pricing/", taken: LIST },
  lambdaDuration: { item: "Lambda duration, arm64", usd: 0.0000133334, per: 1, unit: "GB-s", source: "https://aws.amazon.com/lambda/pricing/", taken: LIST },
  dynamoWrite: { item: "DynamoDB on-demand writes", usd: 0.7625, per: 1_000_000, unit: "write request units", source: "https://aws.amazon.com/dynamodb/pricing/on-demand/", taken: LIST },
  dynamoRead: { item: "DynamoDB on-demand reads", usd: 0.1525, per: 1_000_000, unit: "read request units", source: "https://aws.amazon.com/dynamodb/pricing/on-demand/", taken: LIST },
  s3Put: { item: "S3 Standard PUT, COPY, POST, LIST", usd: 0.0054, per: 1000, unit: "requests", source: "https://aws.amazon.com/s3/pricing/", taken: LIST },
  s3Get: { item: "S3 Standard GET, SELECT and all other requests", usd: 0.00043, per: 1000, unit: "requests", source: "https://aws.amazon.com/s3/pricing/", taken: LIST },
  httpApi: { item: "API Gateway HTTP API (first 300 million a month)", usd: 1.2, per: 1_000_000, unit: "requests", source: "https://aws.amazon.com/api-gateway/pricing/", taken: LIST },
  logs: { item: "CloudWatch Logs ingestion (Standard)", usd: 0.63, per: 1, unit: "GB", source: "https://aws.amazon.com/cloudwatch/pricing/", taken: LIST },
} satisfies Record<string, Price>;

/** Every function's memory size in infra/aws (httpApi.ts, workflows.ts: memorySize 512; appFunction.ts: ARM_64). */
export const LAMBDA_MEMORY_GB = 512 / 1024;
/**
 * Lambda gives a function CPU in proportion to its memory, one vCPU at 1,769 MB
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html): at 512 MB, ~0.29 of one.
 */
export const CPU_SHARE_AT_512_MB = 512 / 1769;

/**
 * The handler times a function is billed at: those of the runs the machine served with nothing queued
 * behind them — the calibration wave and the small competition, each run alone. Under a wave every handler
 * of every case shares one Node process, one DynamoDB Local and two cores, so a handler's time there is
 * mostly its turn in those queues (tens of seconds for a 7-request task); on AWS each invocation has a
 * sandbox of its own and DynamoDB serves the wave in parallel, so only its own work and round trips are billed.
 */
export type UnloadedDurations = Map<string, number[]>;

export function unloadedDurations(phases: readonly PhaseFigures[]): UnloadedDurations {
  const out: UnloadedDurations = new Map();
  for (const { name, usage } of phases) {
    if (!name.startsWith("small competition") && !name.includes("calibration wave")) continue;
    for (const [module, use] of Object.entries(usage.functions)) out.set(module, [...(out.get(module) ?? []), ...use.durations]);
  }
  return out;
}

/** p90, so that the model errs high: DynamoDB Local is least warmed up in these runs. */
function p90(durations: readonly number[]): number {
  return nearestRank([...durations].sort((a, b) => a - b), 0.9) ?? 0;
}

/** Each invocation at its function's unloaded p90; a function with no unloaded run keeps its measured times. */
function modelledBilledMs(module: string, use: FunctionUse, unloaded: UnloadedDurations): number {
  const calibrated = unloaded.get(module);
  return calibrated && calibrated.length > 0 ? use.invocations * Math.max(1, Math.ceil(p90(calibrated))) : use.billedMs;
}
/**
 * Log bytes per billed event, estimated: Lambda's START/END/REPORT lines per invocation, one HTTP API access-log
 * line per request, and per state transition the Step Functions execution-history events LogLevel.ALL sends
 * without execution data (entered + exited, ~300 bytes each).
 */
const LOG_BYTES = { perInvocation: 350, perApiRequest: 400, perTransition: 600 };

export interface Counts {
  transitions: number;
  lambdaInvocations: number;
  apiRequests: number;
  /** Billed Lambda milliseconds as the model bills them (see modelledBilledMs), and in GB-s. */
  lambdaBilledMs: number;
  gbSeconds: number;
  /** The same as the local handlers took under the run's own load (each invocation rounded up to 1 ms). */
  measuredBilledMs: number;
  gbSecondsMeasured: number;
  readUnits: number;
  writeUnits: number;
  dynamoRequests: number;
  s3Put: number;
  s3Get: number;
  logGB: number;
}

export interface CostLine {
  item: string;
  count: number;
  unit: string;
  usd: number;
}

export interface CaseCost {
  kind: string;
  cases: number;
  /** Per case: what was counted, and what it costs. */
  counts: Counts;
  lines: CostLine[];
  usdPerCase: number;
  /** The same with Lambda duration as the local handlers took under the run's load. */
  usdPerCaseMeasured: number;
  /** The same with every modelled millisecond stretched as if CPU-bound at 512 MB's CPU share (CPU_SHARE_AT_512_MB). */
  usdPerCaseSlowCpu: number;
  targetUsd: number;
  pass: boolean;
  biggest: string;
  /** The functions that cost most per case (Lambda + DynamoDB + S3 they caused). */
  byFunction: { module: string; invocations: number; usd: number; readUnits: number; writeUnits: number; dynamoRequests: number }[];
  byState: { state: string; transitions: number }[];
}

export interface CostFigures {
  region: string;
  prices: Price[];
  target: number;
  competition: CaseCost;
  /** The run's competition of the national average size: everything it cost (vacancy and workflow included) per application. */
  smallCompetition: CaseCost;
  attestation: CaseCost;
  yearly: { attestations: number; applications: number; competitions: number; usd: number; basis: string };
}

const TARGET = 0.002;

/**
 * The usage of one run over its phases (those named `${label}: …`), and its kind's share of the shared
 * filing phases (split by function: api/attestations/* are the attestation's, the rest the competition's).
 */
function sum(phases: readonly PhaseFigures[], label: string, kind: "competition" | "attestation"): Usage {
  const out: Usage = { functions: {}, transitions: {}, stateTimes: {}, presignedUploads: {} };
  const ofKind = (module: string) => module.startsWith("api/attestations/") === (kind === "attestation");
  for (const { name, usage } of phases) {
    // The shared filing phases hold the 200-applicant competition's and the attestations' filing.
    const filing = name.startsWith("filing") && label === kind;
    if (!filing && !name.startsWith(`${label}`)) continue;
    out.presignedUploads[kind] = (out.presignedUploads[kind] ?? 0) + (usage.presignedUploads[kind] ?? 0);
    for (const [state, count] of Object.entries(usage.transitions)) if (state.startsWith(`${kind}:`)) out.transitions[state] = (out.transitions[state] ?? 0) + count;
    for (const [name, use] of Object.entries(usage.functions)) {
      if (filing && !ofKind(name)) continue;
      const into = (out.functions[name] ??= { invocations: 0, failed: 0, totalMs: 0, billedMs: 0, durations: [], dynamo: {}, s3: {} });
      into.invocations += use.invocations;
      into.failed += use.failed;
      into.totalMs += use.totalMs;
      into.billedMs += use.billedMs;
      into.durations.push(...use.durations);
      for (const [command, d] of Object.entries(use.dynamo)) {
        const entry = (into.dynamo[command] ??= { requests: 0, readUnits: 0, writeUnits: 0 });
        entry.requests += d.requests;
        entry.readUnits += d.readUnits;
        entry.writeUnits += d.writeUnits;
      }
      for (const [command, count] of Object.entries(use.s3)) into.s3[command] = (into.s3[command] ?? 0) + count;
    }
  }
  return out;
}

const isApi = (module: string) => module.startsWith("api/");
const isS3Put = (command: string) => /^(Put|Copy|Post|List|CreateMultipart|UploadPart|CompleteMultipart)/.test(command);

function countsOf(usage: Usage, divisor: number, unloaded: UnloadedDurations): Counts {
  const functions = Object.entries(usage.functions);
  const dynamo = functions.flatMap(([, use]) => Object.values(use.dynamo));
  const s3 = functions.flatMap(([, use]) => Object.entries(use.s3));
  const transitions = Object.values(usage.transitions).reduce((a, n) => a + n, 0);
  const invocations = functions.reduce((a, [module, use]) => a + (module.startsWith("(") ? 0 : use.invocations), 0);
  const apiRequests = functions.reduce((a, [module, use]) => a + (isApi(module) ? use.invocations : 0), 0);
  const measuredMs = functions.reduce((a, [, use]) => a + use.billedMs, 0);
  const billedMs = functions.reduce((a, [module, use]) => a + modelledBilledMs(module, use, unloaded), 0);
  const uploads = Object.values(usage.presignedUploads).reduce((a, b) => a + b, 0);
  const s3Put = s3.filter(([command]) => isS3Put(command)).reduce((a, [, n]) => a + n, 0) + uploads;
  const s3Get = s3.filter(([command]) => !isS3Put(command)).reduce((a, [, n]) => a + n, 0);
  const logBytes = invocations * LOG_BYTES.perInvocation + apiRequests * LOG_BYTES.perApiRequest + transitions * LOG_BYTES.perTransition;
  return {
    transitions: transitions / divisor,
    lambdaInvocations: invocations / divisor,
    apiRequests: apiRequests / divisor,
    lambdaBilledMs: billedMs / divisor,
    gbSeconds: ((billedMs / 1000) * LAMBDA_MEMORY_GB) / divisor,
    measuredBilledMs: measuredMs / divisor,
    gbSecondsMeasured: ((measuredMs / 1000) * LAMBDA_MEMORY_GB) / divisor,
    readUnits: dynamo.reduce((a, d) => a + d.readUnits, 0) / divisor,
    writeUnits: dynamo.reduce((a, d) => a + d.writeUnits, 0) / divisor,
    dynamoRequests: dynamo.reduce((a, d) => a + d.requests, 0) / divisor,
    s3Put: s3Put / divisor,
    s3Get: s3Get / divisor,
    logGB: logBytes / 1024 ** 3 / divisor,
  };
}

const price = (p: Price, count: number) => (count / p.per) * p.usd;

function linesOf(c: Counts): CostLine[] {
  return [
    { item: PRICES.transitions.item, count: c.transitions, unit: "state transitions", usd: price(PRICES.transitions, c.transitions) },
    { item: PRICES.lambdaRequests.item, count: c.lambdaInvocations, unit: "invocations", usd: price(PRICES.lambdaRequests, c.lambdaInvocations) },
    { item: PRICES.lambdaDuration.item, count: c.gbSeconds, unit: `GB-s (${Math.round(c.lambdaBilledMs)} ms, each call at its function's unloaded p90, × 0.5 GB)`, usd: price(PRICES.lambdaDuration, c.gbSeconds) },
    { item: PRICES.dynamoRead.item, count: c.readUnits, unit: "RRU", usd: price(PRICES.dynamoRead, c.readUnits) },
    { item: PRICES.dynamoWrite.item, count: c.writeUnits, unit: "WRU", usd: price(PRICES.dynamoWrite, c.writeUnits) },
    { item: PRICES.s3Put.item, count: c.s3Put, unit: "requests", usd: price(PRICES.s3Put, c.s3Put) },
    { item: PRICES.s3Get.item, count: c.s3Get, unit: "requests", usd: price(PRICES.s3Get, c.s3Get) },
    { item: PRICES.httpApi.item, count: c.apiRequests, unit: "requests", usd: price(PRICES.httpApi, c.apiRequests) },
    { item: `${PRICES.logs.item} (estimate)`, count: c.logGB * 1024 * 1024, unit: "KB", usd: price(PRICES.logs, c.logGB) },
  ];
}

function caseCost(kind: string, usage: Usage, cases: number, unloaded: UnloadedDurations): CaseCost {
  const counts = countsOf(usage, cases, unloaded);
  const lines = linesOf(counts);
  const usdPerCase = lines.reduce((a, line) => a + line.usd, 0);
  const withDuration = (gbSeconds: number) => usdPerCase - price(PRICES.lambdaDuration, counts.gbSeconds) + price(PRICES.lambdaDuration, gbSeconds);
  const biggest = [...lines].sort((a, b) => b.usd - a.usd)[0]!;
  const byFunction = Object.entries(usage.functions)
    .map(([module, use]) => {
      const c = countsOf({ ...usage, functions: { [module]: use }, transitions: {}, presignedUploads: {} }, cases, unloaded);
      const usd = linesOf(c).reduce((a, line) => a + line.usd, 0);
      return { module, invocations: c.lambdaInvocations, usd, readUnits: c.readUnits, writeUnits: c.writeUnits, dynamoRequests: c.dynamoRequests };
    })
    .sort((a, b) => b.usd - a.usd);
  const byState = Object.entries(usage.transitions)
    .map(([state, n]) => ({ state, transitions: n / cases }))
    .sort((a, b) => b.transitions - a.transitions);
  return {
    kind,
    cases,
    counts,
    lines,
    usdPerCase,
    usdPerCaseMeasured: withDuration(counts.gbSecondsMeasured),
    usdPerCaseSlowCpu: withDuration(counts.gbSeconds / CPU_SHARE_AT_512_MB),
    targetUsd: TARGET,
    pass: usdPerCase <= TARGET,
    biggest: biggest.item,
    byFunction,
    byState,
  };
}

/** Applications a year, from DOMAIN.md §5: one region hires ~4,300 a year; a city had 2,109 applications in 1,063 competitions. */
const REGIONS = 17;
const HIRES_PER_REGION = 4300;
const APPLICATIONS_PER_COMPETITION = 2109 / 1063;
const ATTESTATIONS_PER_YEAR = 80_000;

export function costPerCase(workflows: WorkflowFigures): CostFigures {
  const unloaded = unloadedDurations(workflows.phases);
  const competition = caseCost("competition application", sum(workflows.phases, "competition", "competition"), workflows.competition.applicants, unloaded);
  const small = caseCost("competition application", sum(workflows.phases, "small competition", "competition"), workflows.smallCompetition.applicants, unloaded);
  const cases = workflows.waves.reduce((a, wave) => a + wave.cases, 0);
  const attestation = caseCost("attestation case", sum(workflows.phases, "attestation", "attestation"), cases, unloaded);

  const competitions = REGIONS * HIRES_PER_REGION;
  const applications = Math.round(competitions * APPLICATIONS_PER_COMPETITION);
  return {
    region: "eu-central-1",
    prices: Object.values(PRICES),
    target: TARGET,
    competition,
    smallCompetition: small,
    attestation,
    yearly: {
      attestations: ATTESTATIONS_PER_YEAR,
      applications,
      competitions,
      usd: ATTESTATIONS_PER_YEAR * attestation.usdPerCase + applications * small.usdPerCase,
      basis:
        `${ATTESTATIONS_PER_YEAR.toLocaleString("en")} attestation cases (DOMAIN.md §5) at the modelled cost per case, and ${applications.toLocaleString("en")} applications: ` +
        `${competitions.toLocaleString("en")} competitions (${REGIONS} regions × ~${HIRES_PER_REGION.toLocaleString("en")} hires a year, one competition per hire) ` +
        `of ${APPLICATIONS_PER_COMPETITION.toFixed(2)} applications each (2,109 applications in 1,063 competitions, DOMAIN.md §5), each application at the cost per application ` +
        `of the run's ${small.cases}-applicant competition (everything that competition cost, its vacancy and workflow included, ÷ ${small.cases})`,
    },
  };
}
