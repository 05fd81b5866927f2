// A small HTTP client of the public API, used by `npm run demo` and the end-to-end tests: both go
// through exactly the doors a browser would.
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Session {
  token: string;
  user: { id: string; username: string; roles: string[]; schoolId?: string };
}

export class AdalClient {
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/$/, "");
  }

  async request<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: hand the text back as is.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  async login(username: string, password = "demo-password"): Promise<Session> {
    const response = await this.request<Session>("POST", "/auth/login", { body: { username, password } });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status}`);
    return response.body;
  }

  /** Uploads bytes through a presigned POST exactly as a browser form would. */
  async upload(upload: { url: string; fields: Record<string, string> }, bytes: Uint8Array, contentType: string, fileName: string): Promise<number> {
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append("file", new Blob([bytes], { type: contentType }), fileName);
    const response = await fetch(upload.url, { method: "POST", body: form });
    await response.arrayBuffer();
    return response.status;
  }

  /** Polls until `read` returns a value, or fails after `timeoutMs`. */
  async waitFor<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 120_000, intervalMs = 500): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
