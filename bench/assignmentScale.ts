// National-scale benchmark of the expert-assignment engine (issue #5, DOMAIN.md §5):
//   node bench/assignmentScale.ts [--cases=80000] [--members=5000] [--regions=17] [--pools=region|district]
//                                 [--subjectMatchShare=0.3] [--maxSubjectsPerMember=3] [--conflictRate=0.02]
//                                 [--capMin=40] [--capMax=90]
//                                 [--panelSize=3] [--seed=bench] [--only=engine|greedy|all] [--verify]
// It generates a deterministic attestation season (17 regions with districts and schools, 5,000 commission
// members with load caps, subjects and ~2 % declared conflicts, 80,000 cases with panels of 3, some asking
// for a subject match, some appeals excluding the first panel), runs assignPanels and two greedy baselines,
// checks every result against the hard constraints with a checker written independently of eligibility.ts,
// and prints (and returns) wall time, peak RSS, load spread, violations and unassigned counts.

import os from "node:os";
import { fileURLToPath } from "node:url";
import { assignmentInputsHash, assignPanels, type AssignPanelsInput } from "../functions/domain/assignment/assignPanels.ts";
import type { PanelCase, PanelMember } from "../functions/domain/assignment/eligibility.ts";
import { createSeededRandom, type SeededRandom } from "../functions/domain/assignment/seededRandom.ts";
import { assignmentRecord, verifyDraw } from "../functions/domain/assignment/verifyDraw.ts";

export type ScaleOptions = {
  cases: number;
  members: number;
  regions: number;
  districtsPerRegion: number;
  schoolsPerDistrict: number;
  subjects: number;
  panelSize: number;
  /** Share of member–candidate pairs in a region covered by a declared conflict. */
  conflictRate: number;
  /** Share of cases whose rubric asks for a subject match. */
  subjectMatchShare: number;
  /** Each member teaches 1 to this many subjects. */
  maxSubjectsPerMember: number;
  /** Load caps are drawn uniformly from [capMin, capMax]; current loads from [0, 5]. */
  capMin: number;
  capMax: number;
  /** Commission pools: one per region (the harder, larger pools) or one per district. */
  pools: "region" | "district";
  seed: string;
  only: "engine" | "greedy" | "all";
  verify: boolean;
};

export const defaultScaleOptions: ScaleOptions = {
  cases: 80_000,
  members: 5_000,
  regions: 17,
  districtsPerRegion: 12,
  schoolsPerDistrict: 35,
  subjects: 12,
  panelSize: 3,
  conflictRate: 0.02,
  subjectMatchShare: 0.3,
  maxSubjectsPerMember: 3,
  capMin: 40,
  capMax: 90,
  pools: "region",
  seed: "bench",
  only: "all",
  verify: false,
};

export type RunFigures = {
  name: string;
  wallMs: number;
  /** CPU time of the process during the run (user + system): steadier than wall time on a busy machine. */
  cpuMs: number;
  assignedCases: number;
  unassignedCases: number;
  violations: number;
  /** Final loads (current + this draw) of regular members (chairs and members). */
  loadSpread: { min: number; max: number; maxMinusMin: number };
  /** The same among regular members whose cap did not stop them (the ones only balance decides). */
  loadSpreadBelowCap: { min: number; max: number; maxMinusMin: number };
  /** The largest max−min among those, taken pool by pool (pools are drawn independently). */
  worstPoolSpreadBelowCap: number;
  sumOfSquaredLoads: number;
  reserveSeats: number;
};

export type ScaleFigures = {
  options: ScaleOptions;
  generateMs: number;
  hashMs?: number;
  verifyMs?: number;
  verified?: boolean;
  runs: RunFigures[];
  peakRssMiB: number;
};

/** Deterministic national-scale input. */
export function generateScaleInput(options: ScaleOptions): AssignPanelsInput {
  const random = createSeededRandom(`adal-bench:${options.seed}`);
  const pick = <T>(items: readonly T[]): T => items[random.nextInt(items.length)] as T;
  const subjects = Array.from({ length: options.subjects }, (_, index) => `subj-${index}`);
  const regions = Array.from({ length: options.regions }, (_, r) => {
    const districts = Array.from({ length: options.districtsPerRegion }, (_, d) => {
      const districtId = `r${r}-d${d}`;
      return { districtId, schools: Array.from({ length: options.schoolsPerDistrict }, (_, s) => `${districtId}-s${s}`) };
    });
    return { regionId: `r${r}`, districts };
  });
  const poolOf = (regionIndex: number, districtId: string): string => (options.pools === "region" ? `pool-r${regionIndex}` : `pool-${districtId}`);

  // Members, spread evenly over the regions and, within a region, over its districts.
  const members: PanelMember[] = [];
  const membersByPool = new Map<string, PanelMember[]>();
  for (let index = 0; index < options.members; index++) {
    const regionIndex = index % options.regions;
    const region = regions[regionIndex] as (typeof regions)[number];
    const district = region.districts[Math.floor(index / options.regions) % region.districts.length] as (typeof region.districts)[number];
    const poolId = poolOf(regionIndex, district.districtId);
    const poolMembers = membersByPool.get(poolId) ?? [];
    const subjectCount = 1 + random.nextInt(options.maxSubjectsPerMember);
    const memberSubjects = new Set<string>();
    while (memberSubjects.size < subjectCount) memberSubjects.add(pick(subjects));
    const member: PanelMember = {
      userId: `u${String(index).padStart(5, "0")}`,
      role: poolMembers.length === 0 ? "chair" : random.nextInt(10) === 0 ? "reserve" : "member",
      schoolId: pick(district.schools),
      districtId: district.districtId,
      subjects: [...memberSubjects],
      poolIds: [poolId],
      loadCap: options.capMin + random.nextInt(options.capMax - options.capMin + 1),
      currentLoad: random.nextInt(6),
      conflicts: { userIds: [], schoolIds: random.nextInt(10) < 3 ? [pick(pick(region.districts).schools)] : [] },
    };
    members.push(member);
    poolMembers.push(member);
    membersByPool.set(poolId, poolMembers);
  }

  const cases: PanelCase[] = [];
  const casesByRegion: PanelCase[][] = regions.map(() => []);
  for (let index = 0; index < options.cases; index++) {
    const regionIndex = index % options.regions;
    const region = regions[regionIndex] as (typeof regions)[number];
    const district = pick(region.districts);
    const poolId = poolOf(regionIndex, district.districtId);
    const poolMembers = membersByPool.get(poolId) ?? [];
    // Now and then a commission member is attested themselves: they must never sit on their own panel.
    const candidateId = random.nextInt(200) === 0 && poolMembers.length > 0 ? pick(poolMembers).userId : `t${String(index).padStart(6, "0")}`;
    const panelCase: PanelCase = {
      caseId: `case-${String(index).padStart(6, "0")}`,
      candidateId,
      schoolId: pick(district.schools),
      districtId: district.districtId,
      subject: pick(subjects),
      requiresSubjectMatch: random.nextFloat() < options.subjectMatchShare,
      poolId,
    };
    // About 3 % are appeals: the first panel (three members of the pool) may not sit again.
    if (random.nextInt(100) < 3 && poolMembers.length > 3) {
      panelCase.excludedUserIds = [pick(poolMembers).userId, pick(poolMembers).userId, pick(poolMembers).userId];
    }
    cases.push(panelCase);
    (casesByRegion[regionIndex] as PanelCase[]).push(panelCase);
  }

  // Declared conflicts: each member names about conflictRate of the candidates of their region.
  members.forEach((member, index) => {
    const regionCases = casesByRegion[index % options.regions] as PanelCase[];
    const count = Math.round(regionCases.length * options.conflictRate);
    for (let n = 0; n < count; n++) member.conflicts.userIds.push(pick(regionCases).candidateId);
  });
  return { seed: options.seed, panelSize: options.panelSize, cases, members };
}

// ---- an independent checker of the hard constraints (not eligibility.ts) ---------------------------

type Panels = Record<string, string[]>;

function countViolations(input: AssignPanelsInput, panels: Panels): number {
  const byId = new Map(input.members.map((member) => [member.userId, member]));
  const conflictUsers = new Map(input.members.map((member) => [member.userId, new Set(member.conflicts.userIds)]));
  const loads = new Map<string, number>();
  let violations = 0;
  for (const panelCase of input.cases) {
    if (!Object.hasOwn(panels, panelCase.caseId)) continue;
    const panel = panels[panelCase.caseId] ?? [];
    if (panel.length !== input.panelSize || new Set(panel).size !== panel.length) violations++;
    const excludedSchools = new Set(panelCase.excludedSchoolIds ?? []);
    if (panelCase.schoolId !== undefined) excludedSchools.add(panelCase.schoolId);
    for (const userId of panel) {
      const member = byId.get(userId);
      loads.set(userId, (loads.get(userId) ?? 0) + 1);
      const broken =
        member === undefined ||
        userId === panelCase.candidateId ||
        (panelCase.excludedUserIds ?? []).includes(userId) ||
        (conflictUsers.get(userId)?.has(panelCase.candidateId) ?? false) ||
        (member.schoolId !== undefined && excludedSchools.has(member.schoolId)) ||
        member.conflicts.schoolIds.some((schoolId) => excludedSchools.has(schoolId)) ||
        (panelCase.poolId !== undefined && !(member.poolIds ?? []).includes(panelCase.poolId)) ||
        (panelCase.requiresSubjectMatch === true && !(member.subjects ?? []).includes(panelCase.subject ?? "\u0000"));
      if (broken) violations++;
    }
  }
  for (const [userId, taken] of loads) {
    const member = byId.get(userId);
    if (member?.loadCap !== undefined && (member.currentLoad ?? 0) + taken > member.loadCap) violations++;
  }
  return violations;
}

function figuresOf(name: string, input: AssignPanelsInput, panels: Panels, unassigned: number, wallMs: number, cpuMs: number): RunFigures {
  const taken = new Map<string, number>();
  for (const panel of Object.values(panels)) for (const userId of panel) taken.set(userId, (taken.get(userId) ?? 0) + 1);
  const spread = (loads: number[]) => {
    const min = loads.length ? Math.min(...loads) : 0;
    const max = loads.length ? Math.max(...loads) : 0;
    return { min, max, maxMinusMin: max - min };
  };
  const regular = input.members.filter((member) => member.role !== "reserve");
  const finalLoad = (member: PanelMember): number => (member.currentLoad ?? 0) + (taken.get(member.userId) ?? 0);
  const belowCap = regular.filter((member) => member.loadCap === undefined || finalLoad(member) < member.loadCap);
  return {
    name,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round(cpuMs),
    assignedCases: Object.keys(panels).length,
    unassignedCases: unassigned,
    violations: countViolations(input, panels),
    loadSpread: spread(regular.map(finalLoad)),
    loadSpreadBelowCap: spread(belowCap.map(finalLoad)),
    worstPoolSpreadBelowCap: Math.max(
      0,
      ...[...new Set(belowCap.map((member) => (member.poolIds ?? []).join("+")))].map(
        (pool) => spread(belowCap.filter((member) => (member.poolIds ?? []).join("+") === pool).map(finalLoad)).maxMinusMin,
      ),
    ),
    sumOfSquaredLoads: input.members.reduce((sum, member) => sum + finalLoad(member) ** 2, 0),
    reserveSeats: input.members.filter((member) => member.role === "reserve").reduce((sum, member) => sum + (taken.get(member.userId) ?? 0), 0),
  };
}

// ---- greedy baselines --------------------------------------------------------------------------------

function mayScore(member: PanelMember, panelCase: PanelCase, conflicts: Set<string>): boolean {
  if (member.userId === panelCase.candidateId || conflicts.has(panelCase.candidateId)) return false;
  if ((panelCase.excludedUserIds ?? []).includes(member.userId)) return false;
  if (member.schoolId !== undefined && (member.schoolId === panelCase.schoolId || (panelCase.excludedSchoolIds ?? []).includes(member.schoolId))) return false;
  if (member.conflicts.schoolIds.some((schoolId) => schoolId === panelCase.schoolId || (panelCase.excludedSchoolIds ?? []).includes(schoolId))) return false;
  if (panelCase.poolId !== undefined && !(member.poolIds ?? []).includes(panelCase.poolId)) return false;
  return !(panelCase.requiresSubjectMatch && !(member.subjects ?? []).includes(panelCase.subject ?? "\u0000"));
}

/**
 * Greedy in a seeded order: cases one by one (seeded), each taking eligible members with room; regulars
 * before reserves. "first-fit": the first k in a seeded rotation of the pool; "least-loaded": the k with
 * the lowest load so far. A case that cannot be filled at its turn is left unassigned.
 */
function greedy(input: AssignPanelsInput, mode: "first-fit" | "least-loaded"): { panels: Panels; unassigned: number } {
  const random: SeededRandom = createSeededRandom(`greedy:${input.seed}`);
  const pools = new Map<string, PanelMember[]>();
  for (const member of input.members) for (const poolId of member.poolIds ?? []) pools.set(poolId, [...(pools.get(poolId) ?? []), member]);
  const conflicts = new Map(input.members.map((member) => [member.userId, new Set(member.conflicts.userIds)]));
  const loads = new Map(input.members.map((member) => [member.userId, member.currentLoad ?? 0]));
  const hasRoom = (member: PanelMember): boolean => member.loadCap === undefined || (loads.get(member.userId) ?? 0) < member.loadCap;
  const order = input.cases.map((panelCase) => ({ panelCase, key: random.nextUint32() })).sort((a, b) => a.key - b.key);
  const panels: Panels = {};
  let unassigned = 0;
  for (const { panelCase } of order) {
    const pool = panelCase.poolId === undefined ? input.members : (pools.get(panelCase.poolId) ?? []);
    const eligible = (member: PanelMember): boolean => hasRoom(member) && mayScore(member, panelCase, conflicts.get(member.userId) as Set<string>);
    let chosen: PanelMember[] = [];
    if (mode === "first-fit") {
      const start = random.nextInt(Math.max(1, pool.length));
      for (const reserves of [false, true]) {
        for (let step = 0; step < pool.length && chosen.length < input.panelSize; step++) {
          const member = pool[(start + step) % pool.length] as PanelMember;
          if ((member.role === "reserve") === reserves && eligible(member)) chosen.push(member);
        }
      }
    } else {
      // The panelSize eligible members with the lowest (reserve, load, random) key, kept sorted.
      const keys: number[] = [];
      for (const member of pool) {
        if (!eligible(member)) continue;
        const key = (member.role === "reserve" ? 1e9 : 0) + (loads.get(member.userId) ?? 0) + random.nextFloat();
        if (chosen.length === input.panelSize && key >= (keys[keys.length - 1] as number)) continue;
        let at = chosen.length === input.panelSize ? input.panelSize - 1 : chosen.length;
        while (at > 0 && (keys[at - 1] as number) > key) {
          keys[at] = keys[at - 1] as number;
          chosen[at] = chosen[at - 1] as PanelMember;
          at--;
        }
        keys[at] = key;
        chosen[at] = member;
      }
    }
    if (chosen.length < input.panelSize) {
      unassigned++;
      continue;
    }
    for (const member of chosen) loads.set(member.userId, (loads.get(member.userId) ?? 0) + 1);
    panels[panelCase.caseId] = chosen.map((member) => member.userId);
  }
  return { panels, unassigned };
}

// ---- driver -------------------------------------------------------------------------------------------

const peakRssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};

export function runAssignmentScale(overrides: Partial<ScaleOptions> = {}): ScaleFigures {
  const options = { ...defaultScaleOptions, ...overrides };
  let started = performance.now();
  const input = generateScaleInput(options);
  const figures: ScaleFigures = { options, generateMs: Math.round(performance.now() - started), runs: [], peakRssMiB: 0 };

  if (options.only !== "greedy") {
    started = performance.now();
    const cpu = process.cpuUsage();
    const result = assignPanels(input);
    const wall = performance.now() - started;
    figures.runs.push(figuresOf("assignPanels (min-cost flow)", input, result.panels, result.unassigned.length, wall, cpuMsSince(cpu)));
    started = performance.now();
    assignmentInputsHash(input);
    figures.hashMs = Math.round(performance.now() - started);
    if (options.verify) {
      started = performance.now();
      figures.verified = verifyDraw(assignmentRecord(input, result)).ok;
      figures.verifyMs = Math.round(performance.now() - started);
    }
  }
  if (options.only !== "engine") {
    for (const mode of ["first-fit", "least-loaded"] as const) {
      started = performance.now();
      const cpu = process.cpuUsage();
      const { panels, unassigned } = greedy(input, mode);
      figures.runs.push(figuresOf(`greedy ${mode} (seeded order)`, input, panels, unassigned, performance.now() - started, cpuMsSince(cpu)));
    }
  }
  figures.peakRssMiB = peakRssMiB();
  return figures;
}

function parseArguments(argv: readonly string[]): Partial<ScaleOptions> {
  const options: Partial<ScaleOptions> = {};
  for (const argument of argv) {
    const [name, value = ""] = argument.replace(/^--/, "").split("=", 2) as [string, string?];
    switch (name) {
      case "cases":
      case "members":
      case "regions":
      case "panelSize":
      case "subjectMatchShare":
      case "maxSubjectsPerMember":
      case "conflictRate":
      case "capMin":
      case "capMax":
        options[name] = Number(value);
        break;
      case "pools":
        options.pools = value === "district" ? "district" : "region";
        break;
      case "only":
        options.only = value === "engine" || value === "greedy" ? value : "all";
        break;
      case "seed":
        options.seed = value;
        break;
      case "verify":
        options.verify = true;
        break;
      default:
        throw new Error(`unknown option ${argument}`);
    }
  }
  return options;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = runAssignmentScale(parseArguments(process.argv.slice(2)));
  const { options } = figures;
  console.log(
    `input: ${options.cases} cases, ${options.members} members, ${options.regions} regions, ${options.pools} pools, panel ${options.panelSize}, ` +
      `conflicts ${options.conflictRate * 100} %, subject match ${options.subjectMatchShare * 100} % (1-${options.maxSubjectsPerMember} subjects a member), ` +
      `caps ${options.capMin}-${options.capMax} ` +
      `(generated in ${figures.generateMs} ms)`,
  );
  if (figures.hashMs !== undefined) console.log(`inputs hash alone: ${figures.hashMs} ms`);
  if (figures.verified !== undefined) console.log(`verifyDraw: ${figures.verified ? "ok" : "FAILED"} in ${figures.verifyMs} ms`);
  console.table(
    figures.runs.map((run) => ({
      run: run.name,
      "wall ms": run.wallMs,
      "cpu ms": run.cpuMs,
      assigned: run.assignedCases,
      unassigned: run.unassignedCases,
      violations: run.violations,
      "load max-min": run.loadSpread.maxMinusMin,
      "max-min below cap": run.loadSpreadBelowCap.maxMinusMin,
      "worst pool max-min below cap": run.worstPoolSpreadBelowCap,
      "sum of squares": run.sumOfSquaredLoads,
      "reserve seats": run.reserveSeats,
    })),
  );
  console.log(`peak RSS: ${figures.peakRssMiB} MiB; load average ${os.loadavg().map((value) => value.toFixed(1)).join(" ")} on ${os.availableParallelism()} cores`);
}
