import type { ComponentChildren } from "preact";
import { hasAnyRole, useSession } from "../auth/session.ts";
import { LANGUAGES, useLanguage, useT, type Language } from "../i18n/index.ts";
import { allRoutes, currentTarget, href, navigate, useLocation } from "./router.tsx";

const LANGUAGE_NAMES: Record<Language, string> = { kk: "Қазақша", ru: "Русский", en: "English" };

export function Layout({ children }: { children: ComponentChildren }) {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const { user, signOut } = useSession();
  const { path } = useLocation();
  const links = allRoutes
    .filter((route) => route.nav && hasAnyRole(user, route.roles))
    .sort((a, b) => (a.nav?.order ?? 0) - (b.nav?.order ?? 0));

  return (
    <>
      <a class="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById("main")?.focus(); }}>
        {t("common:skipToContent")}
      </a>
      <header class="site-header">
        <div class="header-row">
          <a class="brand" href={href("/")}>
            Adal
          </a>
          <span class="language">
            <label for="language-select" class="visually-hidden">
              {t("common:language.label")}
            </label>
            <select id="language-select" value={language} onChange={(event) => void setLanguage(event.currentTarget.value as Language)}>
              {LANGUAGES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </select>
          </span>
          {user ? (
            <span class="account">
              <span class="username">{user.username}</span>
              <button
                type="button"
                class="button secondary small"
                onClick={() => {
                  signOut();
                  navigate("/");
                }}
              >
                {t("common:signOut")}
              </button>
            </span>
          ) : (
            path !== "/sign-in" && (
              <a class="button small" href={href("/sign-in", {}, { next: currentTarget() })}>
                {t("common:signIn.action")}
              </a>
            )
          )}
        </div>
        {links.length > 0 && (
          <nav aria-label={t("common:nav.label")}>
            <ul class="nav-list">
              {links.map((route) => {
                const current = path === route.path || (route.path !== "/" && path.startsWith(route.path + "/"));
                return (
                  <li key={route.path}>
                    <a href={href(route.path)} aria-current={current ? "page" : undefined}>
                      {t(route.nav?.labelKey ?? "")}
                    </a>
                  </li>
                );
              })}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
