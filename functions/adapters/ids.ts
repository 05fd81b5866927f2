import { randomBytes } from "node:crypto";

/** Opaque, URL-safe, unguessable ids (96 random bits), so that knowing one id reveals no other. */
export function newId(): string {
  return randomBytes(12).toString("base64url");
}
