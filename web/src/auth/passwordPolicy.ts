// The Cognito user pool's password policy (infra/aws/adalStack.ts, `passwordPolicy`), checked in the page so
// that a user choosing a new password learns every rule before sending it. Cognito stays the judge: its
// InvalidPasswordException is still handled. A unit test reads the CDK stack so the two cannot drift apart.
import * as z from "zod/mini";

export const PASSWORD_MIN_LENGTH = 12;
/** Cognito's own limit on a password's length. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordRule = "length" | "lowercase" | "uppercase" | "digit" | "symbol" | "edgeSpace";

// Cognito counts letters of the basic Latin alphabet only, and exactly these symbols (plus an inner space).
const SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";
const RULES: readonly [PasswordRule, (password: string) => boolean][] = [
  ["length", (password) => password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH],
  ["lowercase", (password) => /[a-z]/.test(password)],
  ["uppercase", (password) => /[A-Z]/.test(password)],
  ["digit", (password) => /[0-9]/.test(password)],
  ["symbol", (password) => [...password.trim()].some((char) => SYMBOLS.includes(char))],
  ["edgeSpace", (password) => password === "" || password.trim() === password],
];

export const PASSWORD_RULES: readonly PasswordRule[] = RULES.map(([rule]) => rule);

/** The rules a password breaks, in the order the page lists them; empty when the pool would accept it. */
export function brokenPasswordRules(password: string): PasswordRule[] {
  return RULES.filter(([, holds]) => !holds(password)).map(([rule]) => rule);
}

/** The "choose a new password" form; an issue's `params.rule` names the broken rule or "mismatch". */
export const NewPasswordForm = z
  .object({ newPassword: z.string(), repeat: z.string() })
  .check(
    z.superRefine((form, context) => {
      for (const rule of brokenPasswordRules(form.newPassword)) {
        context.addIssue({ code: "custom", path: ["newPassword"], params: { rule }, input: form.newPassword });
      }
      if (form.repeat !== form.newPassword) context.addIssue({ code: "custom", path: ["repeat"], params: { rule: "mismatch" }, input: form.repeat });
    }),
  );
