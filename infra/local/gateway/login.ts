import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import * as z from "zod/mini";
import { AppError } from "../../../functions/platform/errors/appError.ts";
import type { Language } from "../../../functions/platform/errors/errorCatalog.ts";
import { fieldErrorsFromZod, problemFor, problemResponse } from "../../../functions/platform/http/problem.ts";
import { hashPassword, verifyPassword } from "../identity/passwords.ts";
import { issueToken, type SigningKey } from "../identity/tokens.ts";
import type { FindUser } from "../identity/users.ts";

const LoginBody = z.object({
  username: z.string().check(z.minLength(1), z.maxLength(128)),
  password: z.string().check(z.minLength(1), z.maxLength(1024)),
});

export interface LoginDependencies {
  findUser: FindUser;
  signingKey: SigningKey;
  issuer: string;
}

// An unknown username still costs one scrypt, so that the response time does not tell which usernames exist.
let decoyHash: Promise<string> | undefined;

function parse(body: Buffer, contentType: string | undefined, language: Language): z.infer<typeof LoginBody> {
  if (contentType !== undefined && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new AppError("unsupported_media_type");
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new AppError("malformed_json");
  }
  const result = LoginBody.safeParse(json);
  if (!result.success) throw new AppError("validation_failed", undefined, fieldErrorsFromZod(result.error.issues, language, "body"));
  return result.data;
}

/** POST /auth/login: what Cognito's InitiateAuth does on AWS, answered with the contract of API.md. */
export async function login(
  body: Buffer,
  contentType: string | undefined,
  language: Language,
  dependencies: LoginDependencies,
): Promise<APIGatewayProxyStructuredResultV2> {
  let credentials: z.infer<typeof LoginBody>;
  try {
    credentials = parse(body, contentType, language);
  } catch (error) {
    if (error instanceof AppError) return problemResponse(error, language);
    throw error;
  }
  const user = await dependencies.findUser(credentials.username);
  const valid = user
    ? await verifyPassword(credentials.password, user.passwordHash)
    : await verifyPassword(credentials.password, await (decoyHash ??= hashPassword("decoy"))).then(() => false);
  if (!user || !valid) return problemFor("invalid_credentials", language);
  const { token, expiresAt } = await issueToken(dependencies.signingKey, dependencies.issuer, user);
  return {
    statusCode: 200,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
    body: JSON.stringify({
      token,
      expiresAt,
      user: { id: user.id, username: user.username, roles: user.roles, ...(user.schoolId ? { schoolId: user.schoolId } : {}) },
    }),
  };
}
