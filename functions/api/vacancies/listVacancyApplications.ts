import { routes } from "../../routes.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { queryPage } from "../../adapters/dynamo/pagination.ts";
import type { Application } from "../../domain/competition/records.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { vacancyOfOwnSchool } from "./vacancyAccess.ts";

export const handler = httpHandler(routes.listVacancyApplications, async ({ user, params, query }) => {
  const vacancy = await vacancyOfOwnSchool(user, params.id);
  const page = await queryPage<Application>({ index: "GSI1", partition: partitions.vacancyApplications(vacancy.id) }, query);
  return { body: page };
});
