import { routes } from "../../routes.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { queryPage } from "../../adapters/dynamo/pagination.ts";
import type { Assignment } from "../../domain/competition/records.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

// The expert's own assignments, soonest due first (the index sorts by due date).
export const handler = httpHandler(routes.listMyAssignments, async ({ user, query }) => {
  const page = await queryPage<Assignment>({ index: "GSI2", partition: partitions.expertAssignments(user.id) }, query);
  return {
    body: {
      items: page.items.map(({ id, caseKind, caseId, status, dueAt }) => ({ id, caseKind, caseId, status, dueAt })),
      nextCursor: page.nextCursor,
    },
  };
});
