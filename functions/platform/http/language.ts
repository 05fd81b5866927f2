import type { Language } from "../errors/errorCatalog.ts";

const supported: readonly Language[] = ["kk", "ru", "en"];

// Picks the first supported language of an Accept-Language header, honouring q-weights; English otherwise.
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { base } of ranked) {
    const match = supported.find((language) => language === base);
    if (match) return match;
  }
  return "en";
}
