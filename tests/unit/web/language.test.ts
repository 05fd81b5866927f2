import { describe, expect, it } from "vitest";
import { pickLanguage } from "../../../web/src/i18n/language.ts";

describe("the first language shown", () => {
  it("is the saved choice, else the first browser language the app speaks, else Kazakh", () => {
    expect(pickLanguage("ru", ["en-GB"])).toBe("ru");
    expect(pickLanguage(null, ["de-DE", "ru-KZ", "en"])).toBe("ru");
    expect(pickLanguage(null, ["EN-us"])).toBe("en");
    expect(pickLanguage("fr", ["de", "tr"])).toBe("kk");
    expect(pickLanguage(null, [])).toBe("kk");
  });
});
