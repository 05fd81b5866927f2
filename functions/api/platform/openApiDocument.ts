import * as z from "zod/mini";
import { errorCatalog } from "../../platform/errors/errorCatalog.ts";
import type { RouteDefinition } from "../../platform/http/routeDefinition.ts";

const Problem = {
  type: "object",
  required: ["type", "title", "status", "code"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    code: { type: "string", enum: Object.keys(errorCatalog) },
    detail: { type: "string" },
    errors: {
      type: "array",
      items: { type: "object", properties: { path: { type: "string" }, code: { type: "string" }, message: { type: "string" } } },
    },
  },
};

function jsonSchema(schema: z.ZodMiniType, io: "input" | "output" = "input") {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
}

function parameters(route: RouteDefinition) {
  const list: Record<string, unknown>[] = [];
  for (const [location, schema] of [["path", route.params], ["query", route.query]] as const) {
    if (!schema) continue;
    const properties = (jsonSchema(schema).properties ?? {}) as Record<string, unknown>;
    for (const [name, property] of Object.entries(properties)) {
      list.push({ name, in: location, required: location === "path", schema: property });
    }
  }
  return list;
}

/** OpenAPI 3.1 built from the very route rows and zod schemas that validate requests, so it cannot drift. */
export function openApiDocument(routeList: readonly RouteDefinition[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) {
    const operation: Record<string, unknown> = {
      operationId: route.handler.split("/").pop(),
      summary: route.summary,
      parameters: parameters(route),
      responses: {
        [String(route.successStatus)]: {
          description: "Success",
          ...(route.response ? { content: { "application/json": { schema: jsonSchema(route.response, "output") } } } : {}),
        },
        "4XX": { description: "Problem", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } },
      },
      ...(route.auth === "public" ? { security: [] } : { security: [{ bearer: [] }], "x-roles": route.auth }),
    };
    if (route.body) operation.requestBody = { required: true, content: { "application/json": { schema: jsonSchema(route.body) } } };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: { title: "Adal API", version },
    paths,
    components: {
      schemas: { Problem },
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
    },
  };
}
