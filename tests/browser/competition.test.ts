import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOk } from "./apiSteps.ts";
import { startWorld, type World } from "./harness.ts";

// A whole competition as its users live it, in the browser, in Russian: the HR officer publishes a vacancy
// with a near deadline, a teacher applies from a phone with real documents, an expert scores through the
// score sheet once the deadline passed, the HR officer approves the appointment, the teacher reads their
// rank and scores, and anyone reads the anonymised results. The public list is also checked in English.

const DAY = 24 * 3600 * 1000;

describe("a competition in the browser", () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });

  afterAll(async () => {
    await world?.close();
  });

  it("lists the open vacancies to anyone, and filters them by teaching language (en)", async () => {
    // Other schools' vacancies, published through the API: the subject here is the public list.
    const hr = await world.api.login("hr.school2");
    for (const vacancy of [
      { title: "Physics teacher", subject: "physics", language: "kk" },
      { title: "History teacher", subject: "history", language: "ru" },
    ]) {
      const created = await expectOk(
        world.api.request("POST", "/vacancies", {
          token: hr.token,
          body: { ...vacancy, kind: "teacher", hoursPerWeek: 16, employment: "permanent", closesAt: new Date(Date.now() + 14 * DAY).toISOString() },
        }),
        201,
        "create vacancy",
      );
      await expectOk(world.api.request("POST", `/vacancies/${created.id}/publish`, { token: hr.token }), 200, "publish");
    }
    const tab = await world.open("en");
    const { page, t } = tab;
    await tab.go("/");
    const results = page.getByRole("list", { name: t("public:list.results") });
    await results.getByRole("link", { name: "Physics teacher" }).waitFor();
    await results.getByRole("link", { name: "History teacher" }).waitFor();
    await tab.screen("en-public-vacancies");

    await page.getByLabel(t("public:list.language"), { exact: true }).selectOption({ label: t("common:teachingLanguage.ru") });
    await results.getByRole("link", { name: "Physics teacher" }).waitFor({ state: "detached" });
    expect(await results.getByRole("link", { name: "History teacher" }).isVisible()).toBe(true);
    await tab.close();
  });
});
