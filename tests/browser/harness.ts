import { mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import i18next from "i18next";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect, inject } from "vitest";
import { AdalClient } from "../../infra/local/client/adalClient.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";
import { expectOk, expertWith } from "./apiSteps.ts";

// What every browser test shares: its own local stack serving the built app, one headless Debian Chromium,
// and tabs that each play one user in one language, found by the labels of the app's own catalogues.

export type Language = "kk" | "ru" | "en";
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

const LOCALES: Record<Language, string> = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };
const DESKTOP = { width: 1280, height: 860 };
/** A small phone, as teachers in rural schools use. */
export const PHONE = { width: 360, height: 740 };
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const localesDir = fileURLToPath(new URL("../../web/src/i18n/locales/", import.meta.url));
export const SCREENSHOTS_DIR = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
export const DEMO_PASSWORD = "demo-password";

const translators = new Map<Language, Promise<Translate>>();

/** The app's catalogues for one language, read the way the app reads them (i18next, same interpolation). */
export function catalogue(language: Language): Promise<Translate> {
  let translator = translators.get(language);
  if (!translator) {
    translator = (async () => {
      const dir = join(localesDir, language);
      const resources: Record<string, Record<string, unknown>> = {};
      for (const file of (await readdir(dir)).filter((name) => name.endsWith(".json"))) {
        resources[file.replace(/\.json$/, "")] = JSON.parse(await readFile(join(dir, file), "utf8"));
      }
      const instance = i18next.createInstance();
      await instance.init({ lng: language, resources: { [language]: resources }, defaultNS: "common", fallbackLng: false, interpolation: { escapeValue: false } });
      return (key: string, vars?: Record<string, unknown>) => {
        if (!instance.exists(key, vars)) throw new Error(`no ${language} catalogue entry ${key}`);
        return (instance.t as unknown as (key: string, options?: Record<string, unknown>) => string)(key, vars);
      };
    })();
    translators.set(language, translator);
  }
  return translator;
}

type Localized = string | Partial<Record<Language, string>>;
interface RubricCriterion {
  id: string;
  title: Localized;
  options?: { id: string; label: Localized; points: number }[];
}

/** A text of the API in one language, with the app's own fallbacks (see `localized` in web/src/i18n). */
export function localizedText(text: Localized, language: Language): string {
  return typeof text === "string" ? text : (text[language] ?? text.ru ?? text.kk ?? text.en ?? "");
}

/** A number as the app shows it in that language (Intl, like formatNumber in web/src/i18n). */
export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(n);
}

/**
 * Answers a rubric's questions as a user would: the option's radio button in the criterion's group, or the
 * number in the criterion's field. `optionName` is how the page words an option ("label (3 points)").
 */
export async function answerRubric(
  tab: Tab,
  criteria: readonly RubricCriterion[],
  answers: Record<string, string | number>,
  optionName: (label: string, points: string) => string,
): Promise<void> {
  for (const criterion of criteria) {
    const answer = answers[criterion.id];
    if (answer === undefined) continue;
    const title = localizedText(criterion.title, tab.language);
    if (criterion.options) {
      const option = criterion.options.find((candidate) => candidate.id === answer);
      if (!option) throw new Error(`${criterion.id} has no option ${answer}`);
      const name = optionName(localizedText(option.label, tab.language), formatNumber(option.points, tab.language));
      await tab.page.getByRole("group", { name: title, exact: true }).getByRole("radio", { name, exact: true }).check();
    } else {
      await tab.page.getByLabel(title, { exact: true }).fill(String(answer));
    }
  }
}

/**
 * Uploads a document through the page's upload field of that kind (labelled by the kind, then "required" for
 * required kinds) and waits until the app says it was uploaded and verified.
 */
export async function uploadInPage(tab: Tab, kind: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const label = tab.t(`common:documentKind.${kind}`).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const documents = tab.page.getByRole("region", { name: tab.t("teacher:documents.title"), exact: true });
  await documents.getByLabel(new RegExp(`^${label}`)).setInputFiles(file);
  await tab.page.getByText(tab.t("common:upload.done", { fileName: file.name })).waitFor();
}

/** A catalogue text up to where its first variable goes: to find a message whose variable part is not known. */
export function textBefore(t: Translate, key: string, variable: string): string {
  return t(key, { [variable]: "\u0000" }).split("\u0000")[0]!;
}

/**
 * Clicks a button that asks for confirmation, then the confirming button of the modal dialog it opens (the
 * page behind may have a button of the same name), and waits for the dialog to close.
 */
export async function clickAndConfirm(tab: Tab, buttonName: string, confirmName: string, within: Locator | Page = tab.page): Promise<void> {
  await within.getByRole("button", { name: buttonName, exact: true }).click();
  const dialog = tab.page.getByRole("dialog");
  await dialog.waitFor();
  await dialog.getByRole("button", { name: confirmName, exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
}

export interface Tab {
  page: Page;
  language: Language;
  t: Translate;
  /** Opens a hash route of the app ("/vacancies/abc") and waits for its heading. */
  go(path: string): Promise<void>;
  /** Signs in through the sign-in page, as the user would. */
  signIn(username: string): Promise<void>;
  /** Picks another language in the header's switcher; `t` then reads that language's catalogues. */
  switchLanguage(language: Language): Promise<void>;
  /**
   * A main screen: no serious or critical axe violation, no uncaught error in the page, <html lang> right,
   * and a screenshot saved as test-results/screenshots/<name>.png.
   */
  screen(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface World {
  url: string;
  api: AdalClient;
  stack: LocalStack;
  open(language: Language, options?: { phone?: boolean }): Promise<Tab>;
  /** Screenshots of every tab still open, as test-results/screenshots/failed-<label>-<n>.png: what a failure left. */
  snapshotOpenTabs(label: string): Promise<void>;
  close(): Promise<void>;
}

/** Serious and critical axe findings, one readable line each (empty when the page passes). */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(", ")}`);
}

async function openTab(browser: Browser, url: string, language: Language, phone: boolean): Promise<Tab> {
  const context = await browser.newContext({
    locale: LOCALES[language],
    timezoneId: "Asia/Almaty",
    viewport: phone ? PHONE : DESKTOP,
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  const tab: Tab = {
    page,
    language,
    t: await catalogue(language),
    async go(path) {
      const target = `${url}/#${path}`;
      // Going to the hash the page is already at would not load anything again: reload instead.
      if (page.url() === target) await page.reload();
      else await page.goto(target);
      await page.locator("main h1").first().waitFor();
    },
    async signIn(username) {
      const { t } = tab;
      await tab.go("/sign-in");
      await page.getByLabel(t("common:signIn.username"), { exact: true }).fill(username);
      await page.getByLabel(t("common:signIn.password"), { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: t("common:signIn.action") }).click();
      // Page functions as text: they run in the browser, whose globals (DOM) this Node project does not type.
      await page.waitForFunction(`!location.hash.startsWith("#/sign-in")`);
      await page.locator("main h1").first().waitFor();
    },
    async switchLanguage(next) {
      await page.getByRole("banner").getByLabel(tab.t("common:language.label"), { exact: true }).selectOption(next);
      await page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(next)}`);
      tab.language = next;
      tab.t = await catalogue(next);
    },
    async screen(name) {
      await page.locator("main h1").first().waitFor();
      expect(await page.evaluate("document.documentElement.lang")).toBe(tab.language);
      expect(await accessibilityProblems(page), `accessibility of ${name}`).toEqual([]);
      expect(errors, `uncaught errors on ${name}`).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
    },
    close: () => context.close(),
  };
  return tab;
}

/** A local stack (its data in a temporary folder, free port, demo region) and one headless Chromium. */
export async function startWorld(): Promise<World> {
  const dataDir = await mkdtemp(join(tmpdir(), "adal-browser-"));
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  let stack: LocalStack | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await stack?.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    stack = await startLocalStack({ dataDir, port: 0, seed: true, quiet: true, webDir: inject("webDir") });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    await close();
    throw error;
  }
  const started = { stack, browser };
  return {
    url: stack.url,
    api: new AdalClient(stack.url),
    stack,
    open: (language, options = {}) => openTab(started.browser, started.stack.url, language, options.phone ?? false),
    async snapshotOpenTabs(label) {
      const pages = started.browser.contexts().flatMap((context) => context.pages());
      const name = label.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80);
      for (const [index, page] of pages.entries()) {
        await page.screenshot({ path: join(SCREENSHOTS_DIR, `failed-${name}-${index + 1}.png`), fullPage: true }).catch(() => undefined);
      }
    },
    close,
  };
}

/**
 * The world of one test file, registered with its hooks: started before the first test, screenshots of the
 * tabs left open when a test fails (what the user saw), closed after the last test.
 */
export function worldOfThisFile(): () => World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld();
  });
  beforeEach(({ task, onTestFailed }) => onTestFailed(() => world?.snapshotOpenTabs(task.name)));
  afterAll(async () => {
    await world?.close();
  });
  return () => {
    if (!world) throw new Error("the local stack and browser did not start");
    return world;
  };
}

/**
 * An expert of the case's panel (found through the API) signs in, goes to their cases and opens that case:
 * the tab, and the assignment as the API gives it to that expert (rubric, claims) to fill the sheet from.
 * `listScreen` names the screenshot of the list of cases, when one is wanted.
 */
export async function openCaseAsExpert(world: World, caseId: string, language: Language, listScreen?: string) {
  const { username, session, assignment } = await expertWith(world.api, (item) => item.caseId === caseId);
  const detail = await expectOk(world.api.request("GET", `/assignments/${assignment.id}`, { token: session.token }), 200, "read the assignment");
  const tab = await world.open(language);
  const { page, t } = tab;
  await tab.signIn(username);
  await page.getByRole("navigation").getByRole("link", { name: t("expert:nav.assignments") }).click();
  await page.getByRole("heading", { name: t("expert:assignments.title") }).waitFor();
  if (listScreen) await tab.screen(listScreen);
  await page.getByRole("link", { name: t("expert:assignments.case", { ref: assignment.id }) }).click();
  await page.getByRole("heading", { name: t(`expert:kind.${assignment.caseKind}`) }).waitFor();
  return { tab, session, assignment, detail };
}
