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

describe("problem responses", () => {
  it("tell clients when to retry a 503, and only a 503", async () => {
    const { problemFor } = await import("../../../functions/platform/http/problem.ts");
    const busy = problemFor("service_busy", "ru");
    expect(busy.statusCode).toBe(503);
    expect(busy.headers).toMatchObject({ "retry-after": "1", "content-type": "application/problem+json", "content-language": "ru" });
    expect(JSON.parse(busy.body as string)).toMatchObject({ code: "service_busy", status: 503, title: "Сервис занят; повторите через мгновение" });
    expect(problemFor("invalid_state", "en").headers).not.toHaveProperty("retry-after");
  });
});
