import { routes } from "../../routes.ts";
import { getAttestation } from "../../adapters/dynamo/attestationRecords.ts";
import { getItem } from "../../adapters/dynamo/items.ts";
import { keys } from "../../adapters/dynamo/keys.ts";
import { queryPage } from "../../adapters/dynamo/pagination.ts";
import { getVacancy } from "../../adapters/dynamo/vacancyRecords.ts";
import type { AuditEvent } from "../../domain/audit/auditChain.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

/** Admins see every case; HR the competitions of their school; a candidate the competitions they applied to and their attestations. */
async function maySeeCase(user: CurrentUser, caseId: string): Promise<boolean> {
  if (user.roles.includes("admin")) return true;
  if (user.roles.includes("hr")) {
    const vacancy = await getVacancy(caseId);
    if (vacancy && vacancy.schoolId === user.schoolId) return true;
  }
  if (user.roles.includes("candidate")) {
    if ((await getItem(keys.oneApplicationGuard(caseId, user.id))) !== undefined) return true;
    // An attestation's case id is the attestation's own id.
    return (await getAttestation(caseId))?.candidateId === user.id;
  }
  return false;
}

export const handler = httpHandler(routes.getCaseAudit, async ({ user, params, query }) => {
  if (!(await maySeeCase(user, params.caseId))) throw new AppError("not_found");
  const isCandidateOnly = !user.roles.some((role) => role === "admin" || role === "hr");
  const page = await queryPage<AuditEvent & { type: string }>({ partition: `CASE#${params.caseId}`, sortPrefix: "AUDIT#" }, query);
  return {
    body: {
      // Candidates see the chain but not its data: who sits on a panel must not reach the people it scores.
      items: page.items.map(({ seq, at, actor, action, data, hash, prevHash }) => ({
        seq,
        at,
        actor: !isCandidateOnly || actor === user.id || actor.startsWith("workflow:") ? actor : "redacted",
        action,
        ...(isCandidateOnly ? {} : { data }),
        hash,
        prevHash,
      })),
      nextCursor: page.nextCursor,
    },
  };
});
