import middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import type * as z from "zod/mini";
import { currentUserFrom, type CurrentUser } from "../auth/currentUser.ts";
import { AppError, isAppError } from "../errors/appError.ts";
import { isTransientServiceError } from "../errors/transientError.ts";
import type { Language } from "../errors/errorCatalog.ts";
import { logger } from "../logger.ts";
import { negotiateLanguage } from "./language.ts";
import { fieldErrorsFromZod, problemResponse } from "./problem.ts";
import type { RouteDefinition } from "./routeDefinition.ts";

type Infer<S> = S extends z.ZodMiniType ? z.infer<S> : undefined;

export interface HttpRequest<R extends RouteDefinition> {
  event: APIGatewayProxyEventV2;
  /** Present on every non-public route (the handler refuses the call otherwise). */
  user: R["auth"] extends "public" ? CurrentUser | undefined : CurrentUser;
  params: Infer<R["params"]>;
  query: Infer<R["query"]>;
  body: Infer<R["body"]>;
  language: Language;
  idempotencyKey: string | undefined;
}

export interface HttpResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown, language: Language, prefix: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new AppError("validation_failed", undefined, fieldErrorsFromZod(result.error.issues, language, prefix));
  }
  return result.data;
}

function jsonBody(event: APIGatewayProxyEventV2): unknown {
  if (event.body === undefined || event.body === "") return undefined;
  const contentType = event.headers?.["content-type"] ?? "application/json";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) throw new AppError("unsupported_media_type");
  const text = event.isBase64Encoded ? Buffer.from(event.body, "base64").toString("utf8") : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("malformed_json");
  }
}

function authorise(route: RouteDefinition, event: APIGatewayProxyEventV2): CurrentUser | undefined {
  const user = currentUserFrom(event);
  if (route.auth === "public") return user;
  if (!user) throw new AppError("unauthorized");
  if (!user.roles.some((role) => route.auth.includes(role))) throw new AppError("forbidden");
  return user;
}

/**
 * Wraps a route's business function as a Lambda handler: authorises by the route table's roles, parses
 * path, query and body with the route's zod schemas, and maps every error to problem+json in one place.
 * The function only ever sees valid, typed input.
 */
export function httpHandler<R extends RouteDefinition>(route: R, run: (request: HttpRequest<R>) => Promise<HttpResult>) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use({
      onError: async (request) => {
        const language = negotiateLanguage(request.event.headers?.["accept-language"]);
        const error = request.error;
        if (isAppError(error)) {
          request.response = problemResponse(error, language);
          return;
        }
        const where = { route: `${route.method} ${route.path}`, requestId: request.event.requestContext?.requestId, errorName: error?.name };
        if (isTransientServiceError(error)) {
          logger.warn("service busy", where);
          request.response = problemResponse(new AppError("service_busy"), language);
          return;
        }
        logger.error("unhandled error", { ...where, errorMessage: error?.message });
        request.response = problemResponse(new AppError("internal_error"), language);
      },
    })
    .handler(async (event) => {
      const language = negotiateLanguage(event.headers?.["accept-language"]);
      const user = authorise(route, event);
      const idempotencyKey = event.headers?.["idempotency-key"];
      if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
        throw new AppError("validation_failed", undefined, [
          { path: "header.Idempotency-Key", code: "invalid_format", message: "1-128 printable ASCII characters" },
        ]);
      }
      const request = {
        event,
        user,
        language,
        idempotencyKey,
        params: route.params ? parseWith(route.params, event.pathParameters ?? {}, language, "path") : undefined,
        query: route.query ? parseWith(route.query, event.queryStringParameters ?? {}, language, "query") : undefined,
        body: route.body ? parseWith(route.body, jsonBody(event), language, "body") : undefined,
      } as HttpRequest<R>;
      const result = await run(request);
      return {
        statusCode: result.status ?? route.successStatus,
        headers: { "content-type": "application/json", ...result.headers },
        body: JSON.stringify(result.body),
      };
    });
}
