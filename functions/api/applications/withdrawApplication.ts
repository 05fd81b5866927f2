import { routes } from "../../routes.ts";
import { AppError } from "../../platform/errors/appError.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";
import { changeBeforeDeadline, ownApplication } from "./applicationAccess.ts";

export const handler = httpHandler(routes.withdrawApplication, async ({ user, params }) => {
  const application = await ownApplication(user, params.id);
  if (application.status === "withdrawn") return { body: { id: application.id, status: "withdrawn", withdrawnAt: application.withdrawnAt } };
  if (application.status !== "draft" && application.status !== "submitted") throw new AppError("invalid_state", `The application is ${application.status}`);
  const now = new Date();
  const withdrawnAt = now.toISOString();
  await changeBeforeDeadline(user, application, "application.withdrawn", ["draft", "submitted"], { status: "withdrawn", withdrawnAt }, now);
  return { body: { id: application.id, status: "withdrawn", withdrawnAt } };
});
