// Hash-route parsing kept free of Preact so unit tests can run it under Node.

export type Location = { path: string; query: URLSearchParams };

/** "#/vacancies/abc?x=1" → { path: "/vacancies/abc", query: x=1 }. An empty hash is the home page "/". */
export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, "");
  const [pathPart = "", search = ""] = raw.split("?", 2);
  const path = "/" + pathPart.split("/").filter(Boolean).join("/");
  return { path, query: new URLSearchParams(search) };
}

/**
 * Matches "/vacancies/:id" against "/vacancies/abc" → { id: "abc" }; undefined when it does not match.
 * Segments are decoded, so ids with reserved characters survive the round trip through the hash.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] as string;
    const actual = have[i] as string;
    if (segment.startsWith(":")) {
      try {
        params[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return undefined;
      }
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return params;
}

/** Builds "#/vacancies/abc" from a pattern and params, encoding each parameter. */
export function href(pattern: string, params: Record<string, string> = {}, query?: Record<string, string | undefined>): string {
  const path = pattern
    .split("/")
    .map((segment) => (segment.startsWith(":") ? encodeURIComponent(params[segment.slice(1)] ?? "") : segment))
    .join("/");
  const search = query ? new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")).toString() : "";
  return `#${path}${search ? `?${search}` : ""}`;
}

/** Of the patterns that match, the one with the most literal segments wins ("/a/new" over "/a/:id"). */
export function bestMatch<R extends { path: string }>(routes: readonly R[], path: string): { route: R; params: Record<string, string> } | undefined {
  let best: { route: R; params: Record<string, string>; literals: number } | undefined;
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    const literals = route.path.split("/").filter((s) => s && !s.startsWith(":")).length;
    if (!best || literals > best.literals) best = { route, params, literals };
  }
  return best && { route: best.route, params: best.params };
}
