import type { Vacancy } from "../../domain/competition/records.ts";
import { tableName } from "./client.ts";
import { getItem, updateWhileStatusIn } from "./items.ts";
import { keys, partitions } from "./keys.ts";
import type { TransactItem } from "./transactions.ts";
import { update, type UpdateSpec } from "./updates.ts";

export function getVacancy(id: string, consistent = false): Promise<Vacancy | undefined> {
  return getItem<Vacancy>(keys.vacancy(id), consistent);
}

function indexAttributes(vacancy: Vacancy) {
  return {
    GSI2PK: partitions.schoolVacancies(vacancy.schoolId),
    GSI2SK: `${vacancy.createdAt}#${vacancy.id}`,
    // Drafts stay out of the public index until published (a sparse index, so listing never filters them).
    ...(vacancy.publishedAt ? { GSI1PK: partitions.publishedVacancies, GSI1SK: `${vacancy.publishedAt}#${vacancy.id}` } : {}),
  };
}

export function putNewVacancy(vacancy: Vacancy): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.vacancy(vacancy.id), type: "vacancy", ...indexAttributes(vacancy), ...vacancy },
      ConditionExpression: "attribute_not_exists(PK)",
    },
  };
}

/** See updateWhileStatusIn: the guarded state change of a vacancy. */
export function updateVacancy(id: string, from: readonly Vacancy["status"][], fields: Partial<Vacancy> & Record<string, unknown>, remove: readonly string[] = []): TransactItem {
  return updateWhileStatusIn(keys.vacancy(id), from, fields, remove);
}

export function publishedVacancyIndex(vacancy: Vacancy, publishedAt: string) {
  return { GSI1PK: partitions.publishedVacancies, GSI1SK: `${publishedAt}#${vacancy.id}` };
}

/** Holds a transaction to the vacancy still taking applications at `now`. */
export function vacancyAcceptsApplications(id: string, now: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: keys.vacancy(id),
      ConditionExpression: "#status = :published AND closesAt > :now",
      ExpressionAttributeNames: { "#status": "status" },
      ExpressionAttributeValues: { ":published": "published", ":now": now },
    },
  };
}

const internalFields = ["createdBy", "executionArn", "panel", "ranking", "failure", "failureHash", "failedAt"] as const;

/** What anyone may see of a vacancy: no workflow internals, no panel, no ranking before the results. */
export function vacancyView(vacancy: Vacancy) {
  const view: Record<string, unknown> = { ...vacancy };
  for (const field of internalFields) delete view[field];
  return view;
}

/** Any other change of a vacancy (nested fields, list appends, conditions beyond its status); see UpdateSpec. */
export function updateVacancyWhere(id: string, spec: UpdateSpec): TransactItem {
  return update(keys.vacancy(id), spec);
}
