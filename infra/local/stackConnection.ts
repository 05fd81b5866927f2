import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { RUNNING_STACK_FILE, startLocalStack } from "./localStack.ts";

export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../.adal-data/", import.meta.url));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Points this process's AWS SDK clients at the local data: the services of the running `npm start` when
 * there is one, else a stack of our own over the same folder (closed again by `close`). On AWS (no
 * ADAL_LOCAL data folder wanted) call nothing: the SDK's own environment applies.
 */
export async function useLocalData(dataDir = process.env.ADAL_DATA_DIR ?? DEFAULT_DATA_DIR): Promise<{ close(): Promise<void> }> {
  try {
    const running = JSON.parse(await readFile(join(dataDir, RUNNING_STACK_FILE), "utf8")) as { pid: number; env: Record<string, string> };
    if (isAlive(running.pid)) {
      Object.assign(process.env, running.env);
      return { close: async () => {} };
    }
  } catch {
    // No running stack: start one below.
  }
  const stack = await startLocalStack({ dataDir, port: 0, seed: false, quiet: true });
  return { close: () => stack.close() };
}
