import { createHash } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { HttpResponse } from "./response.ts";

// The built web app, served by the local gateway the way CloudFront serves it from S3 on AWS: only files
// of the build folder, the hashed assets cached for good, index.html revalidated on every load so that a
// new build is picked up at once.

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

/** Vite puts every content-hashed file under assets/: a changed file gets a new name, so it never goes stale. */
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

export const WEB_APP_NOT_BUILT = "The web app is not built yet: run `npm run build:web` (npm start does it first), then reload this page.";

export type StaticSite = (method: string, rawPath: string, headers: { accept?: string | undefined; "if-none-match"?: string | undefined }) => Promise<HttpResponse | undefined>;

/** What a browser opening the app shows when there is no build: a page that says how to make one. */
function notBuiltPage(): HttpResponse {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Adal</title><p>${WEB_APP_NOT_BUILT.replace(/`([^`]+)`/g, "<code>$1</code>")}</p></html>`;
  return { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }, body: Buffer.from(html) };
}

/** The file a URL path names inside the root, or undefined for anything that could step outside it. */
function relativeFile(rawPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (path === "/") return "index.html";
  const segments = path.split("/").slice(1);
  // "..", ".", empty segments, hidden files, backslashes (a separator on Windows) and NUL bytes are refused
  // outright rather than normalised: no legitimate asset URL contains them.
  if (segments.some((segment) => segment === "" || segment.startsWith(".") || /[\\\0]/.test(segment))) return undefined;
  return segments.join("/");
}

/**
 * Serves GET and HEAD of the files under `root` (a Vite build folder); answers undefined for any other
 * request or any path that is not a file there, so that the caller can fall back to its 404.
 */
export function staticSite(root: string): StaticSite {
  const base = resolve(root);
  return async (method, rawPath, headers) => {
    if (method !== "GET" && method !== "HEAD") return undefined;
    const relative = relativeFile(rawPath);
    if (relative === undefined) return undefined;
    const isIndex = relative === "index.html";
    let file: string;
    try {
      // Resolved through symbolic links too, so a link inside the build cannot point outside it.
      const [realBase, realFile] = await Promise.all([realpath(base), realpath(join(base, relative))]);
      if (!realFile.startsWith(realBase + sep) || !(await stat(realFile)).isFile()) return undefined;
      file = realFile;
    } catch {
      const built = await stat(base).then(
        (found) => found.isDirectory(),
        () => false,
      );
      // Only a browser asking for the page gets the hint; API clients get the API's own 404.
      const browser = headers.accept?.includes("text/html") ?? false;
      return isIndex && !built && browser ? notBuiltPage() : undefined;
    }
    const body = await readFile(file);
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    const responseHeaders: Record<string, string> = {
      "content-type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "cache-control": relative.startsWith("assets/") ? IMMUTABLE : REVALIDATE,
      "x-content-type-options": "nosniff",
      etag,
    };
    if (headers["if-none-match"]?.split(",").some((tag) => tag.trim() === etag)) return { status: 304, headers: responseHeaders, body: Buffer.alloc(0) };
    return { status: 200, headers: responseHeaders, body };
  };
}
