import { describe, expect, it } from "vitest";
import { bestMatch, href, matchPath, parseHash } from "../../../web/src/app/paths.ts";

describe("hash routes", () => {
  it("reads the path and query of a hash, an empty hash being the home page", () => {
    expect(parseHash("")).toMatchObject({ path: "/" });
    expect(parseHash("#/")).toMatchObject({ path: "/" });
    const location = parseHash("#/vacancies/abc/?language=kk&status=published");
    expect(location.path).toBe("/vacancies/abc");
    expect(Object.fromEntries(location.query)).toEqual({ language: "kk", status: "published" });
  });

  it("matches parameters and refuses other shapes", () => {
    expect(matchPath("/vacancies/:id", "/vacancies/abc")).toEqual({ id: "abc" });
    expect(matchPath("/vacancies/:id/results", "/vacancies/x-1/results")).toEqual({ id: "x-1" });
    expect(matchPath("/vacancies/:id", "/vacancies/abc/results")).toBeUndefined();
    expect(matchPath("/vacancies/:id", "/applications/abc")).toBeUndefined();
    expect(matchPath("/", "/")).toEqual({});
  });

  it("round-trips parameters with reserved characters and refuses broken escapes", () => {
    const link = href("/cases/:caseId/audit", { caseId: "a b/c?d" }, { next: "/x", empty: "", none: undefined });
    expect(link).toBe("#/cases/a%20b%2Fc%3Fd/audit?next=%2Fx");
    expect(matchPath("/cases/:caseId/audit", parseHash(link).path)).toEqual({ caseId: "a b/c?d" });
    expect(matchPath("/vacancies/:id", "/vacancies/%E0%A4%A")).toBeUndefined();
  });

  it("prefers the route with more literal segments, whatever the order of registration", () => {
    const routes = [{ path: "/attestations/:id" }, { path: "/attestations/new" }];
    expect(bestMatch(routes, "/attestations/new")?.route.path).toBe("/attestations/new");
    expect(bestMatch(routes, "/attestations/a1")).toEqual({ route: { path: "/attestations/:id" }, params: { id: "a1" } });
    expect(bestMatch(routes, "/nowhere")).toBeUndefined();
  });
});
