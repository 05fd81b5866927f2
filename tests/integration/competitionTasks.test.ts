import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getApplication, listDocuments, putNewApplication, putNewDocument } from "../../functions/adapters/dynamo/applicationRecords.ts";
import { getApproval } from "../../functions/adapters/dynamo/approvalRecords.ts";
import { readAuditChain } from "../../functions/adapters/dynamo/auditLog.ts";
import { queryAll } from "../../functions/adapters/dynamo/items.ts";
import { partitions } from "../../functions/adapters/dynamo/keys.ts";
import { assignmentId, getAssignment, getSlot } from "../../functions/adapters/dynamo/scoringRecords.ts";
import { writeTransaction } from "../../functions/adapters/dynamo/transactions.ts";
import { getVacancy, putNewVacancy } from "../../functions/adapters/dynamo/vacancyRecords.ts";
import { competitionDrawInputsHash, drawCompetitionPanel } from "../../functions/domain/assignment/drawCompetitionPanel.ts";
import { verifyAuditChain } from "../../functions/domain/audit/auditChain.ts";
import type { Application, Vacancy } from "../../functions/domain/competition/records.ts";
import { getRubric } from "../../functions/domain/rubrics/registry.ts";
import { handler as checkApplicationDocuments } from "../../functions/tasks/checkApplicationDocuments.ts";
import { handler as closeApplications } from "../../functions/tasks/closeApplications.ts";
import { handler as drawPanel } from "../../functions/tasks/drawPanel.ts";
import { handler as openApproval } from "../../functions/tasks/openApproval.ts";
import { handler as openMemberAssignments } from "../../functions/tasks/openMemberAssignments.ts";
import { handler as rankApplications } from "../../functions/tasks/rankApplications.ts";
import { handler as recordFailure } from "../../functions/tasks/recordFailure.ts";
import { handler as recordOutcome } from "../../functions/tasks/recordOutcome.ts";
import { handler as replaceWithReserve } from "../../functions/tasks/replaceWithReserve.ts";
import type { SlotRef } from "../../functions/tasks/shared/taskSupport.ts";
import { handler as summariseEligibility } from "../../functions/tasks/summariseEligibility.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/awsLocal.ts";
import { AdalClient } from "../../infra/local/client/adalClient.ts";
import { PDF_BYTES, PNG_BYTES } from "../../infra/local/demo/competitionScenario.ts";
import { BUCKET_NAME, startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";

// The competition's workflow tasks, called one by one against the embedded stack (DynamoDB Local, s3rver,
// the local Step Functions endpoint), with the experts and the HR officer acting through the HTTP API in
// between. Every task runs twice: a retried or re-driven step must return the same result and write
// nothing the second time. The state machine itself is exercised by the end-to-end tests.

const SCHOOL = "school-1";
/** Well-formed tokens the local engine does not know: completing them is reported, not thrown. */
const token = (n: number) => `T${String(n).padStart(42, "0")}`;

let stack: LocalStack;
let client: AdalClient;
let s3: S3Client;
const vacancyId = `vacancy-${Date.now().toString(36)}`;
const ids = { good: "app-good", second: "app-second", mismatch: "app-mismatch", notUploaded: "app-not-uploaded", draft: "app-draft", withdrawn: "app-withdrawn" };

async function auditActions(): Promise<string[]> {
  return (await readAuditChain(vacancyId)).map((event) => event.action);
}

async function vacancy(): Promise<Vacancy> {
  const found = await getVacancy(vacancyId, true);
  if (!found) throw new Error("vacancy missing");
  return found;
}

async function application(id: string): Promise<Application> {
  const found = await getApplication(id, true);
  if (!found) throw new Error(`application ${id} missing`);
  return found;
}

/** Runs a task twice; the second run must return the same and add no audit event. */
async function twice<T>(run: () => Promise<T>): Promise<T> {
  const first = await run();
  const events = (await auditActions()).length;
  expect(await run()).toEqual(first);
  expect((await auditActions()).length).toBe(events);
  return first;
}

async function addApplication(id: string, n: number, status: Application["status"], documents: { kind: string; contentType: string; bytes?: Uint8Array; declaredSize?: number }[]) {
  const createdAt = new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString();
  await writeTransaction(
    putNewApplication({
      id,
      vacancyId,
      schoolId: SCHOOL,
      candidateId: `user-teacher${n}`,
      candidateSchoolId: `school-${(n % 3) + 1}`,
      // The first applicant claims more, so the ranking is known in advance.
      claims: n === 1 ? { education: "master_or_specialist", degree: "doctorate", category: "expert", experience: "years_10_plus" } : { education: "higher_full_time" },
      status,
      createdAt,
      ...(status === "draft" ? {} : { submittedAt: createdAt }),
    }),
  );
  for (const [index, document] of documents.entries()) {
    const key = `applications/${id}/${index}`;
    await writeTransaction([
      putNewDocument({
        id: `${id}-doc${index}`,
        applicationId: id,
        kind: document.kind,
        fileName: `${document.kind}.bin`,
        contentType: document.contentType,
        size: document.declaredSize ?? document.bytes?.byteLength ?? 10,
        key,
        status: "pending",
        createdAt,
      }),
    ]);
    if (document.bytes) await s3.send(new PutObjectCommand({ Bucket: BUCKET_NAME, Key: key, Body: document.bytes, ContentType: document.contentType }));
  }
}

const goodDocuments = [
  { kind: "identity", contentType: "image/png", bytes: PNG_BYTES },
  { kind: "diploma", contentType: "application/pdf", bytes: PDF_BYTES },
];

/** A score sheet that confirms the claims and gives the lowest non-negative answer elsewhere. */
function sheetFor(claims: Record<string, string | number>): Record<string, string | number> {
  const rubric = getRubric("competition-teacher-v1");
  if (!rubric) throw new Error("rubric missing");
  const scores: Record<string, string | number> = {};
  for (const criterion of rubric.criteria) {
    const claimed = claims[criterion.id];
    if (claimed !== undefined) scores[criterion.id] = claimed;
    else if (criterion.options) scores[criterion.id] = [...criterion.options].sort((a, b) => a.points - b.points).find((option) => option.points >= 0)?.id ?? "";
    else scores[criterion.id] = criterion.min ?? 0;
  }
  return scores;
}

async function scoreEverything(username: string): Promise<number> {
  const expert = await client.login(username);
  const list = await client.request("GET", "/me/assignments?limit=100", { token: expert.token });
  expect(list.status).toBe(200);
  const open = list.body.items.filter((item: { caseId: string; status: string }) => item.caseId === vacancyId && item.status === "open");
  for (const item of open) {
    const assignment = await client.request("GET", `/assignments/${item.id}`, { token: expert.token });
    expect(assignment.status).toBe(200);
    const submitted = await client.request("POST", `/assignments/${item.id}/score-sheet`, { token: expert.token, body: { scores: sheetFor(assignment.body.claims) } });
    expect(submitted.status).toBe(200);
  }
  return open.length;
}

beforeAll(async () => {
  stack = await startLocalStack({ port: 0, seed: true, quiet: true });
  client = new AdalClient(stack.url);
  s3 = new S3Client({
    endpoint: stack.endpoints.s3,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
  });
  const now = new Date().toISOString();
  // Published with its deadline passed; no workflow runs for it: the test plays the state machine.
  await writeTransaction([
    putNewVacancy({
      id: vacancyId,
      schoolId: SCHOOL,
      title: "Mathematics teacher",
      subject: "mathematics",
      language: "kk",
      kind: "teacher",
      hoursPerWeek: 18,
      employment: "permanent",
      closesAt: now,
      status: "published",
      rubricId: "competition-teacher-v1",
      createdAt: now,
      createdBy: "user-hr-school1",
      publishedAt: now,
    }),
  ]);
  await addApplication(ids.good, 1, "submitted", goodDocuments);
  await addApplication(ids.second, 2, "submitted", [
    ...goodDocuments,
    // An abandoned registration of an optional kind does not sink an application.
    { kind: "achievement", contentType: "application/pdf" },
  ]);
  await addApplication(ids.mismatch, 3, "submitted", [
    { kind: "identity", contentType: "image/png", bytes: PNG_BYTES },
    // Declared a PDF, stored as declared, but the bytes are a PNG.
    { kind: "diploma", contentType: "application/pdf", bytes: PNG_BYTES },
  ]);
  await addApplication(ids.notUploaded, 5, "submitted", [goodDocuments[0]!, { kind: "diploma", contentType: "application/pdf" }]);
  await addApplication(ids.draft, 6, "draft", goodDocuments);
  await addApplication(ids.withdrawn, 7, "withdrawn", goodDocuments);
}, 120_000);

afterAll(async () => {
  s3?.destroy();
  await stack?.close();
});

describe("the competition's workflow tasks", () => {
  let slots: SlotRef[];

  it("closes applications once; drafts and withdrawn applications never enter", async () => {
    const result = await twice(() => closeApplications({ vacancyId }));
    expect([...result.applicationIds].sort()).toEqual([ids.good, ids.mismatch, ids.notUploaded, ids.second].sort());
    expect((await vacancy()).status).toBe("applications_closed");
    expect(await auditActions()).toEqual(["applications.closed"]);
  });

  it("checks the stored bytes of every document and records a reason the candidate can read", async () => {
    const results = [];
    for (const applicationId of [ids.good, ids.second, ids.mismatch, ids.notUploaded]) {
      results.push(await twice(() => checkApplicationDocuments({ vacancyId, applicationId })));
    }
    expect(results).toEqual(
      expect.arrayContaining([
        { applicationId: ids.good, eligible: true },
        { applicationId: ids.second, eligible: true },
        { applicationId: ids.mismatch, eligible: false },
        { applicationId: ids.notUploaded, eligible: false },
      ]),
    );
    const mismatch = await application(ids.mismatch);
    expect(mismatch).toMatchObject({ status: "ineligible", reason: "document_type_mismatch", reasonCode: "document_type_mismatch", reasonDocumentKind: "diploma" });
    expect(Object.keys(mismatch.reasonText ?? {}).sort()).toEqual(["en", "kk", "ru"]);
    expect(await application(ids.notUploaded)).toMatchObject({ status: "ineligible", reason: "document_not_uploaded" });
    const documents = await listDocuments(ids.second);
    expect(documents.map((document) => [document.kind, document.status]).sort()).toEqual([
      ["achievement", "rejected"],
      ["diploma", "verified"],
      ["identity", "verified"],
    ]);
    expect((await auditActions()).filter((action) => action.startsWith("application."))).toHaveLength(4);
  });

  it("summarises eligibility once", async () => {
    expect(await twice(() => summariseEligibility({ vacancyId }))).toEqual({ eligibleCount: 2 });
    expect((await vacancy()).status).toBe("documents_checked");
  });

  it("draws a panel that anyone can recompute, and never draws it again", async () => {
    const result = await twice(() => drawPanel({ vacancyId }));
    slots = result.members;
    // The school's commission: expert1 (chair), expert2, expert3; expert4 and expert5 are reserves.
    expect(slots.map((slot) => slot.memberId)).toEqual(["user-expert1", "user-expert2", "user-expert3"]);
    for (const slot of slots) {
      expect(slot.slotId).toBe(`${slot.memberId}-1`);
      expect([...slot.applicationIds].sort()).toEqual([ids.good, ids.second].sort());
    }
    const panel = (await vacancy()).panel;
    expect((await vacancy()).status).toBe("scoring");
    if (!panel?.members || !panel.candidates || !panel.panelSize || !panel.vacancySchoolId) throw new Error("the draw's inputs are not recorded");
    const inputs = { panelSize: panel.panelSize, vacancySchoolId: panel.vacancySchoolId, members: panel.members, candidates: panel.candidates };
    expect(competitionDrawInputsHash(inputs)).toBe(panel.inputsHash);
    expect(drawCompetitionPanel({ ...inputs, seed: panel.seed })).toMatchObject({ ok: true, panels: panel.panels });
    const drawn = (await readAuditChain(vacancyId)).find((event) => event.action === "panel.drawn");
    expect(drawn?.data).toMatchObject({ seed: panel.seed, inputsHash: panel.inputsHash, panels: panel.panels });
  });

  it("opens each member's assignments once; a re-driven wait only brings a new token", async () => {
    for (const slot of slots) {
      await openMemberAssignments({ slot, timeoutSeconds: 3600, taskToken: token(1) });
      const events = (await auditActions()).length;
      await openMemberAssignments({ slot, timeoutSeconds: 3600, taskToken: token(1) });
      expect((await auditActions()).length).toBe(events);
      await openMemberAssignments({ slot, timeoutSeconds: 7200, taskToken: token(2) });
      expect((await auditActions()).length).toBe(events);
      expect(await getSlot(vacancyId, slot.slotId)).toMatchObject({ taskToken: token(2), remaining: 2, status: "open" });
      for (const applicationId of slot.applicationIds) {
        expect(await getAssignment(assignmentId(vacancyId, applicationId, slot.memberId), true)).toMatchObject({ status: "open", slotId: slot.slotId });
      }
    }
    const assignments = await queryAll({ index: "GSI1", partition: partitions.caseAssignments(vacancyId) });
    expect(assignments).toHaveLength(6);
  });

  it("seals each sheet once and counts the member's slot down", async () => {
    const expert1 = await client.login("expert1");
    const list = await client.request("GET", "/me/assignments", { token: expert1.token });
    const first = list.body.items.find((item: { caseId: string }) => item.caseId === vacancyId);
    const other = await client.login("expert2");
    expect((await client.request("GET", `/assignments/${first.id}`, { token: other.token })).status).toBe(404);
    const view = await client.request("GET", `/assignments/${first.id}`, { token: expert1.token });
    expect(view.body).toMatchObject({ id: first.id, caseKind: "competition", caseId: vacancyId, rubric: { id: "competition-teacher-v1" } });
    expect(view.body.documents.map((document: { kind: string }) => document.kind).sort()).toEqual(["diploma", "identity"]);
    const incomplete = await client.request("POST", `/assignments/${first.id}/score-sheet`, { token: expert1.token, body: { scores: { education: "higher_full_time" } } });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.code).toBe("scores_invalid");
    expect(incomplete.body.errors.some((error: { path: string; code: string }) => error.path === "body.scores.degree" && error.code === "missing")).toBe(true);

    expect(await scoreEverything("expert1")).toBe(2);
    const again = await client.request("POST", `/assignments/${first.id}/score-sheet`, { token: expert1.token, body: { scores: sheetFor(view.body.claims) } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("sheet_already_submitted");
    expect(await scoreEverything("expert2")).toBe(2);
    expect(await getSlot(vacancyId, "user-expert1-1")).toMatchObject({ remaining: 0 });
    const actions = await auditActions();
    expect(actions.filter((action) => action === "score_sheet.submitted")).toHaveLength(4);
    expect(actions).toContain("documents.viewed");
  });

  it("replaces a late member with a reserve, once, and the late member's assignments are gone for them", async () => {
    const late = slots.find((slot) => slot.memberId === "user-expert3");
    if (!late) throw new Error("no slot for expert3");
    const replacement = await twice(() => replaceWithReserve({ slot: late }));
    expect(["user-expert4", "user-expert5"]).toContain(replacement.memberId);
    expect(replacement).toMatchObject({ caseKind: "competition", caseId: vacancyId, slotId: `${replacement.memberId}-1` });
    expect([...replacement.applicationIds].sort()).toEqual([ids.good, ids.second].sort());
    expect(await getSlot(vacancyId, late.slotId)).toMatchObject({ status: "expired", replacedBy: replacement.slotId });
    expect((await vacancy()).panel?.replacements).toEqual([expect.objectContaining({ slotId: late.slotId, reserveId: replacement.memberId, newSlotId: replacement.slotId })]);

    const expert3 = await client.login("expert3");
    const expired = assignmentId(vacancyId, ids.good, "user-expert3");
    expect((await client.request("GET", `/assignments/${expired}`, { token: expert3.token })).status).toBe(404);
    const lateSheet = await client.request("POST", `/assignments/${expired}/score-sheet`, { token: expert3.token, body: { scores: sheetFor({}) } });
    expect({ status: lateSheet.status, code: lateSheet.body.code }).toEqual({ status: 409, code: "invalid_state" });

    await openMemberAssignments({ slot: replacement, timeoutSeconds: 3600, taskToken: token(3) });
    expect(await scoreEverything(replacement.memberId.replace("user-", ""))).toBe(2);
    expect(await getSlot(vacancyId, replacement.slotId)).toMatchObject({ remaining: 0 });
  });

  it("ranks on the pinned rubric once", async () => {
    const ranking = await twice(() => rankApplications({ vacancyId }));
    expect(ranking).toEqual({ count: 2, applicationIds: [ids.good, ids.second] });
    expect(await application(ids.good)).toMatchObject({ status: "scored", rank: 1, sheetCount: 3 });
    expect(await application(ids.second)).toMatchObject({ status: "scored", rank: 2, sheetCount: 3 });
    expect((await vacancy()).status).toBe("ranked");
  });

  it("offers the post to the HR officer of the school only, and a re-driven offer keeps waiting", async () => {
    const opened = await openApproval({ vacancyId, offerIndex: 0, taskToken: token(4) });
    const events = (await auditActions()).length;
    await openApproval({ vacancyId, offerIndex: 0, taskToken: token(5) });
    expect((await auditActions()).length).toBe(events);
    expect(await getApproval(opened.approvalId, true)).toMatchObject({ status: "pending", taskToken: token(5), applicationId: ids.good, rank: 1 });

    const hr = await client.login("hr.school1");
    const list = await client.request("GET", "/approvals", { token: hr.token });
    expect(list.body.items).toEqual([expect.objectContaining({ id: opened.approvalId, vacancyId, applicationId: ids.good, rank: 1 })]);
    const otherHr = await client.login("hr.school2");
    expect((await client.request("POST", `/approvals/${opened.approvalId}`, { token: otherHr.token, body: { decision: "decline", reason: "No" } })).status).toBe(404);
    const declined = await client.request("POST", `/approvals/${opened.approvalId}`, { token: hr.token, body: { decision: "decline", reason: "The candidate declined the offer." } });
    expect(declined).toMatchObject({ status: 200, body: { id: opened.approvalId, status: "declined" } });
    const twiceDeclined = await client.request("POST", `/approvals/${opened.approvalId}`, { token: hr.token, body: { decision: "decline", reason: "Again" } });
    expect({ status: twiceDeclined.status, code: twiceDeclined.body.code }).toEqual({ status: 409, code: "already_decided" });
    expect((await client.request("GET", "/approvals", { token: hr.token })).body.items).toEqual([]);
    // A re-driven execution reaching the decided offer follows the recorded decision.
    expect(await openApproval({ vacancyId, offerIndex: 0, taskToken: token(6) })).toEqual({ approvalId: opened.approvalId, status: "declined" });

    const next = await openApproval({ vacancyId, offerIndex: 1, taskToken: token(7) });
    const approved = await client.request("POST", `/approvals/${next.approvalId}`, { token: hr.token, body: { decision: "approve", orderNumber: "17-К", orderDate: "2025-08-20" } });
    expect(approved).toMatchObject({ status: 200, body: { status: "approved" } });
  });

  it("records the appointment once, with the cut-off, and an intact audit trail", async () => {
    await twice(() => recordOutcome({ vacancyId, outcome: "appointed", applicationId: ids.second }));
    const decided = await vacancy();
    expect(decided).toMatchObject({ status: "appointed", outcome: "appointed", appointedApplicationId: ids.second, cutOff: (await application(ids.second)).total });
    expect((await application(ids.second)).status).toBe("appointed");
    expect((await application(ids.good)).status).toBe("not_selected");
    expect((await application(ids.mismatch)).status).toBe("ineligible");
    await expect(recordOutcome({ vacancyId, outcome: "no_appointment" })).rejects.toMatchObject({ name: "InvalidCaseState" });

    const events = (await readAuditChain(vacancyId));
    expect(verifyAuditChain(events)).toEqual({ ok: true, count: events.length });
  });

  it("files a workflow failure once, without its cause on the vacancy", async () => {
    const failure = { Error: "States.TaskFailed", Cause: "something with data in it" };
    expect(await recordFailure({ vacancyId, failure })).toEqual({ recorded: true });
    expect(await recordFailure({ vacancyId, failure })).toEqual({ recorded: false });
    expect((await vacancy()).failure).toBe("States.TaskFailed");
    const alerts = await queryAll<{ caseId: string; cause: string }>({ index: "GSI1", partition: partitions.alerts });
    expect(alerts.filter((alert) => alert.caseId === vacancyId)).toEqual([expect.objectContaining({ cause: failure.Cause })]);
    expect((await auditActions()).filter((action) => action === "workflow.failed")).toHaveLength(1);
  });

  it("refuses malformed input by name", async () => {
    await expect(drawPanel({ vacancy: vacancyId })).rejects.toMatchObject({ name: "MalformedTaskInput" });
  });
});
