import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// Local identity only (Cognito holds the passwords on AWS). The stored format carries no cost parameters,
// so they are fixed here: Node's defaults (N = 2^14, r = 8, p = 1), ~16 MiB and tens of milliseconds.
const COST: ScryptOptions = { N: 16_384, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, KEY_BYTES, COST, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$<saltB64>$<hashB64>`. Async so that hashing many passwords uses the libuv thread pool. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt);
  return `scrypt$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltB64, hashB64, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || saltB64 === undefined || hashB64 === undefined || rest.length > 0) return false;
  const expected = Buffer.from(hashB64, "base64");
  if (expected.length !== KEY_BYTES) return false;
  const actual = await derive(password, Buffer.from(saltB64, "base64"));
  return timingSafeEqual(actual, expected);
}
