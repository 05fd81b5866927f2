// The web app's first page (issue #5, the browser side of "every request does the least work"): builds
// web/ with its own Vite config into a temporary folder (never web/dist, which belongs to whoever works on
// the app) with a manifest, and weighs the JavaScript a browser must fetch before the first page — the
// public vacancy list at "/" — can render: the entry script and its static imports (what index.html loads
// and modulepreloads), the lazily loaded page chunk with its own static imports, and the catalogues of the
// default language that the i18n set-up loads before the first render. Each file is compressed as a CDN
// would serve it (gzip -9 and brotli -11); the time on a slow 3G line is estimated from a waterfall of
// round trips and bytes. Skips, saying why, when web/ has no Vite config yet. `node bench/webFirstPage.ts`.

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const config = join(projectRoot, "web", "vite.config.ts");
/** The route "/" of web/src/pages/public/routes.ts. */
const FIRST_PAGE = /pages\/public\/VacancyList\.tsx$/;
/** web/index.html's lang and the i18n fallback: what a browser with no saved choice and no match gets. */
const DEFAULT_LANGUAGE_CATALOGUES = /i18n\/locales\/kk(\.[jt]s|\/[^/]+\.json)$/;
const TARGET_KB = 150;

/**
 * Chrome DevTools' "Slow 3G" preset (renamed "3G"): download 500 × 1000 / 8 × 0.8 bytes/s (400 kbit/s) and
 * latency 400 × 5 ms (2,000 ms: the 400 ms RTT multiplied by DevTools' adjustment factor), as defined by
 * Slow3GConditions in front_end/core/sdk/NetworkManager.ts of ChromeDevTools/devtools-frontend.
 */
export const SLOW_3G = {
  name: 'Chrome DevTools "Slow 3G" (Slow3GConditions, devtools-frontend front_end/core/sdk/NetworkManager.ts)',
  bytesPerSecond: (500 * 1000) / 8 * 0.8,
  rttMs: 400 * 5,
};
/** The same line without DevTools' latency factor: 400 kbit/s, 400 ms round trip. */
export const SLOW_3G_RAW_RTT = { ...SLOW_3G, name: "400 kbit/s, 400 ms round trip (the preset's bandwidth, its unadjusted latency)", rttMs: 400 };

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface FileWeight {
  file: string;
  role: "html" | "entry" | "preload" | "page" | "catalogue";
  bytes: number;
  gzip: number;
  brotli: number;
}

export interface WebFigures {
  at: string;
  skipped?: string;
  files: FileWeight[];
  /** JavaScript (entry, preloads, page chunk and catalogue chunks), compressed. */
  js: { bytes: number; gzipKB: number; brotliKB: number };
  targetKB: number;
  pass: boolean;
  /** Estimated time to the first page's scripts on each profile (brotli bytes). */
  slow3g: { profile: string; seconds: number; waterfall: string[] }[];
  buildSeconds: number;
}

function closure(manifest: Record<string, ManifestChunk>, key: string, seen: Set<string>): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) return [];
  return [key, ...(chunk.imports ?? []).flatMap((imported) => closure(manifest, imported, seen))];
}

/** Two round trips to connect (TCP, TLS 1.3), then per level of the waterfall one round trip and its bytes. */
function estimate(profile: typeof SLOW_3G, levels: { label: string; bytes: number }[]): { profile: string; seconds: number; waterfall: string[] } {
  let ms = 2 * profile.rttMs;
  const waterfall = [`connect (TCP + TLS 1.3): ${((2 * profile.rttMs) / 1000).toFixed(1)} s`];
  for (const level of levels) {
    const levelMs = profile.rttMs + (level.bytes / profile.bytesPerSecond) * 1000;
    ms += levelMs;
    waterfall.push(`${level.label} (${(level.bytes / 1024).toFixed(1)} KB): ${(levelMs / 1000).toFixed(1)} s`);
  }
  return { profile: profile.name, seconds: Math.round(ms / 100) / 10, waterfall };
}

export function runWebFirstPage(log: (line: string) => void = (line) => console.error(line)): WebFigures {
  const at = new Date().toISOString();
  const empty = { at, files: [], js: { bytes: 0, gzipKB: 0, brotliKB: 0 }, targetKB: TARGET_KB, pass: false, slow3g: [], buildSeconds: 0 };
  if (!existsSync(config)) return { ...empty, skipped: "web/vite.config.ts does not exist yet: no web app to weigh" };

  const outDir = mkdtempSync(join(tmpdir(), "adal-web-"));
  try {
    const started = performance.now();
    const vite = join(projectRoot, "node_modules", "vite", "bin", "vite.js");
    const build = spawnSync(process.execPath, [vite, "build", "--config", config, "--outDir", outDir, "--emptyOutDir", "--manifest", "--logLevel", "warn"], {
      cwd: projectRoot,
      encoding: "utf8",
    });
    const buildSeconds = Math.round((performance.now() - started) / 100) / 10;
    if (build.status !== 0) return { ...empty, buildSeconds, skipped: `the web app does not build: ${(build.stderr || build.stdout).trim().split("\n").slice(-3).join(" ")}` };
    const manifestFile = join(outDir, ".vite", "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, ManifestChunk>;

    const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
    if (!entryKey) return { ...empty, buildSeconds, skipped: "the Vite manifest names no entry" };
    const seen = new Set<string>();
    const [entry, ...preloads] = closure(manifest, entryKey, seen);
    const pageKey = Object.keys(manifest).find((key) => FIRST_PAGE.test(manifest[key]!.src ?? key));
    const page = pageKey ? closure(manifest, pageKey, seen) : [];
    const catalogues = Object.keys(manifest).filter((key) => DEFAULT_LANGUAGE_CATALOGUES.test(manifest[key]!.src ?? key)).flatMap((key) => closure(manifest, key, seen));
    if (!pageKey) log(`bench: web — no chunk for ${FIRST_PAGE} (is the first page still lazy?); weighing entry and preloads only`);
    if (catalogues.length === 0) log(`bench: web — no lazy chunk for ${DEFAULT_LANGUAGE_CATALOGUES} (catalogues bundled with the entry, or moved?)`);

    const weigh = (file: string, role: FileWeight["role"]): FileWeight => {
      const bytes = readFileSync(join(outDir, file));
      return {
        file,
        role,
        bytes: bytes.byteLength,
        gzip: gzipSync(bytes, { level: 9 }).byteLength,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
      };
    };
    const files: FileWeight[] = [
      weigh("index.html", "html"),
      weigh(manifest[entry!]!.file, "entry"),
      ...preloads.map((key) => weigh(manifest[key]!.file, "preload")),
      ...page.map((key) => weigh(manifest[key]!.file, "page")),
      ...catalogues.map((key) => weigh(manifest[key]!.file, "catalogue")),
    ];
    const js = files.filter((f) => f.role !== "html");
    const total = (list: FileWeight[], field: "bytes" | "gzip" | "brotli") => list.reduce((sum, f) => sum + f[field], 0);
    const gzipKB = Math.round((total(js, "gzip") / 1024) * 10) / 10;
    const brotliKB = Math.round((total(js, "brotli") / 1024) * 10) / 10;
    const ofRole = (...roles: FileWeight["role"][]) => total(files.filter((f) => roles.includes(f.role)), "brotli");
    // index.html → entry and its modulepreloads (in parallel) → the page chunk and the catalogues, both
    // requested once the entry runs (in parallel); bandwidth is shared within a level.
    const levels = [
      { label: "index.html", bytes: ofRole("html") },
      { label: "entry + modulepreloads", bytes: ofRole("entry", "preload") },
      { label: "page chunk + default-language catalogues", bytes: ofRole("page", "catalogue") },
    ];
    return {
      at,
      files,
      js: { bytes: total(js, "bytes"), gzipKB, brotliKB },
      targetKB: TARGET_KB,
      pass: gzipKB <= TARGET_KB,
      slow3g: [estimate(SLOW_3G, levels), estimate(SLOW_3G_RAW_RTT, levels)],
      buildSeconds,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(runWebFirstPage(), null, 2));
}
