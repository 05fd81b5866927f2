import type { TransactItem } from "../../adapters/dynamo/transactions.ts";
import { newId } from "../../adapters/ids.ts";
import { presignUpload } from "../../adapters/s3/documentLinks.ts";
import { checkDocumentDeclaration, normalizeContentType } from "../../domain/documents/documentRules.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { config } from "../../platform/config.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { createIdempotently } from "../idempotentCreate.ts";
import type { StoredDocument } from "../../domain/documents/storedDocument.ts";

// Registering a document is the same for a competition application and an attestation portfolio: the
// declared kind, type and size are checked, the server chooses the object key under the owner's prefix,
// and the record, its audit event and the Idempotency-Key commit together before the client gets a
// presigned POST limited to exactly that key, type and size.

/** Where documents of each kind of owner live in the bucket (infra/aws/grants.ts grants these prefixes). */
export type DocumentOwnerKind = "applications" | "attestations";

export interface DocumentDeclarationBody {
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
}

/** A document record as registered, before it is attached to its owner (applicationId / attestationId). */
export type RegisteredDocument = Pick<StoredDocument, "id" | "kind" | "fileName" | "contentType" | "size" | "key" | "createdAt"> & { status: "pending" };

export interface DocumentRegistration {
  user: CurrentUser;
  idempotencyKey: string | undefined;
  /** The route's name, so one Idempotency-Key cannot mean two different registrations. */
  route: string;
  owner: { kind: DocumentOwnerKind; id: string; field: "applicationId" | "attestationId" };
  /** The case whose audit trail records the registration. */
  caseId: string;
  body: DocumentDeclarationBody;
  /** The document kinds the case accepts. */
  kinds: readonly string[];
  /** The record's write plus a guard that refuses it when the owner stopped being a draft meanwhile. */
  writes: (document: RegisteredDocument) => TransactItem[];
}

const declarationErrors = {
  unknown_kind: (body: DocumentDeclarationBody) => new AppError("document_kind_not_allowed", `Unknown document kind "${body.kind}"`),
  unsupported_type: () => new AppError("unsupported_content_type"),
  too_large: () => new AppError("file_too_large", `At most ${config.maxDocumentBytes()} bytes`),
  empty: () => new AppError("validation_failed", undefined, [{ path: "body.size", code: "too_small", message: "The file is empty" }]),
};

export async function registerDocument(registration: DocumentRegistration): Promise<{ status: number; body: unknown }> {
  const { user, owner, body } = registration;
  const check = checkDocumentDeclaration(body, config.maxDocumentBytes(), registration.kinds);
  if (!check.ok) throw declarationErrors[check.reason](body);
  const contentType = normalizeContentType(body.contentType);
  return createIdempotently(
    { userId: user.id, key: registration.idempotencyKey, request: { route: registration.route, [owner.field]: owner.id, body } },
    async () => {
      const document: RegisteredDocument = {
        id: newId(),
        kind: body.kind,
        fileName: body.fileName,
        contentType,
        size: body.size,
        // The server chooses the key: a client can never write over another document or another case.
        key: `${owner.kind}/${owner.id}/${newId()}`,
        status: "pending",
        createdAt: new Date().toISOString(),
      };
      const upload = await presignUpload({ key: document.key, contentType, size: document.size });
      return {
        caseId: registration.caseId,
        audit: { actor: user.id, action: "document.registered", data: { [owner.field]: owner.id, documentId: document.id, kind: document.kind } },
        items: registration.writes(document),
        response: { status: 201, body: { documentId: document.id, upload } },
        onConflict: () => new AppError("invalid_state", `The ${owner.kind === "applications" ? "application" : "attestation"} is no longer a draft`),
      };
    },
  );
}
