import { describe, expect, it } from "vitest";
import { attestationRulesV1 } from "../../functions/domain/attestation/attestationRules.ts";
import { attestationTeachers, scoreOpenAssignments, sheetMeeting } from "../../infra/local/demo/attestationScenario.ts";
import { expectOk, pdfFile } from "./apiSteps.ts";
import { answerRubric, clickAndConfirm, openCaseAsExpert, uploadInPage, worldOfThisFile, type Tab } from "./harness.ts";

// One attestation as its users live it, in the browser, in Kazakh: a teacher files for "expert" from a phone
// (the form says which categories the rules allow), uploads the portfolio and submits; an expert of the
// panel scores it on the score sheet; the commission's chair records the vote; the teacher reads the decision
// — capped at "moderator" by the knowledge test (п.24) — and appeals within the window, then reads the page
// again in English. The rest of the panel scores through the API.

const capped = attestationTeachers.capped;
const PORTFOLIO = ["application", "diploma", "essay", "test"] as const;
const TEST_TASKS = attestationRulesV1.knowledgeTest.tasks;

describe("an attestation in the browser", () => {
  const world = worldOfThisFile();
  let teacher: Tab;
  let attestationId: string;

  it("a teacher files for a higher category from a phone, uploads the portfolio and submits", async () => {
    const { request } = capped;
    teacher = await world().open("kk", { phone: true });
    const { page, t } = teacher;
    await teacher.signIn(capped.username);
    await page.getByRole("navigation").getByRole("link", { name: t("teacher:nav.attestations") }).click();
    await page.getByRole("link", { name: t("teacher:attestation.newAction") }).click();
    await page.getByRole("heading", { name: t("teacher:attestation.newTitle") }).waitFor();

    await page.getByRole("group", { name: t("teacher:attestation.role") }).getByRole("radio", { name: t("teacher:attestation.roles.teacher"), exact: true }).check();
    await page.getByLabel(t("teacher:attestation.currentCategory"), { exact: true }).selectOption({ label: t(`common:category.${request.currentCategory}`) });
    await page.getByLabel(t("teacher:attestation.validUntil"), { exact: true }).fill(request.currentCategoryValidUntil);
    await page.getByLabel(t("teacher:attestation.experienceYears"), { exact: true }).fill(String(request.experienceYears));
    await page.getByLabel(t("teacher:attestation.testScore", { tasks: TEST_TASKS }), { exact: true }).fill(String(request.test.score));
    await page.getByLabel(t("teacher:attestation.testTakenAt"), { exact: true }).fill(request.test.takenAt);
    await page.getByLabel(t("teacher:attestation.targetCategory"), { exact: true }).selectOption({ label: t(`common:category.${request.targetCategory}`) });
    // The rules, explained before anything is sent: "expert" may be aimed for, the test caps it (п.24).
    const eligibility = page.getByRole("region", { name: t("teacher:eligibility.title") });
    await eligibility.getByRole("heading", { name: `${t("common:category.expert")}: ${t("teacher:eligibility.may")}` }).waitFor();
    await eligibility.getByText(t("teacher:eligibility.capped", { category: t("common:category.moderator") })).first().waitFor();
    await teacher.screen("kk-teacher-new-attestation");
    await page.getByRole("button", { name: t("teacher:attestation.create") }).click();

    const title = t("teacher:attestation.cardTitle", { from: t("common:category.moderator"), to: t("common:category.expert") });
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();
    attestationId = decodeURIComponent(/#\/attestations\/([^?]+)/.exec(page.url())![1]!);
    for (const kind of PORTFOLIO) await uploadInPage(teacher, kind, pdfFile(`${kind}.pdf`, [`Portfolio: ${kind}`, "Teacher of mathematics, 12 years"]));
    await page.getByText(t("teacher:attestation.readyToSubmit")).waitFor();
    await teacher.screen("kk-teacher-attestation-portfolio");
    await clickAndConfirm(teacher, t("teacher:attestation.submit"), t("teacher:attestation.submit"));
    // Submitted: the page now shows when, and the portfolio can no longer be changed.
    await page.getByRole("term").filter({ hasText: t("teacher:application.submitted") }).waitFor();
    const filed = await expectOk(world().api.request("GET", `/attestations/${attestationId}`, { token: (await world().api.login(capped.username)).token }), 200, "read back");
    expect(filed).toMatchObject({
      targetCategory: "expert",
      currentCategory: "moderator",
      experienceYears: 12,
      test: { score: request.test.score, takenAt: expect.stringMatching(new RegExp(`^${request.test.takenAt}`)) },
    });
  });

  it("an expert of the panel reads the portfolio and seals a score sheet at the level of the category claimed", async () => {
    expect(attestationId, "the attestation filed in the first step").toBeDefined();
    const { tab, detail } = await openCaseAsExpert(world(), attestationId, "kk");
    const { page, t } = tab;
    await page.getByRole("region", { name: t("expert:case.facts.title") }).getByText(t("common:category.expert"), { exact: true }).waitFor();
    const essay = `${t("common:documentKind.essay")} (essay.pdf)`;
    await page.getByRole("button", { name: t("expert:documents.view", { name: essay }) }).click();
    await page.getByRole("button", { name: t("expert:documents.hide", { name: essay }) }).waitFor();

    await answerRubric(tab, detail.rubric.criteria, sheetMeeting(detail.rubric.criteria, "expert"), (label, points) => t("expert:sheet.optionLabel", { label, points }));
    await tab.screen("kk-expert-score-sheet");
    await clickAndConfirm(tab, t("expert:sheet.submit"), t("expert:sheet.confirm"));
    await page.getByRole("status").filter({ hasText: t("expert:sheet.submitted") }).waitFor();
    await tab.close();
  });

  it("the commission's chair records the vote on the panel's proposal", async () => {
    expect(attestationId, "the attestation filed in the first step").toBeDefined();
    const admin = await world().api.login("admin");
    const experts = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => world().api.login(`expert${n}`)));
    const waiting = await world().api.waitFor("the proposal", async () => {
      await scoreOpenAssignments(world().api, experts, [attestationId]);
      const attestation = await world().api.request("GET", `/attestations/${attestationId}`, { token: admin.token });
      return attestation.body.status === "awaiting_commission" ? attestation.body : undefined;
    });
    const tab = await world().open("kk");
    const { page, t } = tab;
    await tab.signIn(String(waiting.chairId).replace(/^user-/, ""));
    await page.getByRole("navigation").getByRole("link", { name: t("chair:nav.votes") }).click();
    await page.getByRole("heading", { name: t("chair:votes.title") }).waitFor();
    await tab.screen("kk-chair-votes");
    await page.getByRole("link", { name: t("chair:votes.record", { ref: attestationId }) }).click();
    await page.getByRole("heading", { name: t("chair:vote.title", { ref: attestationId }) }).waitFor();
    await page.getByLabel(t("chair:vote.present"), { exact: true }).fill("6");
    await page.getByLabel(t("chair:vote.for"), { exact: true }).fill("5");
    await page.getByLabel(t("chair:vote.against"), { exact: true }).fill("1");
    await page.getByText(t("chair:vote.previewAccepted")).waitFor();
    await tab.screen("kk-chair-record-vote");
    await clickAndConfirm(tab, t("chair:vote.submit"), t("chair:vote.confirm"));
    await page.getByRole("status").filter({ hasText: t("chair:vote.recordedAccepted") }).waitFor();
    await tab.close();
  });

  it("the teacher reads the decision, capped by the knowledge test, and appeals within the window", async () => {
    expect(attestationId, "the attestation filed in the first step").toBeDefined();
    const { page, t } = teacher;
    const session = await world().api.login(capped.username);
    await world().api.waitFor("the decision", async () => {
      const decision = await world().api.request("GET", `/attestations/${attestationId}/decision`, { token: session.token });
      return decision.status === 200 ? decision.body : undefined;
    });
    await page.getByRole("navigation").getByRole("link", { name: t("teacher:nav.attestations") }).click();
    const title = t("teacher:attestation.cardTitle", { from: t("common:category.moderator"), to: t("common:category.expert") });
    const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
    await card.getByText(t("common:status.decided")).waitFor();
    await teacher.screen("kk-teacher-attestations");
    await card.getByRole("link", { name: title }).click();
    const decision = page.getByRole("region", { name: t("teacher:decision.title") });
    await decision.getByText(t("teacher:decision.meets", { category: t("common:category.moderator") })).waitFor();
    await teacher.screen("kk-teacher-decision");
    await decision.getByLabel(t("teacher:decision.appealReason"), { exact: true }).fill("ОЗП нәтижесі қайта тексерілді; портфолионы қайта қарауды сұраймын.");
    await decision.getByRole("button", { name: t("teacher:decision.appeal") }).click();
    await decision.getByRole("status").filter({ hasText: t("teacher:decision.appealFiled") }).waitFor();
    const appealed = await expectOk(world().api.request("GET", `/attestations/${attestationId}`, { token: session.token }), 200, "read back");
    expect(appealed.status).toBe("appealed");

    await teacher.switchLanguage("en");
    await page.getByText(teacher.t("teacher:attestation.explain.appealed")).waitFor();
    await teacher.screen("en-teacher-attestation-appealed");
    await teacher.close();
  });
});
