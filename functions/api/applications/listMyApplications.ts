import { routes } from "../../routes.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { queryPage } from "../../adapters/dynamo/pagination.ts";
import type { Application } from "../../domain/competition/records.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

export const handler = httpHandler(routes.listMyApplications, async ({ user, query }) => ({
  body: await queryPage<Application>({ index: "GSI2", partition: partitions.candidateApplications(user.id), newestFirst: true }, query),
}));
