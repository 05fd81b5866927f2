import { getToken, storeSession } from "../auth/token.ts";
import { currentLanguage, t } from "../i18n/index.ts";
import { ApiError } from "./apiError.ts";
import type { FieldProblem } from "./types.ts";

export { ApiError, type FieldProblem };

type Problem = { title?: string; code?: string; detail?: string; errors?: FieldProblem[] };

export type Query = Record<string, string | number | undefined>;

const RETRY_DELAYS_MS = [1000, 3000];

export function buildPath(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}${path.includes("?") ? "&" : "?"}${search}` : path;
}

function networkError(): ApiError {
  return new ApiError({ status: 0, code: "network_error", title: t("common:error.network") });
}

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // A proxy's HTML error page: keep the status, say it in our words.
  }
  const retryAfter = Number(response.headers.get("retry-after"));
  return new ApiError({
    status: response.status,
    code: problem.code ?? `http_${response.status}`,
    title: problem.title ?? t("common:error.unexpected", { status: response.status }),
    ...(problem.detail !== undefined ? { detail: problem.detail } : {}),
    ...(problem.errors ? { fields: problem.errors } : {}),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
  });
}

export async function api<T>(
  method: "GET" | "POST",
  path: string,
  options: { body?: unknown; query?: Query; idempotencyKey?: string; token?: string } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": currentLanguage() };
  // A token not yet in the session (sign-in asking who it belongs to) may be passed explicitly.
  const token = options.token ?? getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  const url = buildPath(path, options.query);
  const init = { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) };
  // A read may simply be tried again: a dropped connection or a busy service (503) gets two more chances,
  // a few seconds apart, before the page shows an error. Writes are left to the user (and their keys).
  const retries = method === "GET" ? RETRY_DELAYS_MS : [];
  let response: Response | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await fetch(url, init);
      if (response.status !== 503 || attempt >= retries.length) break;
    } catch {
      if (attempt >= retries.length) throw networkError();
    }
    await new Promise((resolve) => setTimeout(resolve, retries[attempt]));
  }
  if (!response.ok) {
    const error = await problemOf(response);
    // An expired or revoked token: forget it, so the page asks for sign-in instead of failing on.
    if (error.status === 401 && token) storeSession(undefined);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A fresh key per user action, so a retried click creates nothing twice. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export type PresignedUpload = { url: string; fields: Record<string, string> };

/**
 * Sends a file with an S3 presigned POST. XMLHttpRequest, not fetch, because only it reports upload
 * progress, which matters on a slow rural connection. S3 answers errors in XML: its <Code> becomes the code.
 */
export function uploadDocument(upload: PresignedUpload, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append("file", file);
    const request = new XMLHttpRequest();
    request.open("POST", upload.url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve();
        return;
      }
      const code = /<Code>([^<]+)<\/Code>/.exec(request.responseText ?? "")?.[1] ?? `http_${request.status}`;
      reject(new ApiError({ status: request.status, code, title: t("common:upload.storageRefused", { code }) }));
    };
    request.onerror = () => reject(networkError());
    request.onabort = () => reject(networkError());
    request.send(form);
  });
}
