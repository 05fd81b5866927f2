import { routes } from "../../routes.ts";
import { getItem } from "../../adapters/dynamo/items.ts";
import { keys } from "../../adapters/dynamo/keys.ts";
import { httpHandler } from "../../platform/http/httpHandler.ts";

export const handler = httpHandler(routes.getMe, async ({ user }) => {
  // The token is the authority on roles and school; the profile only adds the username.
  const profile = await getItem<{ username?: string }>(keys.user(user.id));
  return {
    body: {
      id: user.id,
      username: profile?.username ?? user.id,
      roles: user.roles,
      ...(user.schoolId ? { schoolId: user.schoolId } : {}),
    },
  };
});
