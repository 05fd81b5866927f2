/** How an owner sees their documents: what they registered and what became of each upload; never its key. */
export function ownerDocumentView(documents: readonly { id: string; kind: string; fileName: string; status: string; reason?: string; sha256?: string }[]) {
  return documents.map(({ id, kind, fileName, status, reason, sha256 }) => ({ id, kind, fileName, status, reason: reason ?? null, sha256: sha256 ?? null }));
}
