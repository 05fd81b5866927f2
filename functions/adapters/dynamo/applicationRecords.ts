import type { Application, DocumentRecord } from "../../domain/competition/records.ts";
import { tableName } from "./client.ts";
import { getItem, queryAll, updateWhileStatusIn } from "./items.ts";
import { keys, partitions } from "./keys.ts";
import type { TransactItem } from "./transactions.ts";
import { getMany } from "./batchGet.ts";
import { update, type UpdateSpec } from "./updates.ts";

export function getApplication(id: string, consistent = false): Promise<Application | undefined> {
  return getItem<Application>(keys.application(id), consistent);
}

export function putNewApplication(application: Application): TransactItem[] {
  return [
    {
      // One application per candidate per vacancy, enforced by the store rather than by a read-then-write.
      Put: {
        TableName: tableName(),
        Item: { ...keys.oneApplicationGuard(application.vacancyId, application.candidateId), type: "applicationGuard", applicationId: application.id },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.application(application.id),
          type: "application",
          GSI1PK: partitions.vacancyApplications(application.vacancyId),
          GSI1SK: `${application.createdAt}#${application.id}`,
          GSI2PK: partitions.candidateApplications(application.candidateId),
          GSI2SK: `${application.createdAt}#${application.id}`,
          ...application,
        },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    },
  ];
}

/** See updateWhileStatusIn: the guarded state change of a application. */
export function updateApplication(id: string, from: readonly Application["status"][], fields: Partial<Application> & Record<string, unknown>, remove: readonly string[] = []): TransactItem {
  return updateWhileStatusIn(keys.application(id), from, fields, remove);
}

export function listDocuments(applicationId: string): Promise<DocumentRecord[]> {
  return queryAll<DocumentRecord>({ partition: keys.application(applicationId).PK, sortPrefix: "DOCUMENT#", consistent: true });
}

export function getDocument(applicationId: string, documentId: string): Promise<DocumentRecord | undefined> {
  return getItem<DocumentRecord>(keys.document(applicationId, documentId), true);
}

export function putNewDocument(document: DocumentRecord): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.document(document.applicationId, document.id), type: "document", ...document },
      ConditionExpression: "attribute_not_exists(PK)",
    },
  };
}

export function listVacancyApplications(vacancyId: string): Promise<Application[]> {
  return queryAll<Application>({ index: "GSI1", partition: partitions.vacancyApplications(vacancyId) });
}

/**
 * A vacancy's applications as they are right now: the index gives the ids (they never change), each
 * record is then read by key, consistently. Workflow steps use this, because an index may lag behind the
 * status a previous step has just written.
 */
export async function listVacancyApplicationsFresh(vacancyId: string): Promise<Application[]> {
  const listed = await listVacancyApplications(vacancyId);
  const fresh = await getMany<Application>(listed.map((application) => keys.application(application.id)));
  return fresh.filter((application): application is Application => application !== undefined);
}

/** A document's check result (status, reason, the object version seen); never creates a document. */
export function updateDocument(applicationId: string, documentId: string, spec: UpdateSpec): TransactItem {
  return update(keys.document(applicationId, documentId), spec);
}
