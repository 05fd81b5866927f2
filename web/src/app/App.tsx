import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { hasAnyRole, useSession } from "../auth/session.ts";
import { useT } from "../i18n/index.ts";
import { Loading } from "../ui/Loading.tsx";
import { Page } from "../ui/Page.tsx";
import { Layout } from "./Layout.tsx";
import { currentTarget, findRoute, href, navigate, useLocation, type PageProps, type PageRoute } from "./router.tsx";

const loaded = new Map<PageRoute, ComponentType<PageProps>>();

export function App() {
  const t = useT();
  const location = useLocation();
  const { user } = useSession();
  const match = findRoute(location.path);
  const [, setTick] = useState(0);
  const [failed, setFailed] = useState<unknown>(undefined);
  const route = match?.route;
  const allowed = route ? hasAnyRole(user, route.roles) : false;

  useEffect(() => {
    setFailed(undefined);
    if (!route) return;
    if (!allowed) {
      // Signed out: sign in and come back. Signed in with another role: the page says so below.
      if (!user) navigate(href("/sign-in", {}, { next: currentTarget() }), { replace: true });
      return;
    }
    if (loaded.has(route)) return;
    route
      .load()
      .then((module) => {
        loaded.set(route, module.default);
        setTick((n) => n + 1);
      })
      .catch((error: unknown) => setFailed(error));
  }, [route, allowed, user]);

  useEffect(() => {
    // A new page starts at its top (its Page focuses the heading for screen readers).
    window.scrollTo(0, 0);
  }, [location.path]);

  let content;
  if (!match || !route) {
    content = (
      <Page title={t("common:notFound.title")}>
        <p>{t("common:notFound.body")}</p>
        <p>
          <a href={href("/")}>{t("common:notFound.home")}</a>
        </p>
      </Page>
    );
  } else if (!allowed) {
    content = user ? (
      <Page title={t("common:forbidden.title")}>
        <p>{t("common:forbidden.body")}</p>
      </Page>
    ) : (
      <Loading />
    );
  } else if (failed) {
    content = (
      <Page title={t("common:error.pageLoadTitle")}>
        <p>{t("common:error.pageLoad")}</p>
        <button type="button" class="button" onClick={() => window.location.reload()}>
          {t("common:action.reload")}
        </button>
      </Page>
    );
  } else {
    const Component = loaded.get(route);
    content = Component ? <Component key={location.path} params={match.params} /> : <Loading />;
  }
  return <Layout>{content}</Layout>;
}
