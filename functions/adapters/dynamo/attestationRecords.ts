import type { Attestation, AttestationDocument } from "../../domain/attestation/records.ts";
import { getItem, queryAll, updateWhileStatusIn } from "./items.ts";
import { keys, partitions, sortPrefixes } from "./keys.ts";
import type { TransactItem } from "./transactions.ts";
import { put, update, type UpdateSpec } from "./updates.ts";

// Attestation cases and their portfolio documents, as docs/data-model.md lays them out.

export function getAttestation(id: string, consistent = false): Promise<Attestation | undefined> {
  return getItem<Attestation>(keys.attestation(id), consistent);
}

export function attestationItem(attestation: Attestation): Record<string, unknown> {
  return {
    ...keys.attestation(attestation.id),
    type: "attestation",
    GSI2PK: partitions.candidateAttestations(attestation.candidateId),
    GSI2SK: `${attestation.createdAt}#${attestation.id}`,
    ...attestation,
  };
}

/**
 * The chair's list of cases waiting for their commission's vote (GET /me/votes): a sparse index entry,
 * present only while the vote is awaited; whatever ends the wait removes CHAIR_VOTE_INDEX_ATTRIBUTES.
 */
export const chairVoteIndex = (chairId: string, attestationId: string, since: string) => ({
  GSI1PK: partitions.chairVotes(chairId),
  GSI1SK: `${since}#${attestationId}`,
});
export const CHAIR_VOTE_INDEX_ATTRIBUTES = ["GSI1PK", "GSI1SK"] as const;

export const putNewAttestation = (attestation: Attestation): TransactItem => put(attestationItem(attestation));

/** See updateWhileStatusIn: the guarded state change of an attestation. */
export function updateAttestation(
  id: string,
  from: readonly Attestation["status"][],
  fields: Partial<Attestation> & Record<string, unknown>,
  remove: readonly string[] = [],
): TransactItem {
  return updateWhileStatusIn(keys.attestation(id), from, fields, remove);
}

/** Any other change of an attestation (nested fields, list appends, conditions beyond its status); see UpdateSpec. */
export function updateAttestationWhere(id: string, spec: UpdateSpec): TransactItem {
  return update(keys.attestation(id), spec);
}

export function putNewAttestationDocument(document: AttestationDocument): TransactItem {
  return put({ ...keys.attestationDocument(document.attestationId, document.id), type: "attestationDocument", ...document });
}

export function getAttestationDocument(attestationId: string, documentId: string): Promise<AttestationDocument | undefined> {
  return getItem<AttestationDocument>(keys.attestationDocument(attestationId, documentId), true);
}

export function listAttestationDocuments(attestationId: string): Promise<AttestationDocument[]> {
  return queryAll<AttestationDocument>({ partition: keys.attestation(attestationId).PK, sortPrefix: sortPrefixes.document, consistent: true });
}

/** A document's check result (status, reason, the object version seen); never creates a document. */
export function updateAttestationDocument(attestationId: string, documentId: string, spec: UpdateSpec): TransactItem {
  return update(keys.attestationDocument(attestationId, documentId), spec);
}
