import type { RouteDefinition } from "../../../functions/platform/http/routeDefinition.ts";

export interface CompiledRoute {
  route: RouteDefinition;
  /** "POST /vacancies/{id}/publish", as HTTP API names routes. */
  routeKey: string;
  segments: readonly Segment[];
}

type Segment = { literal: string } | { parameter: string };

export type RouteMatch =
  | { kind: "route"; compiled: CompiledRoute; pathParameters: Record<string, string> }
  | { kind: "method_not_allowed"; allow: string[] }
  | { kind: "not_found" };

function parse(path: string): Segment[] {
  return path
    .split("/")
    .slice(1)
    .map((part) => {
      const parameter = /^\{([A-Za-z0-9_]+)\}$/.exec(part)?.[1];
      return parameter === undefined ? { literal: part } : { parameter };
    });
}

function literalCount(segments: readonly Segment[]): number {
  return segments.filter((segment) => "literal" in segment).length;
}

/**
 * Orders the routes as HTTP API chooses between overlapping ones: the route with more literal segments
 * wins ("/me/applications" before "/{x}/applications"), whatever the order of the route table.
 */
export function compileRoutes(routes: readonly RouteDefinition[]): CompiledRoute[] {
  return routes
    .map((route) => ({ route, routeKey: `${route.method} ${route.path}`, segments: parse(route.path) }))
    .sort((a, b) => literalCount(b.segments) - literalCount(a.segments));
}

function matchPath(segments: readonly Segment[], parts: readonly string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [index, segment] of segments.entries()) {
    const part = parts[index] ?? "";
    if ("literal" in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      if (part === "") return undefined;
      try {
        parameters[segment.parameter] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    }
  }
  return parameters;
}

export function matchRoute(routes: readonly CompiledRoute[], method: string, rawPath: string): RouteMatch {
  const parts = rawPath.split("/").slice(1);
  const allow = new Set<string>();
  for (const compiled of routes) {
    const pathParameters = matchPath(compiled.segments, parts);
    if (!pathParameters) continue;
    if (compiled.route.method === method) return { kind: "route", compiled, pathParameters };
    allow.add(compiled.route.method);
  }
  return allow.size > 0 ? { kind: "method_not_allowed", allow: [...allow] } : { kind: "not_found" };
}
