import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { ALL_ROLES, type Role } from "../http/routeDefinition.ts";

export interface CurrentUser {
  id: string;
  roles: Role[];
  schoolId: string | undefined;
}

type Claims = Record<string, string | number | boolean | string[] | undefined>;

// HTTP API delivers `cognito:groups` as a bracketed, space-separated string ("[expert hr]"); a token
// minted elsewhere may carry a real array. Unknown groups are ignored rather than trusted.
function parseGroups(raw: Claims[string]): Role[] {
  const names = Array.isArray(raw)
    ? raw
    : typeof raw === "string"
      ? raw.replace(/^\[|\]$/g, "").split(/[\s,]+/)
      : [];
  return ALL_ROLES.filter((role) => names.includes(role));
}

export function currentUserFrom(event: APIGatewayProxyEventV2): CurrentUser | undefined {
  const authorizer = (event.requestContext as { authorizer?: { jwt?: { claims?: Claims } } }).authorizer;
  const claims = authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== "string" || claims.sub === "") return undefined;
  const schoolId = claims["custom:schoolId"];
  return {
    id: claims.sub,
    roles: parseGroups(claims["cognito:groups"]),
    schoolId: typeof schoolId === "string" && schoolId !== "" ? schoolId : undefined,
  };
}
