import { routes } from "../../routes.ts";
import { vacancyView } from "../../adapters/dynamo/vacancyRecords.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { publicVacancy } from "./vacancyAccess.ts";

export const handler = httpHandler(routes.getVacancy, async ({ params }) => ({ body: vacancyView(await publicVacancy(params.id)) }));
