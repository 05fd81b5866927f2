import { routes } from "../../routes.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { queryPage } from "../../adapters/dynamo/pagination.ts";
import type { Attestation } from "../../domain/attestation/records.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { ownerView } from "./attestationAccess.ts";

// The teacher's own attestations, newest first.
export const handler = httpHandler(routes.listMyAttestations, async ({ user, query }) => {
  const page = await queryPage<Attestation>({ index: "GSI2", partition: partitions.candidateAttestations(user.id), newestFirst: true }, query);
  return { body: { items: page.items.map(ownerView), nextCursor: page.nextCursor } };
});
