import { routes } from "../../routes.ts";
import { getRubric } from "../../domain/rubrics/registry.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

export const handler = httpHandler(routes.getRubric, async ({ params }) => {
  const rubric = getRubric(params.id);
  if (!rubric) throw new AppError("not_found");
  return { body: rubric };
});
