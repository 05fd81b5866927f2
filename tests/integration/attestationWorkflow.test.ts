import { SFNClient, StartExecutionCommand } from "@aws-sdk/client-sfn";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAttestation, updateAttestation, updateAttestationWhere } from "../../functions/adapters/dynamo/attestationRecords.ts";
import { queryAll } from "../../functions/adapters/dynamo/items.ts";
import { partitions } from "../../functions/adapters/dynamo/keys.ts";
import { readAuditChain } from "../../functions/adapters/dynamo/auditLog.ts";
import { assignmentId } from "../../functions/adapters/dynamo/scoringRecords.ts";
import { writeOne } from "../../functions/adapters/dynamo/updates.ts";
import { verifyDraw } from "../../functions/domain/assignment/verifyDraw.ts";
import type { Attestation, ScoringRound } from "../../functions/domain/attestation/records.ts";
import { verifyAuditChain } from "../../functions/domain/audit/auditChain.ts";
import { handler as aggregateAttestationScores } from "../../functions/tasks/aggregateAttestationScores.ts";
import { handler as checkAttestationDocuments } from "../../functions/tasks/checkAttestationDocuments.ts";
import { handler as closeAppealWindow } from "../../functions/tasks/closeAppealWindow.ts";
import { handler as drawAttestationPanel } from "../../functions/tasks/drawAttestationPanel.ts";
import { handler as openCommissionVote } from "../../functions/tasks/openCommissionVote.ts";
import { handler as proposeAttestationDecision } from "../../functions/tasks/proposeAttestationDecision.ts";
import { handler as recordAttestationDecision } from "../../functions/tasks/recordAttestationDecision.ts";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "../../infra/local/awsLocal.ts";
import { AdalClient, type Session } from "../../infra/local/client/adalClient.ts";
import { PDF_BYTES } from "../../infra/local/demo/competitionScenario.ts";
import { startLocalStack, type LocalStack } from "../../infra/local/localStack.ts";

// The attestation workflow (workflows/attestation.asl.json) on the embedded stack, end to end: teachers
// file and submit through the API, experts score through the API, the chair votes through the API, and the
// state machine does the rest. Cases run one after another; each asserts what its path leaves behind.
// The demo region: the district's attestation commission (expert1 … expert7, chair expert4) scores and
// decides expert cases; school-1's commission (chair expert1) decides moderator cases, whose panel is
// drawn from the district's pool.

const DISTRICT_COMMISSION = "commission-attestation-district";
const DISTRICT_CHAIR = "expert4";
const SCHOOL1_CHAIR = "expert1";
/** Long enough for the API calls of a round; the reserve case shortens it. */
const SCORING_SECONDS = "60";
const APPEAL_WINDOW_SECONDS = 5;

let stack: LocalStack;
let client: AdalClient;
let sfn: SFNClient;
/** The appealed case, re-driven step by step at the end. */
let appealedId: string | undefined;
const sessions = new Map<string, Promise<Session>>();

function session(username: string): Promise<Session> {
  let found = sessions.get(username);
  if (!found) sessions.set(username, (found = client.login(username)));
  return found;
}

const username = (userId: string) => userId.replace(/^user-/, "");
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function attestation(id: string): Promise<Attestation> {
  const found = await getAttestation(id, true);
  if (!found) throw new Error(`attestation ${id} missing`);
  return found;
}

async function waitFor(what: string, id: string, done: (case_: Attestation) => boolean, timeoutMs = 20_000, failureExpected = false): Promise<Attestation> {
  return client.waitFor(what, async () => {
    const found = await attestation(id);
    if (found.failure && !failureExpected) throw new Error(`the workflow of ${id} failed: ${found.failure}`);
    return done(found) ? found : undefined;
  }, timeoutMs, 100);
}

const roundOf = (case_: Attestation, kind: ScoringRound["kind"]) => case_.rounds?.find((round) => round.kind === kind);

// ---- portfolio sheets (attestation-teacher-v1) -------------------------------------------------------

/** Meets every expert level (and every moderator level): 3+80+3+3+3+3+0+3+0+2+1+0 = 101. */
function goodSheet(teachingQuality = 80): Record<string, string | number> {
  return {
    knowledgeQuality: "growth_1_2",
    teachingQuality,
    studentContests: 3,
    teacherContests: 3,
    methodicalMaterials: 3,
    talks: 3,
    researchPublication: "none",
    workingGroups: 3,
    sharingPractice: "none",
    courses: 2,
    prizeBonus: 1,
    classTeacher: "none",
  };
}

/** Teaching quality below every level: that criterion counts 0, so the total is 101 − 80 = 21. */
const weakSheet = () => goodSheet(50);

// ---- the teacher's side ---------------------------------------------------------------------------------

interface Filing {
  teacher: string;
  currentCategory: "teacher" | "moderator" | "researcher";
  targetCategory: "moderator" | "expert" | "master";
  experienceYears: number;
  testScore: number;
  /** What is uploaded again over a confirmed document's key (to the same presigned POST); nothing by default. */
  replacementOf?: (kind: string) => Uint8Array | undefined;
}

/** Files a draft with its four required documents, uploaded through the presigned POSTs. */
async function fileDraft(filing: Filing): Promise<string> {
  const { token } = await session(filing.teacher);
  const created = await client.request("POST", "/attestations", {
    token,
    body: {
      currentCategory: filing.currentCategory,
      targetCategory: filing.targetCategory,
      ...(filing.currentCategory !== "teacher" ? { currentCategoryValidUntil: daysFromNow(200) } : {}),
      experienceYears: filing.experienceYears,
      test: { score: filing.testScore, takenAt: daysFromNow(-30) },
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  for (const kind of ["application", "diploma", "essay", "test"]) {
    const registered = await client.request("POST", `/attestations/${id}/documents`, {
      token,
      body: { kind, fileName: `${kind}.pdf`, contentType: "application/pdf", size: PDF_BYTES.byteLength },
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(await client.upload(registered.body.upload, PDF_BYTES, "application/pdf", `${kind}.pdf`)).toBeLessThan(300);
    const confirmed = await client.request("POST", `/attestations/${id}/documents/${registered.body.documentId}/confirm`, { token });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const replacement = filing.replacementOf?.(kind);
    if (replacement) {
      expect(replacement.byteLength, "the declared size").toBe(PDF_BYTES.byteLength);
      expect(await client.upload(registered.body.upload, replacement, "application/pdf", `${kind}.pdf`)).toBeLessThan(300);
    }
  }
  return id;
}

/** Files and submits through the API: the submit route starts the workflow. */
async function submitCase(filing: Filing, scoringSeconds = SCORING_SECONDS): Promise<string> {
  const id = await fileDraft(filing);
  process.env.ATTESTATION_SCORING_TIMEOUT_SECONDS = scoringSeconds;
  try {
    const submitted = await client.request("POST", `/attestations/${id}/submit`, { token: (await session(filing.teacher)).token });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  } finally {
    process.env.ATTESTATION_SCORING_TIMEOUT_SECONDS = SCORING_SECONDS;
  }
  return id;
}

/** Starts the workflow directly (as the submit route would, with our own input) on a draft marked submitted. */
async function startDirectly(id: string, input: { scoringTimeoutSeconds?: number; voteTimeoutSeconds?: number } = {}): Promise<void> {
  await writeOne(updateAttestation(id, ["draft"], { status: "submitted", submittedAt: new Date().toISOString() }));
  await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: stack.env.ATTESTATION_STATE_MACHINE_ARN,
      name: id,
      input: JSON.stringify({ attestationId: id, scoringTimeoutSeconds: 60, voteTimeoutSeconds: 600, appealWorkingDays: 10, ...input }),
    }),
  );
}

// ---- the panel's and the chair's side -----------------------------------------------------------------

/** The member's sheet on the case, submitted through the API once their assignment is open. */
async function score(id: string, memberId: string, scores: Record<string, string | number>): Promise<void> {
  const { token } = await session(username(memberId));
  const assignment = assignmentId(id, id, memberId);
  const view = await client.waitFor(`the assignment of ${memberId}`, async () => {
    const response = await client.request("GET", `/assignments/${assignment}`, { token });
    return response.status === 200 ? response.body : undefined;
  }, 10_000, 100);
  expect(view).toMatchObject({ caseKind: "attestation", caseId: id, rubric: { id: "attestation-teacher-v1" } });
  expect(view.documents.map((document: { kind: string }) => document.kind).sort()).toEqual(["application", "diploma", "essay", "test"]);
  const submitted = await client.request("POST", `/assignments/${assignment}/score-sheet`, { token, body: { scores } });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
}

/** Waits for the round's panel, then has each member submit the sheet `sheetFor` gives them (none: they stay silent). */
async function scoreRound(id: string, kind: ScoringRound["kind"], sheetFor: (memberId: string, index: number) => Record<string, string | number> | undefined): Promise<ScoringRound> {
  const round = roundOf(await waitFor(`the ${kind} panel`, id, (case_) => roundOf(case_, kind) !== undefined), kind)!;
  await Promise.all(round.members.map(async (memberId, index) => {
    const sheet = sheetFor(memberId, index);
    if (sheet) await score(id, memberId, sheet);
  }));
  return round;
}

async function vote(id: string, chair: string, counts: { present: number; for: number; against: number }) {
  return client.request("POST", `/attestations/${id}/commission-vote`, { token: (await session(chair)).token, body: counts });
}

async function voteOnProposal(id: string, kind: ScoringRound["kind"], chair: string, accepted: boolean): Promise<void> {
  await waitFor(`the ${kind} proposal awaiting the vote`, id, (case_) => case_.status === "awaiting_commission" && case_.voteRound === kind && case_.voteTaskToken !== undefined);
  const response = await vote(id, chair, accepted ? { present: 6, for: 5, against: 1 } : { present: 6, for: 1, against: 5 });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.accepted).toBe(accepted);
}

function expectVerifiableDraw(round: ScoringRound): void {
  expect(round.draw).toBeDefined();
  expect(verifyDraw(round.draw!)).toEqual({ ok: true });
  expect(round.draw!.panels[round.draw!.cases[0]!.caseId]).toEqual(round.members);
}

beforeAll(async () => {
  // Read by the workflow's tasks and the API handlers, which run in this process.
  process.env.ATTESTATION_SCORING_TIMEOUT_SECONDS = SCORING_SECONDS;
  process.env.ATTESTATION_APPEAL_WINDOW_SECONDS = String(APPEAL_WINDOW_SECONDS);
  stack = await startLocalStack({ port: 0, seed: true, quiet: true });
  client = new AdalClient(stack.url);
  sfn = new SFNClient({ endpoint: stack.endpoints.sfn, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}, 120_000);

afterAll(async () => {
  sfn?.destroy();
  await stack?.close();
  delete process.env.ATTESTATION_APPEAL_WINDOW_SECONDS;
  delete process.env.ATTESTATION_SCORING_TIMEOUT_SECONDS;
});

describe("the attestation workflow", () => {
  it("grants the target when the panel finds the portfolio meets it and the commission agrees", async () => {
    const id = await submitCase({ teacher: "teacher3", currentCategory: "moderator", targetCategory: "expert", experienceYears: 12, testScore: 40 });
    const round = await scoreRound(id, "first", () => goodSheet());
    expect(round).toMatchObject({ kind: "first", commissionId: DISTRICT_COMMISSION });
    expect(round.members).toHaveLength(3);
    expect(new Set(round.members).size).toBe(3);
    expectVerifiableDraw(round);

    const awaiting = await waitFor("the vote", id, (case_) => case_.status === "awaiting_commission" && case_.voteTaskToken !== undefined);
    expect(awaiting).toMatchObject({ commissionId: DISTRICT_COMMISSION, chairId: `user-${DISTRICT_CHAIR}`, commissionSize: 7 });
    expect(roundOf(awaiting, "first")?.proposal).toMatchObject({ outcome: "meets", grantedCategory: "expert", cappedByTest: false });

    // Four of seven present is no quorum (two thirds is five).
    const noQuorum = await vote(id, DISTRICT_CHAIR, { present: 4, for: 4, against: 0 });
    expect({ status: noQuorum.status, code: noQuorum.body.code }).toEqual({ status: 422, code: "no_quorum" });
    expect((await vote(id, "expert5", { present: 6, for: 5, against: 1 })).status).toBe(404);
    await voteOnProposal(id, "first", DISTRICT_CHAIR, true);

    const decided = await waitFor("the decision", id, (case_) => case_.decision !== undefined);
    expect(decided.status).toBe("decided");
    expect(decided.decision).toMatchObject({ outcome: "meets", grantedCategory: "expert", meanScore: 101, threshold: 84, final: false, basis: "commission_vote" });
    expect(decided.decision!.panel).toEqual([
      { memberRef: "M1", total: 101 },
      { memberRef: "M2", total: 101 },
      { memberRef: "M3", total: 101 },
    ]);
    expect(Date.parse(decided.appealDeadline!) - Date.parse(decided.decision!.decidedAt)).toBe(APPEAL_WINDOW_SECONDS * 1000);
    expect(decided.voteTaskToken).toBeUndefined();
    const shown = await client.request("GET", `/attestations/${id}/decision`, { token: (await session("teacher3")).token });
    expect(shown.body).toMatchObject({ outcome: "meets", grantedCategory: "expert", meanScore: 101, threshold: 84, final: false });
    expect(JSON.stringify(shown.body)).not.toContain("user-expert");
    // The teacher's own view of the case names no expert either: not the panel, the draw or the chair.
    const own = await client.request("GET", `/attestations/${id}`, { token: (await session("teacher3")).token });
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toContain("user-expert");

    // Nobody appeals: the window closes and the decision is final.
    const final = await waitFor("the closed appeal window", id, (case_) => case_.status === "final");
    expect(final.decision).toMatchObject({ final: true, grantedCategory: "expert" });
    const events = await readAuditChain(id);
    expect(verifyAuditChain(events)).toEqual({ ok: true, count: events.length });
    const actions = events.map((event) => event.action);
    for (const action of ["attestation.submitted", "attestation.documents_verified", "panel.drawn", "assignments.opened", "score_sheet.submitted", "panel.aggregated", "decision.proposed", "vote.opened", "attestation.commission_voted", "attestation.decided", "attestation.final"]) {
      expect(actions, action).toContain(action);
    }
  });

  it("grants only the category the test result supports when the portfolio meets a higher one", async () => {
    // The submit route refuses a test below the target's pass score; the cap (п.24) matters when the result
    // is corrected after submission, which is what this case plays: the draft's result is lowered in the
    // store and the workflow started directly.
    const id = await fileDraft({ teacher: "teacher6", currentCategory: "moderator", targetCategory: "expert", experienceYears: 18, testScore: 40 });
    await writeOne(updateAttestationWhere(id, { set: { "test.score": 31 } }));
    await startDirectly(id);
    await scoreRound(id, "first", () => goodSheet());
    await voteOnProposal(id, "first", DISTRICT_CHAIR, true);
    const decided = await waitFor("the decision", id, (case_) => case_.decision !== undefined);
    expect(roundOf(decided, "first")?.proposal).toMatchObject({ outcome: "meets", grantedCategory: "moderator", cappedByTest: true });
    expect(decided.decision).toMatchObject({ outcome: "meets", grantedCategory: "moderator", meanScore: 101 });
  });

  it("adds one more member when the panel disagrees, and decides on all four sheets", async () => {
    const id = await submitCase({ teacher: "teacher2", currentCategory: "moderator", targetCategory: "expert", experienceYears: 7, testScore: 38 });
    // 123, 123 and 21: a spread of 102 against a limit of 15 % of 84 = 12.6.
    const round = await scoreRound(id, "first", (_, index) => (index === 2 ? weakSheet() : goodSheet(102)));
    const withExtra = await waitFor("the extra member", id, (case_) => (roundOf(case_, "first")?.extraMembers?.length ?? 0) > 0);
    const [extra] = roundOf(withExtra, "first")!.extraMembers!;
    expect(round.members).not.toContain(extra);
    expect(verifyDraw(roundOf(withExtra, "first")!.extraDraw!)).toEqual({ ok: true });
    await score(id, extra!, goodSheet(102));

    await voteOnProposal(id, "first", DISTRICT_CHAIR, true);
    const decided = await waitFor("the decision", id, (case_) => case_.decision !== undefined);
    const aggregate = roundOf(decided, "first")!.aggregate!;
    expect(aggregate).toMatchObject({ meanScore: 97.5, meetsCategory: true, disagreement: true });
    expect(aggregate.memberTotals.map((member) => member.memberId)).toEqual([...round.members, extra]);
    expect(decided.decision!.panel.map((member) => member.memberRef)).toEqual(["M1", "M2", "M3", "M4"]);
    expect(decided.decision).toMatchObject({ outcome: "meets", grantedCategory: "expert", meanScore: 97.5 });
    expect((await readAuditChain(id)).map((event) => event.action)).toContain("extra_member.drawn");
  });

  it("replaces a member who misses the deadline with a reserve from the pool", async () => {
    const id = await submitCase({ teacher: "teacher7", currentCategory: "moderator", targetCategory: "expert", experienceYears: 9, testScore: 36 }, "5");
    const round = await scoreRound(id, "first", (_, index) => (index === 0 ? undefined : goodSheet()));
    const late = round.members[0]!;
    const replaced = await waitFor("the replacement", id, (case_) => (roundOf(case_, "first")?.replacements?.length ?? 0) > 0);
    const [replacement] = roundOf(replaced, "first")!.replacements!;
    expect(replacement).toMatchObject({ memberId: late, applicationIds: [id] });
    expect(round.members).not.toContain(replacement!.reserveId);
    // The late member's assignment is gone for them; their sheet is refused.
    const lateToken = (await session(username(late))).token;
    expect((await client.request("GET", `/assignments/${assignmentId(id, id, late)}`, { token: lateToken })).status).toBe(404);
    await score(id, replacement!.reserveId!, goodSheet(90));

    await voteOnProposal(id, "first", DISTRICT_CHAIR, true);
    const decided = await waitFor("the decision", id, (case_) => case_.decision !== undefined);
    // The reserve sits in the late member's seat: M1.
    expect(decided.decision!.panel).toEqual([
      { memberRef: "M1", total: 111 },
      { memberRef: "M2", total: 101 },
      { memberRef: "M3", total: 101 },
    ]);
    expect((await readAuditChain(id)).map((event) => event.action)).toContain("member.replaced");
  });

  it("sends a case the commission votes down to a fresh panel once, and a second 'no' keeps the current category", async () => {
    const id = await submitCase({ teacher: "teacher8", currentCategory: "moderator", targetCategory: "expert", experienceYears: 4, testScore: 35 });
    const first = await scoreRound(id, "first", () => goodSheet());
    await voteOnProposal(id, "first", DISTRICT_CHAIR, false);

    const recheck = await scoreRound(id, "recheck", () => goodSheet(75));
    expect(recheck.members).toHaveLength(3);
    for (const member of recheck.members) expect(first.members).not.toContain(member);
    expect(recheck.draw!.cases[0]!.excludedUserIds).toEqual([...first.members].sort());
    expectVerifiableDraw(recheck);
    const proposed = await waitFor("the recheck proposal", id, (case_) => roundOf(case_, "recheck")?.proposal !== undefined);
    expect(roundOf(proposed, "first")?.vote).toMatchObject({ accepted: false });
    expect(roundOf(proposed, "recheck")?.proposal).toMatchObject({ outcome: "meets", grantedCategory: "expert" });

    await voteOnProposal(id, "recheck", DISTRICT_CHAIR, false);
    const decided = await waitFor("the decision", id, (case_) => case_.decision !== undefined);
    expect(decided.status).toBe("decided");
    expect(decided.decision).toMatchObject({ outcome: "does_not_meet", grantedCategory: "moderator", basis: "rejected_twice", meanScore: 96, final: false });
    expect(decided.rounds?.map((round) => round.kind)).toEqual(["first", "recheck"]);
  });

  it("has a fresh blind panel that excludes every earlier scorer decide an appeal, finally", async () => {
    // A moderator case: school-1's commission decides (chair expert1); its panel comes from the district's pool.
    const id = await submitCase({ teacher: "teacher1", currentCategory: "teacher", targetCategory: "moderator", experienceYears: 3, testScore: 32 });
    appealedId = id;
    const first = await scoreRound(id, "first", () => weakSheet());
    expect(first.commissionId).toBe(DISTRICT_COMMISSION);
    await waitFor("the proposal", id, (case_) => case_.status === "awaiting_commission");
    expect((await attestation(id)).chairId).toBe(`user-${SCHOOL1_CHAIR}`);
    await voteOnProposal(id, "first", SCHOOL1_CHAIR, true);
    const decided = await waitFor("the decision", id, (case_) => case_.status === "decided");
    expect(decided.decision).toMatchObject({ outcome: "does_not_meet", grantedCategory: "teacher", meanScore: 21, threshold: 68 });

    const appealed = await client.request("POST", `/attestations/${id}/appeal`, { token: (await session("teacher1")).token, body: { reason: "The panel missed my lesson observations." } });
    expect(appealed.status, JSON.stringify(appealed.body)).toBe(201);

    const appeal = roundOf(await waitFor("the appeal panel", id, (case_) => roundOf(case_, "appeal") !== undefined, 20_000), "appeal")!;
    for (const member of appeal.members) expect(first.members).not.toContain(member);
    expectVerifiableDraw(appeal);
    // Blind: the appeal panel sees the portfolio, not the first panel's result.
    const view = await client.waitFor("the appeal assignment", async () => {
      const response = await client.request("GET", `/assignments/${assignmentId(id, id, appeal.members[0]!)}`, { token: (await session(username(appeal.members[0]!))).token });
      return response.status === 200 ? response.body : undefined;
    }, 10_000, 100);
    expect(JSON.stringify(view)).not.toMatch(/decision|meanScore|does_not_meet/);
    await scoreRound(id, "appeal", () => goodSheet());

    const final = await waitFor("the final decision", id, (case_) => case_.status === "final");
    expect(final.decision).toMatchObject({ outcome: "meets", grantedCategory: "moderator", meanScore: 101, final: true, basis: "appeal" });
    expect(final.appealedDecision).toMatchObject({ outcome: "does_not_meet", grantedCategory: "teacher" });
    expect(roundOf(final, "appeal")?.vote).toBeUndefined();
    const again = await client.request("POST", `/attestations/${id}/appeal`, { token: (await session("teacher1")).token, body: { reason: "Again." } });
    expect(again.status).toBeGreaterThanOrEqual(400);
    const events = await readAuditChain(id);
    expect(verifyAuditChain(events)).toEqual({ ok: true, count: events.length });
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(["attestation.appealed", "attestation.final"]));
  }, 45_000);

  it("ends a case whose confirmed document was replaced afterwards (same key) as ineligible, with a reason", async () => {
    const fake = new TextEncoder().encode("an essay, typed in a text file".padEnd(PDF_BYTES.byteLength, "."));
    const id = await submitCase({ teacher: "teacher4", currentCategory: "teacher", targetCategory: "moderator", experienceYears: 3, testScore: 33, replacementOf: (kind) => (kind === "essay" ? fake : undefined) });
    const ineligible = await waitFor("the document check", id, (case_) => case_.status === "ineligible");
    expect(ineligible).toMatchObject({ reason: "document_changed", reasonDocumentKind: "essay" });
    expect(Object.keys(ineligible.reasonText ?? {}).sort()).toEqual(["en", "kk", "ru"]);
    expect(ineligible.rounds).toBeUndefined();
  });

  it("stops a case no commission can take as no_eligible_panel, where an admin sees it", async () => {
    // The demo region has no republic commission, which a master case needs.
    const id = await submitCase({ teacher: "teacher5", currentCategory: "researcher", targetCategory: "master", experienceYears: 5, testScore: 46 });
    const stopped = await waitFor("no panel", id, (case_) => case_.status === "no_eligible_panel");
    expect(stopped.rounds).toBeUndefined();
    const admin = await session("admin");
    expect((await client.request("GET", `/attestations/${id}`, { token: admin.token })).body).toMatchObject({ status: "no_eligible_panel" });
    expect((await readAuditChain(id)).map((event) => event.action)).toContain("attestation.no_eligible_panel");
  });

  it("files an alert when nobody records the commission's vote in time", async () => {
    const id = await fileDraft({ teacher: "teacher2", currentCategory: "moderator", targetCategory: "expert", experienceYears: 7, testScore: 38 });
    await startDirectly(id, { voteTimeoutSeconds: 1 });
    await scoreRound(id, "first", () => goodSheet());
    const failed = await waitFor("the vote's timeout", id, (case_) => case_.failure !== undefined, 20_000, true);
    expect(failed).toMatchObject({ failure: "States.Timeout", status: "awaiting_commission" });
    const alerts = await queryAll<{ caseId: string; caseKind: string }>({ index: "GSI1", partition: partitions.alerts });
    expect(alerts.filter((alert) => alert.caseId === id)).toEqual([expect.objectContaining({ caseKind: "attestation" })]);
  });

  it("finds every recorded result again when re-driven from the start, and writes nothing", async () => {
    const id = appealedId;
    if (!id) throw new Error("the appeal case did not run");
    const before = (await readAuditChain(id)).length;
    const token = `T${"0".repeat(42)}`;
    expect(await checkAttestationDocuments({ attestationId: id })).toEqual({ eligible: true });
    const first = await drawAttestationPanel({ attestationId: id, round: "first" });
    expect(first.members.map((slot) => slot.memberId).sort()).toEqual([...roundOf(await attestation(id), "first")!.members].sort());
    expect(await aggregateAttestationScores({ attestationId: id, round: "first" })).toMatchObject({ needsExtraMember: false, meanScore: 21, meetsCategory: false });
    expect(await proposeAttestationDecision({ attestationId: id, round: "first" })).toMatchObject({ outcome: "does_not_meet", grantedCategory: "teacher" });
    expect(await openCommissionVote({ attestationId: id, round: "first", taskToken: token })).toEqual({ status: "voted" });
    const decided = await recordAttestationDecision({ attestationId: id, round: "first", basis: "commission_vote", appealWorkingDays: 10 });
    expect(decided).toMatchObject({ outcome: "does_not_meet", final: false });
    expect(decided.appealDeadline).toBeDefined();
    expect(await closeAppealWindow({ attestationId: id })).toEqual({ appealed: true });
    await drawAttestationPanel({ attestationId: id, round: "appeal" });
    expect(await aggregateAttestationScores({ attestationId: id, round: "appeal" })).toMatchObject({ needsExtraMember: false, meanScore: 101 });
    expect(await recordAttestationDecision({ attestationId: id, round: "appeal", basis: "appeal", appealWorkingDays: 10 })).toMatchObject({ outcome: "meets", grantedCategory: "moderator", final: true });
    expect((await readAuditChain(id)).length).toBe(before);
    expect((await attestation(id)).status).toBe("final");
  });
});
