import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The production build of the web app that the browser tests' local stacks serve. */
    webDir: string;
  }
}

// vitest globalSetup of the browser project: the web app is built once with Vite's production settings,
// into a folder of this run rather than web/dist, so that a developer's running `npm start` (or another run
// of the tests) never has its files swapped underneath it halfway through.
export default async function buildWebApp(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), "adal-web-"));
  await build({
    configFile: fileURLToPath(new URL("../../web/vite.config.ts", import.meta.url)),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  project.provide("webDir", outDir);
  return () => rm(outDir, { recursive: true, force: true });
}
