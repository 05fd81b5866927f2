import { routes } from "../../routes.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { queryPage } from "../../adapters/dynamo/pagination.ts";
import { vacancyView } from "../../adapters/dynamo/vacancyRecords.ts";
import type { Vacancy } from "../../domain/competition/records.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { hrSchoolOf } from "./vacancyAccess.ts";

// The HR officer's own school's vacancies, drafts included, newest first: the public list never shows a
// draft, so without this an unpublished vacancy could not be found again. The school comes from the token.
export const handler = httpHandler(routes.listMyVacancies, async ({ user, query }) => {
  const page = await queryPage<Vacancy>({ index: "GSI2", partition: partitions.schoolVacancies(hrSchoolOf(user)), newestFirst: true }, query);
  return { body: { ...page, items: page.items.map(vacancyView) } };
});
