import type * as z from "zod/mini";

export type Role = "candidate" | "expert" | "hr" | "admin";
export const ALL_ROLES: readonly Role[] = ["candidate", "expert", "hr", "admin"];
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

// What a function may touch on AWS; the CDK stack turns each grant into the narrowest IAM statement.
export type Grant =
  | "table:read"
  | "table:write"
  | "bucket:presignUpload"
  | "bucket:read"
  | "bucket:delete"
  | "workflow:start"
  | "workflow:respond";

export interface RouteDefinition {
  method: HttpMethod;
  path: string;
  /** Module under functions/ (without .ts) whose `handler` export serves the route, here and on AWS. */
  handler: string;
  /** "public" routes need no token; otherwise the roles allowed in (ownership is checked by the handler). */
  auth: "public" | readonly Role[];
  summary: string;
  body?: z.ZodMiniType;
  query?: z.ZodMiniType;
  params?: z.ZodMiniType;
  /** What the success body holds, for the OpenAPI document only (handlers build bodies by hand). */
  response?: z.ZodMiniType;
  grants: readonly Grant[];
  /** Creates something and honours the Idempotency-Key header. */
  idempotent?: boolean;
  successStatus: number;
}

export function defineRoute<const R extends RouteDefinition>(route: R): R {
  return route;
}
