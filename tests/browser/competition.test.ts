import { describe, expect, it } from "vitest";
import { applicants, scoreSheetFor, scoreSheets } from "../../infra/local/demo/competitionScenario.ts";
import { applyThroughApi, expectOk, identityCard, pdfFile } from "./apiSteps.ts";
import { answerRubric, clickAndConfirm, formatNumber, openCaseAsExpert, textBefore, uploadInPage, worldOfThisFile, type Tab } from "./harness.ts";

// A whole competition as its users live it, in the browser, in Russian: the HR officer publishes a vacancy
// with a near deadline, a teacher applies from a phone with real documents, an expert scores through the
// score sheet once the deadline has passed, the HR officer approves the appointment, the teacher reads their
// rank and scores, and anyone reads the anonymised results. The public pages are also checked in English.
// Two more applicants apply through the API and the rest of the panel's sheets go through it too: each kind
// of user does their own main task in the browser once.

const DAY = 24 * 3600 * 1000;
/**
 * From the moment the HR officer types the deadline: enough for publishing, three applications (one typed on
 * a phone) and the screens checked meanwhile, even on a busy 2-core machine (they take ~70 s on a quiet one).
 */
const APPLICATION_WINDOW_MS = 120_000;
const winner = applicants.find((applicant) => applicant.username === "teacher4")!;
const others = applicants.filter((applicant) => applicant.username === "teacher1" || applicant.username === "teacher7");
const TITLE = "Учитель математики";

describe("a competition in the browser", () => {
  const world = worldOfThisFile();
  let vacancyId: string;
  let closesAt: number;
  let rubric: { criteria: { id: string; title: Record<string, string>; options?: { id: string; label: Record<string, string>; points: number }[] }[] };
  let teacher: Tab;
  let applicationId: string;

  it("the HR officer creates a vacancy with a deadline minutes away and publishes it", async () => {
    const tab = await world().open("ru");
    const { page, t } = tab;
    await tab.signIn("hr.school1");
    await page.getByRole("navigation").getByRole("link", { name: t("hr:nav.vacancies") }).click();
    await page.getByRole("heading", { name: t("hr:vacancies.title") }).waitFor();
    await page.getByRole("link", { name: t("hr:vacancies.new") }).click();
    await page.getByRole("heading", { name: t("hr:create.title") }).waitFor();

    await page.getByLabel(t("hr:create.position"), { exact: true }).fill(TITLE);
    await page.getByLabel(t("hr:create.subject"), { exact: true }).fill("Математика");
    await page.getByLabel(t("hr:create.language"), { exact: true }).selectOption({ label: t("common:teachingLanguage.ru") });
    await page.getByRole("group", { name: t("hr:create.kind") }).getByRole("radio", { name: t("hr:kind.teacher"), exact: true }).check();
    await page.getByLabel(t("hr:create.hoursPerWeek"), { exact: true }).fill("18");
    await page.getByRole("group", { name: t("hr:create.employment") }).getByRole("radio", { name: t("common:employment.permanent"), exact: true }).check();
    // The officer types the deadline in their own time zone (the browser's, Asia/Almaty), to the second.
    closesAt = Math.ceil((Date.now() + APPLICATION_WINDOW_MS) / 1000) * 1000;
    if (new Date(closesAt).getUTCSeconds() === 0) closesAt += 1000;
    const local = await page.evaluate((instant) => {
      const date = new Date(instant);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
    }, closesAt);
    await page.getByLabel(t("hr:create.closesAt"), { exact: true }).fill(local);
    await page.getByLabel(t("hr:create.description"), { exact: true }).fill("Нагрузка 18 часов, 5–9 классы.");
    await tab.screen("ru-hr-new-vacancy");
    await page.getByRole("button", { name: t("hr:create.save") }).click();

    await page.getByRole("status").filter({ hasText: t("hr:vacancy.created") }).waitFor();
    vacancyId = decodeURIComponent(/#\/hr\/vacancies\/([^?]+)/.exec(page.url())![1]!);
    await clickAndConfirm(tab, t("hr:vacancy.publish"), t("hr:vacancy.publishConfirm"));
    await page.getByRole("status").filter({ hasText: t("hr:vacancy.published") }).waitFor();
    await tab.screen("ru-hr-vacancy");
    await tab.close();

    const vacancy = await expectOk(world().api.request("GET", `/vacancies/${vacancyId}`), 200, "read the vacancy");
    expect(vacancy).toMatchObject({ title: TITLE, subject: "Математика", language: "ru", hoursPerWeek: 18, status: "published", closesAt: new Date(closesAt).toISOString() });
    rubric = await expectOk(world().api.request("GET", `/rubrics/${vacancy.rubricId}`), 200, "read the rubric");
  });

  it("a teacher applies from a phone: answers the evaluation sheet, uploads an ID card and a diploma, submits", async () => {
    expect(vacancyId, "the vacancy published in the first step").toBeDefined();
    teacher = await world().open("ru", { phone: true });
    const { page, t } = teacher;
    await teacher.signIn(winner.username);
    await teacher.go(`/vacancies/${encodeURIComponent(vacancyId)}`);
    await page.getByRole("heading", { name: TITLE }).waitFor();
    await teacher.screen("ru-teacher-vacancy");
    await page.getByRole("link", { name: t("public:vacancy.apply") }).click();
    await page.getByRole("heading", { name: t("teacher:apply.title") }).waitFor();
    await answerRubric(teacher, rubric.criteria, winner.claims, (label, points) => `${label} (${t("public:rubric.points", { points })})`);
    await teacher.screen("ru-teacher-apply");
    await page.getByRole("button", { name: t("teacher:apply.continue") }).click();

    await page.getByRole("heading", { name: t("teacher:application.titleOf", { title: TITLE }) }).waitFor();
    applicationId = decodeURIComponent(/#\/applications\/([^?]+)/.exec(page.url())![1]!);
    const documents = [
      { kind: "identity", file: identityCard() },
      { kind: "diploma", file: pdfFile("diploma.pdf", ["Diploma", "Master of Science in Mathematics", "Kazakh National University, 2012"]) },
    ];
    for (const { kind, file } of documents) await uploadInPage(teacher, kind, file);
    await page.getByText(t("teacher:application.readyToSubmit")).waitFor();
    // What was uploaded can be opened again, in a new tab, by a link that names the file.
    const reopen = page.getByRole("link", { name: t("teacher:documents.open", { fileName: "diploma.pdf" }) });
    expect(await reopen.getAttribute("target")).toBe("_blank");
    await teacher.screen("ru-teacher-application");
    await clickAndConfirm(teacher, t("teacher:application.submit"), t("teacher:application.submit"));
    await page.getByText(t("teacher:application.explain.submitted")).waitFor();
  });

  it("the HR officer follows the applications as they come in", async () => {
    expect(applicationId, "the application submitted from the phone").toBeDefined();
    for (const other of others) await applyThroughApi(world().api, vacancyId, other.username, other.claims);
    const tab = await world().open("ru");
    const { page, t } = tab;
    await tab.signIn("hr.school1");
    await tab.go(`/hr/vacancies/${encodeURIComponent(vacancyId)}`);
    const submitted = page.getByRole("table").getByRole("row").filter({ hasText: t("common:status.submitted") });
    await submitted.nth(2).waitFor();
    expect(await submitted.filter({ hasText: applicationId }).count()).toBe(1);
    await tab.screen("ru-hr-applications");
    await tab.close();
    expect(Date.now(), "every application went in before the deadline").toBeLessThan(closesAt);
  });

  it("lists the open vacancies to anyone, and filters them by teaching language (en), while the applications are open", async () => {
    // Other schools' vacancies, published through the API: the subject here is the public list.
    const hr = await world().api.login("hr.school2");
    for (const vacancy of [
      { title: "Physics teacher", subject: "physics", language: "kk" },
      { title: "History teacher", subject: "history", language: "ru" },
    ]) {
      const created = await expectOk(
        world().api.request("POST", "/vacancies", {
          token: hr.token,
          body: { ...vacancy, kind: "teacher", hoursPerWeek: 16, employment: "permanent", closesAt: new Date(Date.now() + 14 * DAY).toISOString() },
        }),
        201,
        "create vacancy",
      );
      await expectOk(world().api.request("POST", `/vacancies/${created.id}/publish`, { token: hr.token }), 200, "publish");
    }
    const tab = await world().open("en");
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

  it("an expert declares a conflict of interest with another school (en), while the applications are open", async () => {
    const hr = await world().api.login("hr.school1");
    const schools = await expectOk(world().api.request("GET", "/schools?limit=100"), 200, "schools");
    const other = schools.items.find((school: { id: string }) => school.id !== hr.user.schoolId);
    const tab = await world().open("en");
    const { page, t } = tab;
    await tab.signIn("expert7");
    await page.getByRole("navigation").getByRole("link", { name: t("expert:nav.conflicts") }).click();
    await page.getByRole("heading", { name: t("expert:conflict.title") }).waitFor();
    await page.getByRole("group", { name: t("expert:conflict.target") }).getByRole("radio", { name: t("expert:conflict.school"), exact: true }).check();
    await page.getByLabel(t("expert:conflict.schoolId"), { exact: true }).selectOption({ label: `${other.name} — ${other.district}` });
    await page.getByLabel(t("expert:conflict.reason"), { exact: true }).fill("My sister teaches there.");
    await tab.screen("en-expert-conflict");
    await page.getByRole("button", { name: t("expert:conflict.submit") }).click();
    await page.getByRole("status").filter({ hasText: textBefore(t, "expert:conflict.done", "date") }).waitFor();
    await tab.close();
  });

  it("after the deadline an expert of the panel opens the case, views the documents and seals a score sheet", async () => {
    expect(applicationId, "the application submitted from the phone").toBeDefined();
    const { tab, session, assignment, detail } = await openCaseAsExpert(world(), vacancyId, "ru", "ru-expert-assignments");
    const { page, t } = tab;

    const diploma = `${t("common:documentKind.diploma")} (diploma.pdf)`;
    await page.getByRole("button", { name: t("expert:documents.view", { name: diploma }) }).click();
    await page.locator("iframe, object, embed").first().waitFor();
    const identity = `${t("common:documentKind.identity")} (id-card.png)`;
    await page.getByRole("button", { name: t("expert:documents.view", { name: identity }) }).click();
    const image = page.getByRole("img").first();
    await image.waitFor();
    // The scan is read from the bucket (lazily, once in view) and decoded: it has a width.
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element) => (element as unknown as { naturalWidth: number }).naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);

    await answerRubric(tab, detail.rubric.criteria, scoreSheetFor(detail.rubric, detail.claims), (label, points) => t("expert:sheet.optionLabel", { label, points }));
    await page.getByLabel(t("expert:sheet.comment"), { exact: true }).fill("Диплом и удостоверение сверены с заявлением.");
    // The draft is kept in the browser: a reload (or a dropped connection) loses nothing.
    await page.reload();
    await page.getByRole("status").filter({ hasText: textBefore(t, "expert:sheet.draftRestored", "time") }).waitFor();
    expect(await page.getByLabel(t("expert:sheet.comment"), { exact: true }).inputValue()).toBe("Диплом и удостоверение сверены с заявлением.");
    await tab.screen("ru-expert-score-sheet");
    await clickAndConfirm(tab, t("expert:sheet.submit"), t("expert:sheet.confirm"));
    await page.getByRole("status").filter({ hasText: t("expert:sheet.submitted") }).waitFor();
    await page.getByRole("heading", { name: t("expert:sheet.sealed.title") }).waitFor();
    await tab.screen("ru-expert-sealed-sheet");
    await tab.close();
    const sealed = await world().api.request("GET", `/me/assignments?limit=100`, { token: session.token });
    expect(sealed.body.items.find((item: { id: string }) => item.id === assignment.id)).toMatchObject({ status: "submitted" });
  });

  it("the HR officer approves the recommended appointment with the order's number and date", async () => {
    expect(applicationId, "the application submitted from the phone").toBeDefined();
    // The rest of the panel scores through the API; the workflow then ranks and offers the post.
    await scoreSheets(world().api, { vacancyId, sessions: new Map(), applicationIds: new Map(), refusals: {}, sheets: 0 });
    const hrSession = await world().api.login("hr.school1");
    await world().api.waitFor("the offer", async () => {
      const list = await world().api.request("GET", "/approvals", { token: hrSession.token });
      return list.body.items?.find((item: { vacancyId: string }) => item.vacancyId === vacancyId);
    });
    const tab = await world().open("ru");
    const { page, t } = tab;
    await tab.signIn("hr.school1");
    await page.getByRole("navigation").getByRole("link", { name: t("hr:nav.approvals") }).click();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: t("hr:approvals.heading", { vacancy: TITLE, rank: 1 }) }) });
    await card.waitFor();
    await card.getByRole("radio", { name: t("hr:approvals.approve"), exact: true }).check();
    await card.getByLabel(t("hr:approvals.orderNumber"), { exact: true }).fill("17-К");
    expect(await card.getByLabel(t("hr:approvals.orderDate"), { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await tab.screen("ru-hr-approvals");
    await clickAndConfirm(tab, t("hr:approvals.continue"), t("hr:approvals.confirm"), card);
    await page.getByRole("status").filter({ hasText: t("hr:approvals.approved") }).waitFor();

    await tab.go(`/hr/vacancies/${encodeURIComponent(vacancyId)}`);
    const applications = page.getByRole("table");
    await applications.getByRole("row").filter({ hasText: applicationId }).filter({ hasText: t("common:status.appointed") }).waitFor();
    await tab.screen("ru-hr-vacancy-decided");
    await page.getByRole("link", { name: t("hr:vacancy.audit") }).click();
    await page.getByText(textBefore(t, "hr:audit.intact", "count")).waitFor();
    await tab.screen("ru-hr-audit");
    await tab.close();
  });

  it("the teacher reads their place, points per criterion and the cut-off on the phone", async () => {
    expect(applicationId, "the application submitted from the phone").toBeDefined();
    const { page, t } = teacher;
    await world().api.waitFor("the appointment", async () => {
      const application = await world().api.request("GET", `/applications/${applicationId}`, { token: (await world().api.login(winner.username)).token });
      return application.body.status === "appointed" ? true : undefined;
    });
    await page.getByRole("navigation").getByRole("link", { name: t("teacher:nav.applications") }).click();
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { name: t("teacher:application.resultTitle") }).waitFor();
    await page.getByText(t("teacher:application.explain.appointed")).waitFor();
    const facts = page.locator("dl").filter({ hasText: t("teacher:application.rank") });
    expect(await facts.innerText()).toContain(formatNumber(44.5, "ru"));
    await teacher.screen("ru-teacher-result");
    await teacher.close();
  });

  it("anyone reads the anonymised results, in Russian and in English", async () => {
    expect(applicationId, "the application submitted from the phone").toBeDefined();
    for (const language of ["ru", "en"] as const) {
      const tab = await world().open(language);
      const { page, t } = tab;
      await tab.go(`/vacancies/${encodeURIComponent(vacancyId)}`);
      await page.getByRole("link", { name: t("public:vacancy.results") }).click();
      const table = page.getByRole("table", { name: t("public:results.ranking") });
      await table.waitFor();
      const rows = await table.getByRole("row").allInnerTexts();
      expect(rows).toHaveLength(4);
      expect(rows[1]).toContain(t("public:results.appointed"));
      for (const [index, total] of [44.5, 21, 8.5].entries()) expect(rows[index + 1]).toContain(formatNumber(total, language));
      const text = await page.locator("main").innerText();
      expect(text).not.toMatch(/teacher\d|user-/);
      expect(text).not.toContain(applicationId);
      await tab.screen(`${language}-public-results`);
      await tab.close();
    }
  });
});
