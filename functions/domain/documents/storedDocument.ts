/** A registered document of a case (an application or an attestation portfolio), as both kinds store it. */
export interface StoredDocument {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  key: string;
  status: "pending" | "verified" | "rejected";
  reason?: string;
  versionId?: string;
  checkedAt?: string;
  /** Recorded when its owner confirmed the upload: the object's SHA-256 (hex) and when it was verified. */
  sha256?: string;
  verifiedAt?: string;
  /** When the confirmation refused the upload (`reason` says why; the object was deleted). */
  rejectedAt?: string;
  createdAt: string;
}
