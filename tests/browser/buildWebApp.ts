import { fileURLToPath } from "node:url";
import { build } from "vite";

// vitest globalSetup of the browser project: the web app is built once, into the web/dist the local
// gateway serves, so that every browser test file drives the same production build users would get.
export default async function buildWebApp(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL("../../web/vite.config.ts", import.meta.url)), logLevel: "warn" });
}
