// `npm start`: the whole product on this machine (the web app built by `npm run build:web` first), its data
// kept in .adal-data/ between runs. The banner goes to stdout; the structured logs of every request go to stderr.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { JAVA_REQUIRED } from "./dynamoDbLocal.ts";
import { startLocalStack, WEB_DIST_DIR } from "./localStack.ts";
import { DEMO_PASSWORD } from "./seed/demoRegion.ts";

// ADAL_DATA_DIR lets a test run start.ts without touching the developer's own data.
const dataDir = process.env.ADAL_DATA_DIR ?? fileURLToPath(new URL("../../.adal-data/", import.meta.url));
const port = Number(process.env.PORT ?? 3000);
const startedAt = performance.now();
// `API_ORIGIN=http://127.0.0.1:3000 npx vite --config web/vite.config.ts` serves the app from Vite's dev server, which uploads too.
const viteDevServer = ["http://localhost:5173", "http://127.0.0.1:5173"];

let stack;
try {
  stack = await startLocalStack({ dataDir, port, pageOrigins: viteDevServer });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (message === JAVA_REQUIRED) console.error(message);
  else if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") console.error(`Port ${port} is in use: start with PORT=<another port> npm start`);
  else console.error(`The local stack did not start: ${message}`);
  process.exit(1);
}

const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
const app = existsSync(join(WEB_DIST_DIR, "index.html")) ? `${stack.url}/` : `not built: run npm run build:web (npm start does it first)`;
console.log(`
Local stack ready in ${seconds} s
  App       ${app}
  API       ${stack.url}   (GET /health, GET /openapi.json)
  Data      ${dataDir}   (delete it to start again from the demo data)
  Sign in   POST ${stack.url}/auth/login {"username": …, "password": "${DEMO_PASSWORD}"}
            admin
            hr.school1  hr.school2  hr.school3
            expert1 … expert7
            teacher1 … teacher8
  Stop      Ctrl-C
`);

const running = stack;
let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  // A second Ctrl-C does not wait for a slow close; the exit hook still takes java down.
  if (stopping) process.exit(130);
  stopping = true;
  console.log(`${signal}: stopping the local stack…`);
  await running.close();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
