// Process hygiene: DynamoDB Local is a java child that keeps its port and database file if it outlives us.
// Each case runs the stack in a separate Node process and ends that process the way a developer would.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const localStackUrl = pathToFileURL(join(repoRoot, "infra/local/localStack.ts")).href;
const started: number[] = [];
const tempDirs: string[] = [];

function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

function javaChildOf(pid: number): number {
  const listing = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(pid)], { encoding: "utf8" });
  const java = listing
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .find(([, command]) => command === "java");
  if (!java?.[0]) throw new Error(`no java child of ${pid}: ${listing}`);
  const javaPid = Number(java[0]);
  started.push(javaPid);
  return javaPid;
}

interface NodeProcess {
  child: ChildProcess;
  exit: Promise<[number | null, NodeJS.Signals | null]>;
  stdout: () => string;
  waitFor: (pattern: RegExp) => Promise<RegExpExecArray>;
}

function runNode(args: string[], env: Record<string, string> = {}): NodeProcess {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child.pid!);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exit = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const waitFor = async (pattern: RegExp) => {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
      const match = pattern.exec(stdout);
      if (match) return match;
      if (child.exitCode !== null || child.signalCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`never printed ${pattern}; stdout: ${stdout}; stderr: ${stderr.slice(-2000)}`);
  };
  return { child, exit, stdout: () => stdout, waitFor };
}

/** A stack in memory in a bare Node process, which then does `then` (no signal handlers of its own). */
function inMemoryStack(then: string): NodeProcess {
  const script = `
    const { startLocalStack } = await import(${JSON.stringify(localStackUrl)});
    const stack = await startLocalStack({ port: 0, seed: false, quiet: true });
    console.log("ready " + stack.url);
    ${then}
  `;
  return runNode(["--input-type=module", "-e", script]);
}

afterAll(async () => {
  // Only what this file started, by pid, in case a failed assertion left something running; the command
  // line is checked so that a recycled pid is never hit.
  // A Node process gets SIGTERM so that it takes its own java down; a java process gets SIGKILL.
  for (const pid of started) {
    const commandLine = isRunning(pid) ? readFileSync(`/proc/${pid}/cmdline`, "utf8") : "";
    if (commandLine.includes("DynamoDBLocal.jar")) process.kill(pid, "SIGKILL");
    else if (/start\.ts|--input-type=module/.test(commandLine)) process.kill(pid, "SIGTERM");
  }
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("the java child of the local stack", () => {
  it("dies with the process on an uncaught exception and on a SIGTERM nobody handles", async () => {
    const crashing = inMemoryStack(`process.on("SIGUSR2", () => { throw new Error("boom"); });`);
    const terminated = inMemoryStack(`setInterval(() => {}, 1000);`);
    await Promise.all([crashing.waitFor(/ready/), terminated.waitFor(/ready/)]);
    const crashingJava = javaChildOf(crashing.child.pid!);
    const terminatedJava = javaChildOf(terminated.child.pid!);

    crashing.child.kill("SIGUSR2");
    terminated.child.kill("SIGTERM");
    expect(await crashing.exit).toEqual([1, null]);
    expect(await terminated.exit).toEqual([null, "SIGTERM"]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isRunning(crashingJava)).toBe(false);
    expect(isRunning(terminatedJava)).toBe(false);
  }, 90_000);

  it("npm start stops cleanly on SIGTERM, and a start after a SIGKILL stops the orphan", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "adal-start-test-"));
    tempDirs.push(dataDir);
    const env = { PORT: "0", ADAL_DATA_DIR: dataDir };

    const killed = runNode(["infra/local/start.ts"], env);
    await killed.waitFor(/Local stack ready in \d+\.\d s/);
    const orphan = javaChildOf(killed.child.pid!);
    killed.child.kill("SIGKILL");
    await killed.exit;
    expect(isRunning(orphan)).toBe(true);

    const second = runNode(["infra/local/start.ts"], env);
    const [, url] = await second.waitFor(/API\s+(http:\/\/127\.0\.0\.1:\d+)/);
    await second.waitFor(/Stop\s+Ctrl-C/);
    expect(isRunning(orphan)).toBe(false);
    expect(second.stdout()).toMatch(/teacher1 … teacher8/);
    const java = javaChildOf(second.child.pid!);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);

    second.child.kill("SIGTERM");
    expect(await second.exit).toEqual([0, null]);
    expect(isRunning(java)).toBe(false);
  }, 120_000);
});
