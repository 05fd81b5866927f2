import type { AdalClient, Session } from "../../infra/local/client/adalClient.ts";
import { pdfDocument, pngImage } from "./fixtures.ts";

// The steps a browser test takes through the API when they are not what it is testing (more applicants, the
// rest of a panel's sheets), so that each kind of user does their own main task in the browser once.

export async function expectOk<T = any>(response: Promise<{ status: number; body: T }>, status: number, what: string): Promise<T> {
  const { status: got, body } = await response;
  if (got !== status) throw new Error(`${what}: expected ${status}, got ${got} ${JSON.stringify(body)}`);
  return body;
}

/** A document of a case registered, sent by presigned POST and confirmed, as the upload component does it. */
export async function uploadDocument(api: AdalClient, session: Session, ownerPath: string, kind: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const registered = await expectOk(
    api.request("POST", `${ownerPath}/documents`, { token: session.token, body: { kind, fileName: file.name, contentType: file.mimeType, size: file.buffer.byteLength } }),
    201,
    `register ${kind}`,
  );
  const status = await api.upload(registered.upload, file.buffer, file.mimeType, file.name);
  if (status >= 300) throw new Error(`upload of ${kind} answered ${status}`);
  await expectOk(api.request("POST", `${ownerPath}/documents/${registered.documentId}/confirm`, { token: session.token }), 200, `confirm ${kind}`);
}

export const identityCard = () => ({ name: "id-card.png", mimeType: "image/png", buffer: pngImage() });
export const pdfFile = (name: string, lines: readonly string[]) => ({ name, mimeType: "application/pdf", buffer: pdfDocument(lines) });

/** A candidate applies with an identity card and a diploma and submits: the application's id. */
export async function applyThroughApi(api: AdalClient, vacancyId: string, username: string, claims: Record<string, string | number>): Promise<string> {
  const session = await api.login(username);
  const application = await expectOk(api.request("POST", `/vacancies/${vacancyId}/applications`, { token: session.token, body: { claims } }), 201, `${username} applies`);
  const ownerPath = `/applications/${application.id}`;
  await uploadDocument(api, session, ownerPath, "identity", identityCard());
  await uploadDocument(api, session, ownerPath, "diploma", pdfFile("diploma.pdf", ["Diploma", `Holder: ${username}`]));
  await expectOk(api.request("POST", `${ownerPath}/submit`, { token: session.token }), 200, `${username} submits`);
  return application.id;
}

/** The first expert (expert1 … expert7) whose open assignments include one `pick` accepts. */
type AssignmentSummary = { id: string; caseId: string; caseKind: string; status: string };

export async function expertWith(api: AdalClient, pick: (assignment: AssignmentSummary) => boolean) {
  return api.waitFor("an open assignment", async () => {
    for (let n = 1; n <= 7; n++) {
      const session = await api.login(`expert${n}`);
      const list = await api.request("GET", "/me/assignments?limit=100", { token: session.token });
      const assignment = (list.body.items as AssignmentSummary[] | undefined)?.find((item) => item.status === "open" && pick(item));
      if (assignment) return { username: `expert${n}`, session, assignment };
    }
    return undefined;
  });
}
