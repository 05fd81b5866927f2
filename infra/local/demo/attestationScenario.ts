import type { AdalClient, Session } from "../client/adalClient.ts";
import { PDF_BYTES } from "./competitionScenario.ts";

// Three teachers through attestation, driven through the public API as they, the experts and the
// commission chair would: one granted the category they aim for, one capped by the knowledge test
// (п.24) who then appeals to a fresh blind panel, one refused for skipping a category.

type Log = (step: string, detail?: Record<string, unknown>) => void;

interface Teacher {
  username: string;
  request: Record<string, unknown>;
}

const monthsAgo = (months: number) => new Date(Date.now() - months * 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const yearsAhead = (years: number) => new Date(Date.now() + years * 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);

export const attestationTeachers = {
  granted: { username: "teacher1", request: { targetCategory: "moderator", currentCategory: "teacher", experienceYears: 6, test: { score: 42, takenAt: monthsAgo(2) } } },
  capped: {
    username: "teacher2",
    request: { targetCategory: "expert", currentCategory: "moderator", currentCategoryValidUntil: yearsAhead(1), experienceYears: 12, test: { score: 33, takenAt: monthsAgo(3) } },
  },
  skipping: { username: "teacher3", request: { targetCategory: "expert", currentCategory: "teacher", experienceYears: 9, test: { score: 44, takenAt: monthsAgo(1) } } },
} satisfies Record<string, Teacher>;

const PORTFOLIO = ["application", "diploma", "essay", "test"] as const;

function check(response: { status: number; body: unknown }, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
}

interface RubricCriterion {
  id: string;
  options?: { id: string; points: number }[];
  min?: number;
  levels?: Record<string, number>;
}

/** A sheet at exactly the level the target category asks of every criterion: the annex's thresholds add up to it. */
export function sheetMeeting(criteria: RubricCriterion[], target: string): Record<string, string | number> {
  const scores: Record<string, string | number> = {};
  for (const criterion of criteria) {
    const level = criterion.levels?.[target] ?? 0;
    if (criterion.options) {
      const sorted = [...criterion.options].sort((a, b) => a.points - b.points);
      scores[criterion.id] = (sorted.find((option) => option.points >= level) ?? sorted.at(-1)!).id;
    } else {
      scores[criterion.id] = Math.max(level, criterion.min ?? 0);
    }
  }
  return scores;
}

export interface AttestationOutcome {
  caseIds: Record<string, string>;
  refusal: { status: number; code: string; title: string };
  decisions: Record<string, any>;
  /** Absent when the stack's appeal window is too long to wait for in a demo. */
  appealFinal?: any;
  firstPanel: string[];
  appealPanel: string[];
}

async function file(client: AdalClient, session: Session, request: Record<string, unknown>): Promise<string> {
  const created = await client.request("POST", "/attestations", { token: session.token, body: request });
  check(created, 201, "file attestation");
  for (const kind of PORTFOLIO) {
    const registered = await client.request("POST", `/attestations/${created.body.id}/documents`, {
      token: session.token,
      body: { kind, fileName: `${kind}.pdf`, contentType: "application/pdf", size: PDF_BYTES.byteLength },
    });
    check(registered, 201, `register ${kind}`);
    const status = await client.upload(registered.body.upload, PDF_BYTES, "application/pdf", `${kind}.pdf`);
    if (status >= 300) throw new Error(`upload of ${kind} failed with ${status}`);
    const confirmed = await client.request("POST", `/attestations/${created.body.id}/documents/${registered.body.documentId}/confirm`, { token: session.token });
    check(confirmed, 200, `confirm ${kind}`);
  }
  return created.body.id;
}

/** Every expert scores every open attestation assignment of the given cases, at the target's level. */
export async function scoreOpenAssignments(client: AdalClient, experts: Session[], caseIds: string[]): Promise<number> {
  let sheets = 0;
  for (const expert of experts) {
    const list = await client.request("GET", "/me/assignments?limit=100", { token: expert.token });
    for (const item of list.body.items.filter((a: any) => a.caseKind === "attestation" && caseIds.includes(a.caseId) && a.status === "open")) {
      const assignment = await client.request("GET", `/assignments/${item.id}`, { token: expert.token });
      const attestation = await client.request("GET", `/attestations/${item.caseId}`, { token: expert.token });
      check(attestation, 200, "panel view");
      const scores = sheetMeeting(assignment.body.rubric.criteria, attestation.body.targetCategory);
      check(await client.request("POST", `/assignments/${item.id}/score-sheet`, { token: expert.token, body: { scores } }), 200, "score sheet");
      sheets++;
    }
  }
  return sheets;
}

async function statusOf(client: AdalClient, admin: Session, id: string): Promise<any> {
  return (await client.request("GET", `/attestations/${id}`, { token: admin.token })).body;
}

export async function runAttestationScenario(client: AdalClient, log: Log): Promise<AttestationOutcome> {
  const admin = await client.login("admin");
  const experts = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => client.login(`expert${n}`)));
  const sessions = Object.fromEntries(
    await Promise.all(Object.values(attestationTeachers).map(async (t) => [t.username, await client.login(t.username)] as const)),
  ) as Record<string, Session>;

  const caseIds: Record<string, string> = {};
  for (const [key, teacher] of Object.entries(attestationTeachers)) {
    const id = await file(client, sessions[teacher.username]!, teacher.request);
    caseIds[key] = id;
    const submitted = await client.request("POST", `/attestations/${id}/submit`, { token: sessions[teacher.username]!.token });
    if (key === "skipping") {
      check(submitted, 422, "submit skipping a category");
      log(`${teacher.username} (teacher → expert) is refused at submission`, { code: submitted.body.code, detail: submitted.body.errors?.[0]?.message });
    } else {
      check(submitted, 200, "submit");
      log(`${teacher.username} submitted a portfolio for ${teacher.request.targetCategory}`, { attestationId: id, testScore: (teacher.request.test as { score: number }).score });
    }
  }
  const active = [caseIds.granted!, caseIds.capped!];

  const votes = async (ids: string[]) => {
    for (const id of ids) {
      const waiting = await client.waitFor(`${id} to await the commission`, async () => {
        await scoreOpenAssignments(client, experts, ids);
        const attestation = await statusOf(client, admin, id);
        return attestation.status === "awaiting_commission" ? attestation : undefined;
      });
      const chair = await client.login(String(waiting.chairId).replace(/^user-/, ""));
      const vote = await client.request("POST", `/attestations/${id}/commission-vote`, { token: chair.token, body: { present: 6, for: 5, against: 1 } });
      check(vote, 200, "commission vote");
      log(`the commission chair recorded the vote on ${id}`, { present: 6, for: 5, against: 1, proposal: waiting.rounds?.at(-1)?.proposal });
    }
  };
  await votes(active);

  const decisions: Record<string, any> = {};
  for (const [key, id] of Object.entries(caseIds)) {
    if (key === "skipping") continue;
    const username = attestationTeachers[key as keyof typeof attestationTeachers].username;
    decisions[key] = await client.waitFor(`the decision on ${id}`, async () => {
      const response = await client.request("GET", `/attestations/${id}/decision`, { token: sessions[username]!.token });
      return response.status === 200 ? response.body : undefined;
    });
    log(`${username}: ${decisions[key].outcome}, granted ${decisions[key].grantedCategory}`, { meanScore: decisions[key].meanScore, threshold: decisions[key].threshold });
  }

  const refusal = await client.request("POST", `/attestations/${caseIds.skipping}/submit`, { token: sessions[attestationTeachers.skipping.username]!.token });
  const cappedTeacher = attestationTeachers.capped.username;
  const deadline = Date.parse((await statusOf(client, admin, caseIds.capped!)).appealDeadline);
  if (deadline - Date.now() > 120_000) {
    log(`the appeal window closes ${new Date(deadline).toISOString()}: too long to wait for here (a stack started by the demo itself uses 20 s)`);
    return { caseIds, refusal: { status: refusal.status, code: refusal.body.code, title: refusal.body.title }, decisions, firstPanel: [], appealPanel: [] };
  }
  const appeal = await client.request("POST", `/attestations/${caseIds.capped}/appeal`, {
    token: sessions[cappedTeacher]!.token,
    body: { reason: "My test result was re-checked; I ask for my portfolio to be reviewed again." },
  });
  check(appeal, 201, "appeal");
  log(`${cappedTeacher} appealed; a fresh blind panel scores the portfolio once the window closes`);
  const appealFinal = await client.waitFor("the appeal decision", async () => {
    await scoreOpenAssignments(client, experts, [caseIds.capped!]);
    const response = await client.request("GET", `/attestations/${caseIds.capped}/decision`, { token: sessions[cappedTeacher]!.token });
    return response.status === 200 && response.body.final ? response.body : undefined;
  }, 180_000);
  const rounds = (await statusOf(client, admin, caseIds.capped!)).rounds as { kind: string; members: string[]; extraMembers?: string[] }[];
  const firstPanel = rounds.filter((round) => round.kind !== "appeal").flatMap((round) => [...round.members, ...(round.extraMembers ?? [])]);
  const appealPanel = rounds.filter((round) => round.kind === "appeal").flatMap((round) => [...round.members, ...(round.extraMembers ?? [])]);
  log(`the appeal panel's decision is final: ${appealFinal.outcome}, granted ${appealFinal.grantedCategory}`, { firstPanel, appealPanel });
  return { caseIds, refusal: { status: refusal.status, code: refusal.body.code, title: refusal.body.title }, decisions, appealFinal, firstPanel, appealPanel };
}
