import { routes } from "../../routes.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { queryPage } from "../../adapters/dynamo/pagination.ts";
import { vacancyView } from "../../adapters/dynamo/vacancyRecords.ts";
import type { Vacancy } from "../../domain/competition/records.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

export const handler = httpHandler(routes.listVacancies, async ({ query }) => {
  const conditions: string[] = ["#status <> :draft"];
  const names: Record<string, string> = { "#status": "status" };
  const values: Record<string, unknown> = { ":draft": "draft" };
  for (const field of ["subject", "language", "status"] as const) {
    const value = query[field];
    if (value === undefined) continue;
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    conditions.push(`#${field} = :${field}`);
  }
  // A school's list comes from its own partition; the national list from the published-vacancies index.
  const page = await queryPage<Vacancy>(
    {
      index: query.schoolId ? "GSI2" : "GSI1",
      partition: query.schoolId ? partitions.schoolVacancies(query.schoolId) : partitions.publishedVacancies,
      newestFirst: true,
      filter: { FilterExpression: conditions.join(" AND "), ExpressionAttributeNames: names, ExpressionAttributeValues: values },
    },
    query,
  );
  return { body: { ...page, items: page.items.map(vacancyView) } };
});
