import { routes } from "../../routes.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

const version = process.env.ADAL_VERSION ?? "0.1.0";

export const handler = httpHandler(routes.health, async () => ({ body: { status: "ok", version } }));
