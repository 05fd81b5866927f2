import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Role } from "../auth/token.ts";
import { bestMatch, href, parseHash, type Location } from "./paths.ts";

export type { Role };
export { href };

export type PageProps = { params: Record<string, string> };

export type PageRoute = {
  path: string;
  roles?: Role[];
  load: () => Promise<{ default: ComponentType<PageProps> }>;
  nav?: { labelKey: string; order: number };
};

// Every area registers its pages in its own routes.ts; each page's module stays a lazy chunk.
const modules = import.meta.glob<{ routes: PageRoute[] }>("../pages/*/routes.ts", { eager: true });

const signInRoute: PageRoute = { path: "/sign-in", load: () => import("./SignIn.tsx") };

export const allRoutes: PageRoute[] = [signInRoute, ...Object.values(modules).flatMap((module) => module.routes)];

export function findRoute(path: string): { route: PageRoute; params: Record<string, string> } | undefined {
  return bestMatch(allRoutes, path);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = to.startsWith("#") ? to : `#${to}`;
  if (options.replace) location.replace(target);
  else location.hash = target;
}

export function useLocation(): Location {
  const [current, setCurrent] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setCurrent(parseHash(location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return current;
}

/** The current hash's path and query, for "?next=" after sign-in. */
export function currentTarget(): string {
  return location.hash.replace(/^#/, "") || "/";
}
