import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ATTESTATION_STATUSES, CATEGORIES } from "../../../functions/api/schemas/attestation.ts";
import { VACANCY_STATUSES } from "../../../functions/api/schemas/competition.ts";
import { ATTESTATION_DOCUMENT_KINDS, COMPETITION_DOCUMENT_KINDS } from "../../../functions/domain/documents/documentRules.ts";

// Every label a user reads comes from web/src/i18n/locales/<language>/<namespace>.json. A key missing in one
// language would show the raw key to a Kazakh or Russian reader; a key used in code but absent everywhere
// would show it to everyone.

const webSrc = fileURLToPath(new URL("../../../web/src/", import.meta.url));
const localesDir = join(webSrc, "i18n/locales");
const LANGUAGES = ["kk", "ru", "en"];
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

function load(language: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of readdirSync(join(localesDir, language)).filter((name) => name.endsWith(".json"))) {
    const namespace = file.replace(/\.json$/, "");
    const tree = JSON.parse(readFileSync(join(localesDir, language, file), "utf8")) as Tree;
    for (const [key, text] of flatten(tree)) all.set(`${namespace}:${key}`, text);
  }
  return all;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** `t("ns:key")`, `labelKey: "ns:key"` literals, and the fixed prefixes of `t(\`ns:prefix.${x}\`)`. */
export function keysUsedIn(source: string): { literal: string[]; prefixes: string[] } {
  const literal = [...source.matchAll(/\bt\(\s*["']([a-z]+:[\w.-]+)["']/g), ...source.matchAll(/labelKey:\s*["']([a-z]+:[\w.-]+)["']/g)].map((m) => m[1] as string);
  const prefixes = [...source.matchAll(/\bt\(\s*`([a-z]+:[\w.]*)\$\{/g)].map((m) => (m[1] as string).replace(/\.$/, ""));
  return { literal, prefixes };
}

const catalogues = Object.fromEntries(LANGUAGES.map((language) => [language, load(language)])) as Record<string, Map<string, string>>;
const en = catalogues.en as Map<string, string>;
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("web catalogues", () => {
  it("finds the keys a page uses (the extractor itself)", () => {
    const found = keysUsedIn('t("common:loading"); t(`common:status.${s}`); x.t("no"); nav: { labelKey: "public:nav.vacancies" }');
    expect(found).toEqual({ literal: ["common:loading", "public:nav.vacancies"], prefixes: ["common:status"] });
  });

  for (const language of ["kk", "ru"]) {
    it(`${language} has exactly the English keys, with the same {{variables}}`, () => {
      const other = catalogues[language] as Map<string, string>;
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
      const differing = [...en].filter(([key, text]) => JSON.stringify(variables(text)) !== JSON.stringify(variables(other.get(key) ?? "")));
      expect(differing.map(([key]) => key)).toEqual([]);
      const empty = [...other].filter(([, text]) => text.trim() === "");
      expect(empty).toEqual([]);
    });
  }

  it("has every key the code under web/src uses", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(webSrc)) {
      const { literal, prefixes } = keysUsedIn(readFileSync(file, "utf8"));
      const where = relative(webSrc, file);
      for (const key of literal) if (!en.has(key)) missing.push(`${where}: ${key}`);
      for (const prefix of prefixes) if (![...en.keys()].some((key) => key.startsWith(`${prefix}.`))) missing.push(`${where}: ${prefix}.*`);
    }
    expect(missing).toEqual([]);
  });

  it("names every status, category and document kind the API returns", () => {
    const wanted = [
      ...[...VACANCY_STATUSES, ...ATTESTATION_STATUSES, "withdrawn", "eligible", "scored", "not_selected", "open", "expired", "verified", "rejected", "pending"].map((s) => `common:status.${s}`),
      ...CATEGORIES.map((c) => `common:category.${c}`),
      ...[...COMPETITION_DOCUMENT_KINDS, ...ATTESTATION_DOCUMENT_KINDS].map((k) => `common:documentKind.${k}`),
    ];
    expect(wanted.filter((key) => !en.has(key))).toEqual([]);
  });
});
