import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  calculateJwkThumbprint,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from "jose";

// The local stand-in for the Cognito user pool's tokens: RS256 JWTs with Cognito's claim names, checked
// the way the HTTP API JWT authorizer checks them (signature, iss, aud, exp).
export const LOCAL_AUDIENCE = "adal-local";
export const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
const ALGORITHM = "RS256";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half as published in the issuer's JWKS. */
  publicJwk: JWK;
}

export interface TokenUser {
  id: string;
  username: string;
  roles: readonly string[];
  schoolId?: string | undefined;
}

export type TokenCheck =
  | { ok: true; claims: JWTPayload }
  | { ok: false; code: "unauthorized" | "token_expired"; reason: string };

export function localIssuer(port: number): string {
  return `http://127.0.0.1:${port}/local-identity`;
}

async function signingKeyFrom(privateJwk: JWK): Promise<SigningKey> {
  const { kty, n, e } = privateJwk;
  const bare: JWK = { kty, n, e };
  const kid = await calculateJwkThumbprint(bare);
  const publicJwk: JWK = { ...bare, kid, alg: ALGORITHM, use: "sig" };
  return {
    kid,
    privateKey: (await importJWK(privateJwk, ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, ALGORITHM)) as CryptoKey,
    publicJwk,
  };
}

async function newPrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  return exportJWK(privateKey);
}

function isErrno(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}

/**
 * The key pair that signs local tokens: generated once and kept in `<dataDir>/identity/` so that tokens
 * (and signed-in browsers) survive a restart; a fresh one per process when there is no dataDir.
 */
export async function loadSigningKey(dataDir?: string): Promise<SigningKey> {
  if (dataDir === undefined) return signingKeyFrom(await newPrivateJwk());
  const directory = join(dataDir, "identity");
  const file = join(directory, "signing-key.private.jwk.json");
  try {
    return await signingKeyFrom(JSON.parse(await readFile(file, "utf8")) as JWK);
  } catch (error) {
    if (!isErrno(error, "ENOENT")) throw error;
  }
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const jwk = await newPrivateJwk();
  try {
    // "wx": when two starts race, the first key written wins and both use it.
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600, flag: "wx" });
    return await signingKeyFrom(jwk);
  } catch (error) {
    if (!isErrno(error, "EEXIST")) throw error;
    return signingKeyFrom(JSON.parse(await readFile(file, "utf8")) as JWK);
  }
}

export async function issueToken(
  key: SigningKey,
  issuer: string,
  user: TokenUser,
): Promise<{ token: string; expiresAt: string }> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + TOKEN_LIFETIME_SECONDS;
  const token = await new SignJWT({
    "cognito:groups": [...user.roles],
    "cognito:username": user.username,
    username: user.username,
    ...(user.schoolId ? { "custom:schoolId": user.schoolId } : {}),
  })
    .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: "JWT" })
    .setIssuer(issuer)
    .setAudience(LOCAL_AUDIENCE)
    .setSubject(user.id)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(key.privateKey);
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
}

export async function verifyToken(key: SigningKey, issuer: string, token: string): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      issuer,
      audience: LOCAL_AUDIENCE,
      algorithms: [ALGORITHM],
      requiredClaims: ["exp", "sub"],
    });
    return { ok: true, claims: payload };
  } catch (error) {
    // jose checks the signature before any claim, so only a genuine token can come back as "expired".
    if (error instanceof errors.JWTExpired) return { ok: false, code: "token_expired", reason: "the token has expired" };
    if (error instanceof errors.JOSEError) return { ok: false, code: "unauthorized", reason: error.code };
    throw error;
  }
}
