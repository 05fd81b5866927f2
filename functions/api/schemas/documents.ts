import * as z from "zod/mini";

/** A document as its owner sees it in their own application or attestation (never its storage key). */
export const OwnerDocument = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  status: z.enum(["pending", "verified", "rejected"]),
  reason: z.nullable(z.string()),
  sha256: z.nullable(z.string()),
  url: z.optional(
    z.string().register(z.globalRegistry, {
      description: "Presigned GET of the stored file, shown inline under its file name; valid 5 minutes. Only for the case's owner, only on a verified document.",
    }),
  ),
});

/**
 * GET /applications/{id} and GET /attestations/{id} answer with more fields than these (API.md names them
 * per caller); only `documents` is described here, which only the case's owner receives.
 */
export const CaseWithOwnerDocuments = z.looseObject({
  documents: z.optional(z.array(OwnerDocument)),
});
