import { AdalClient, type Session } from "../client/adalClient.ts";

// One whole competition driven through the public API as its real users would drive it. Shared by
// `npm run demo` (which prints each step) and the end-to-end test (which asserts on the outcome).

export const PDF_BYTES = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
export const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const FAKE_PDF_BYTES = new TextEncoder().encode("This is a scanned diploma, honestly. Not a PDF at all.\n");

interface Applicant {
  username: string;
  claims: Record<string, string | number>;
  fakeDiploma?: boolean;
}

/** The applicants, their claims and the winner the rubric must pick (totals in the comments). */
export const applicants: Applicant[] = [
  {
    // 3 + 0 + 5 + 3 + 2 + 0 + 3 + 1 + 1 + 2 + 1 = 21
    username: "teacher1",
    claims: { education: "higher_honours", test: "pct_70_79", category: "moderator", experience: "years_5_10", recommendation: "positive", studentAchievements: 1, ownAchievements: 1, methodical: 2, courses: 1 },
  },
  {
    // 5 + 10 + 7 + 5 + 3 + 3 + 3 + 2 + 2 + 3 + 1.5 = 44.5 — the winner
    username: "teacher4",
    claims: { education: "master_or_specialist", degree: "doctorate", test: "pct_80_plus", category: "expert", experience: "years_10_plus", administrative: "deputy_head", recommendation: "positive", studentAchievements: 2, ownAchievements: 2, methodical: 3, courses: 1.5 },
  },
  {
    // 2 + 0 + 3 + 2 + 1 + 0 + 0 + 0 + 0 + 0 + 0.5 = 8.5
    username: "teacher7",
    claims: { education: "higher_full_time", test: "pct_60_69", category: "first", experience: "years_1_3", courses: 0.5 },
  },
  {
    // Would win on paper, but the diploma is not really a PDF: refused when the upload is confirmed, and
    // caught again at the deadline when swapped in after a real one passed: ineligible, never scored.
    username: "teacher8",
    claims: { education: "master_or_specialist", degree: "doctorate", test: "pct_80_plus", category: "master", experience: "years_10_plus", administrative: "head", recommendation: "positive", studentAchievements: 3, ownAchievements: 5, methodical: 5, courses: 3 },
    fakeDiploma: true,
  },
];
export const EXPECTED_WINNER = "teacher4";
export const FAKE_DIPLOMA_HOLDER = "teacher8";

type Log = (step: string, detail?: Record<string, unknown>) => void;

function expectStatus(response: { status: number; body: unknown }, status: number, what: string): void {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
}

/** Scores a sheet as a careful expert would: each claim confirmed, every unclaimed criterion at its lowest. */
export function scoreSheetFor(rubric: { criteria: { id: string; options?: { id: string; points: number }[]; min?: number }[] }, claims: Record<string, string | number>) {
  const scores: Record<string, string | number> = {};
  for (const criterion of rubric.criteria) {
    const claimed = claims[criterion.id];
    if (claimed !== undefined) scores[criterion.id] = claimed;
    else if (criterion.options) scores[criterion.id] = [...criterion.options].sort((a, b) => a.points - b.points).find((o) => o.points >= 0)?.id ?? criterion.options[0]!.id;
    else scores[criterion.id] = criterion.min ?? 0;
  }
  return scores;
}

export interface ScenarioResult {
  vacancyId: string;
  applications: Record<string, { id: string; status: string; reason?: string; rank?: number; total?: number; documents?: any[] }>;
  results: any;
  /** Applicants whose upload was refused at confirmation (so they never submitted): the 422 they got. */
  refusals: Record<string, { status: number; code: string; title: string }>;
}

/** What the phases of a competition hand each other: the vacancy, who applied, and their sessions. */
export interface OpenCompetition {
  vacancyId: string;
  sessions: Map<string, Session>;
  applicationIds: Map<string, string>;
  refusals: ScenarioResult["refusals"];
  sheets: number;
}

/** HR publishes a vacancy; the four applicants apply, upload their documents and submit. */
export async function openCompetition(client: AdalClient, log: Log, options: { closesInSeconds?: number } = {}): Promise<OpenCompetition> {
  const hr = await client.login("hr.school1");
  const closesAt = new Date(Date.now() + (options.closesInSeconds ?? 20) * 1000).toISOString();
  const created = await client.request("POST", "/vacancies", {
    token: hr.token,
    headers: { "idempotency-key": `demo-${closesAt}` },
    body: { title: "Mathematics teacher", subject: "mathematics", language: "kk", kind: "teacher", hoursPerWeek: 18, employment: "permanent", closesAt },
  });
  expectStatus(created, 201, "create vacancy");
  const vacancyId: string = created.body.id;
  log("HR officer created a vacancy", { vacancyId, rubricId: created.body.rubricId, closesAt });
  expectStatus(await client.request("POST", `/vacancies/${vacancyId}/publish`, { token: hr.token }), 200, "publish");
  log("HR officer published it; the competition workflow is waiting for the deadline");

  const sessions = new Map<string, Session>([["hr.school1", hr]]);
  const applicationIds = new Map<string, string>();
  const refusals: ScenarioResult["refusals"] = {};
  for (const applicant of applicants) {
    const session = await client.login(applicant.username);
    sessions.set(applicant.username, session);
    const application = await client.request("POST", `/vacancies/${vacancyId}/applications`, { token: session.token, body: { claims: applicant.claims } });
    expectStatus(application, 201, `${applicant.username} applies`);
    applicationIds.set(applicant.username, application.body.id);
    for (const kind of ["identity", "diploma"] as const) {
      const fake = kind === "diploma" && applicant.fakeDiploma;
      const bytes = kind === "identity" ? PNG_BYTES : fake ? FAKE_PDF_BYTES : PDF_BYTES;
      const contentType = kind === "identity" ? "image/png" : "application/pdf";
      const fileName = kind === "identity" ? "id-card.png" : "diploma.pdf";
      const registered = await client.request("POST", `/applications/${application.body.id}/documents`, {
        token: session.token,
        body: { kind, fileName, contentType, size: bytes.byteLength },
      });
      expectStatus(registered, 201, `${applicant.username} registers ${kind}`);
      const uploaded = await client.upload(registered.body.upload, bytes, contentType, fileName);
      if (uploaded >= 300) throw new Error(`upload of ${kind} failed with ${uploaded}`);
      const confirmed = await client.request("POST", `/applications/${application.body.id}/documents/${registered.body.documentId}/confirm`, { token: session.token });
      if (fake) {
        expectStatus(confirmed, 422, `${applicant.username} confirms a fake ${kind}`);
        refusals[applicant.username] = { status: confirmed.status, code: confirmed.body.code, title: confirmed.body.title };
      } else {
        expectStatus(confirmed, 200, `${applicant.username} confirms ${kind}`);
      }
    }
    if (refusals[applicant.username]) {
      log(`${applicant.username}'s diploma (a text file named .pdf) was refused on upload`, { code: refusals[applicant.username]!.code });
      // The candidate then plays it cleverer: a real PDF to pass the check, and after submitting, the fake
      // written over the same object. The deadline check re-hashes every document and catches the swap.
      const registered = await client.request("POST", `/applications/${application.body.id}/documents`, {
        token: session.token,
        body: { kind: "diploma", fileName: "diploma.pdf", contentType: "application/pdf", size: PDF_BYTES.byteLength },
      });
      expectStatus(registered, 201, `${applicant.username} registers a real diploma`);
      await client.upload(registered.body.upload, PDF_BYTES, "application/pdf", "diploma.pdf");
      const confirmed = await client.request("POST", `/applications/${application.body.id}/documents/${registered.body.documentId}/confirm`, { token: session.token });
      expectStatus(confirmed, 200, `${applicant.username} confirms a real diploma`);
      expectStatus(await client.request("POST", `/applications/${application.body.id}/submit`, { token: session.token }), 200, "submit");
      const swapped = new Uint8Array(PDF_BYTES.byteLength).fill(0x20);
      swapped.set(FAKE_PDF_BYTES.subarray(0, PDF_BYTES.byteLength));
      await client.upload(registered.body.upload, swapped, "application/pdf", "diploma.pdf");
      log(`${applicant.username} submitted with a real PDF, then wrote the fake over it`, { applicationId: application.body.id });
      continue;
    }
    expectStatus(await client.request("POST", `/applications/${application.body.id}/submit`, { token: session.token }), 200, "submit");
    log(`${applicant.username} applied with identity card and diploma`, { applicationId: application.body.id });
  }
  return { vacancyId, sessions, applicationIds, refusals, sheets: 0 };
}

/**
 * Experts score what reaches them (a reserve's assignments only after a member misses the deadline).
 * With `maxSheets` it stops after that many sheets; otherwise it goes on until the workflow has every
 * sheet it waits for and moves on to ranking.
 */
export async function scoreSheets(client: AdalClient, competition: OpenCompetition, options: { maxSheets?: number } = {}): Promise<void> {
  const experts = await Promise.all(["expert1", "expert2", "expert3", "expert4", "expert5", "expert6", "expert7"].map((name) => client.login(name)));
  const budgetLeft = () => options.maxSheets === undefined || competition.sheets < options.maxSheets;
  await client.waitFor("score sheets", async () => {
    for (const expert of experts) {
      const assignments = await client.request("GET", "/me/assignments?limit=100", { token: expert.token });
      for (const item of assignments.body.items.filter((a: any) => a.caseId === competition.vacancyId && a.status === "open")) {
        if (!budgetLeft()) return true;
        const assignment = await client.request("GET", `/assignments/${item.id}`, { token: expert.token });
        expectStatus(assignment, 200, "open assignment");
        const scores = scoreSheetFor(assignment.body.rubric, assignment.body.claims);
        const sheet = await client.request("POST", `/assignments/${item.id}/score-sheet`, { token: expert.token, body: { scores, comment: "Claims checked against the documents." } });
        expectStatus(sheet, 200, "score sheet");
        competition.sheets++;
      }
    }
    if (!budgetLeft()) return true;
    const vacancy = await client.request("GET", `/vacancies/${competition.vacancyId}`);
    return ["ranked", "offer_pending", "appointed", "no_appointment", "not_held"].includes(vacancy.body?.status) ? true : undefined;
  });
}

/** HR approves the recommended candidate; everyone's outcome is read back through the API. */
export async function approveAndReadBack(client: AdalClient, log: Log, competition: OpenCompetition): Promise<ScenarioResult> {
  const { vacancyId } = competition;
  const hr = competition.sessions.get("hr.school1")!;
  const approval = await client.waitFor("an offer for HR approval", async () => {
    const list = await client.request("GET", "/approvals", { token: hr.token });
    return list.body.items?.find((item: any) => item.vacancyId === vacancyId);
  });
  log("The top-ranked candidate awaits the HR officer's approval", { rank: approval.rank, total: approval.total });
  const decided = await client.request("POST", `/approvals/${approval.id}`, {
    token: hr.token,
    body: { decision: "approve", orderNumber: "17-К", orderDate: new Date().toISOString().slice(0, 10) },
  });
  expectStatus(decided, 200, "approve");
  log("HR officer approved the appointment", { orderNumber: "17-К" });

  const results = await client.waitFor("the decision", async () => {
    const response = await client.request("GET", `/vacancies/${vacancyId}/results`);
    return response.status === 200 ? response.body : undefined;
  });
  const applications: ScenarioResult["applications"] = {};
  for (const [username, id] of competition.applicationIds) {
    const response = await client.request("GET", `/applications/${id}`, { token: competition.sessions.get(username)!.token });
    applications[username] = response.body;
  }
  return { vacancyId, applications, results, refusals: competition.refusals };
}

export async function runCompetitionScenario(client: AdalClient, log: Log, options: { closesInSeconds?: number } = {}): Promise<ScenarioResult> {
  const competition = await openCompetition(client, log, options);
  log("Waiting for the deadline; then documents are checked and the panel is drawn");
  await scoreSheets(client, competition);
  log("The panel scored every eligible candidate (sealed sheets)", { sheets: competition.sheets });
  return approveAndReadBack(client, log, competition);
}
