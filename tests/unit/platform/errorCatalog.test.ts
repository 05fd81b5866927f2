import { describe, expect, it } from "vitest";
import { errorCatalog } from "../../../functions/platform/errors/errorCatalog.ts";
import { fieldMessage } from "../../../functions/platform/errors/fieldMessages.ts";

describe("the error catalog", () => {
  it("gives every code a distinct, non-empty title in kk, ru and en", () => {
    for (const [code, entry] of Object.entries(errorCatalog)) {
      const titles = [entry.title.kk, entry.title.ru, entry.title.en];
      expect(titles.every((title) => title.trim().length > 0), code).toBe(true);
      expect(new Set(titles).size, code).toBe(3);
      expect(entry.status >= 400 && entry.status < 600, code).toBe(true);
    }
  });

  it("localises field messages with their parameters", () => {
    expect(fieldMessage("too_big", "ru", { origin: "string", maximum: 200 })).toBe("Не длиннее 200 символов");
    expect(fieldMessage("unrecognized_keys", "kk", { keys: ["x", "y"] })).toContain("x, y");
    expect(fieldMessage("no_such_code", "en")).toBe("Is invalid");
  });
});
