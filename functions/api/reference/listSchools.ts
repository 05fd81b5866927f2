import { routes } from "../../routes.ts";
import { partitions } from "../../adapters/dynamo/keys.ts";
import { queryPage } from "../../adapters/dynamo/pagination.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

interface School {
  id: string;
  name: string;
  district: string;
  region: string;
}

export const handler = httpHandler(routes.listSchools, async ({ query }) => {
  const page = await queryPage<School>({ index: "GSI1", partition: partitions.schools }, query);
  return { body: { ...page, items: page.items.map(({ id, name, district, region }) => ({ id, name, district, region })) } };
});
