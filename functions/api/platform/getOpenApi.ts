import { routeList, routes } from "../../routes.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { openApiDocument } from "./openApiDocument.ts";

const document = openApiDocument(routeList, process.env.ADAL_VERSION ?? "0.1.0");

export const handler = httpHandler(routes.openApi, async () => ({ body: document }));
