import { routes } from "../../routes.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { queryPage } from "../../adapters/dynamo/pagination.ts";
import type { Approval } from "../../domain/competition/records.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { hrSchoolOf } from "../vacancies/vacancyAccess.ts";

// The school's pending offers, oldest first: the index holds pending approvals only (deciding removes them).
export const handler = httpHandler(routes.listApprovals, async ({ user, query }) => {
  const page = await queryPage<Approval>({ index: "GSI1", partition: partitions.schoolApprovals(hrSchoolOf(user)) }, query);
  return {
    body: {
      items: page.items.map(({ id, vacancyId, applicationId, rank, total, createdAt }) => ({ id, vacancyId, applicationId, rank, total, createdAt })),
      nextCursor: page.nextCursor,
    },
  };
});
