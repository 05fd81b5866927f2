import { describe, expect, it } from "vitest";
import { negotiateLanguage } from "../../../functions/platform/http/language.ts";

describe("negotiateLanguage", () => {
  it.each([
    [undefined, "en"],
    ["kk", "kk"],
    ["ru-RU,ru;q=0.9,en;q=0.8", "ru"],
    ["de-DE,kk;q=0.5,ru;q=0.7", "ru"],
    ["fr, de", "en"],
    ["ru;q=0, kk;q=0.1", "kk"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });
});
