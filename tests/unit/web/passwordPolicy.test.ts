import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { brokenPasswordRules, NewPasswordForm, PASSWORD_MIN_LENGTH, PASSWORD_RULES } from "../../../web/src/auth/passwordPolicy.ts";

describe("the new-password rules the page checks", () => {
  it("are the user pool's policy as the CDK stack declares it", () => {
    // The page cannot import the stack (aws-cdk-lib), so it is read as text: a changed policy fails here.
    const stack = readFileSync(new URL("../../../infra/aws/adalStack.ts", import.meta.url), "utf8");
    const policy = /passwordPolicy:\s*\{([^}]*)\}/.exec(stack)?.[1] ?? "";
    expect(Number(/minLength:\s*(\d+)/.exec(policy)?.[1])).toBe(PASSWORD_MIN_LENGTH);
    for (const flag of ["requireLowercase", "requireUppercase", "requireDigits", "requireSymbols"]) expect(policy).toMatch(new RegExp(`${flag}:\\s*true`));
    expect(PASSWORD_RULES).toEqual(["length", "lowercase", "uppercase", "digit", "symbol", "edgeSpace"]);
  });

  it("accept a password with every character class, and name each class that is missing", () => {
    expect(brokenPasswordRules("Almaty-2026-school")).toEqual([]);
    expect(brokenPasswordRules("Aa1!")).toEqual(["length"]);
    expect(brokenPasswordRules("ALMATY-2026-SCHOOL")).toEqual(["lowercase"]);
    expect(brokenPasswordRules("almaty-2026-school")).toEqual(["uppercase"]);
    expect(brokenPasswordRules("Almaty-school-ten")).toEqual(["digit"]);
    expect(brokenPasswordRules("Almaty2026school")).toEqual(["symbol"]);
    expect(brokenPasswordRules("")).toEqual(["length", "lowercase", "uppercase", "digit", "symbol"]);
  });

  it("count only Latin letters and Cognito's own symbols, as the pool does", () => {
    // A Kazakh or Russian letter is neither "lowercase" nor "uppercase" to Cognito, nor a symbol.
    expect(brokenPasswordRules("Алматы-2026-мектеп")).toEqual(["lowercase", "uppercase"]);
    expect(brokenPasswordRules("Almaty2026schoolқ")).toEqual(["symbol"]);
    // An inner space is a symbol; a space at either end is refused and is no symbol.
    expect(brokenPasswordRules("Almaty 2026 school")).toEqual([]);
    expect(brokenPasswordRules(" Almaty2026school")).toEqual(["symbol", "edgeSpace"]);
    expect(brokenPasswordRules(`Aa1-${"x".repeat(253)}`)).toEqual(["length"]);
  });

  it("ask for the same password twice, and say which field is wrong", () => {
    expect(NewPasswordForm.safeParse({ newPassword: "Almaty-2026-school", repeat: "Almaty-2026-school" }).success).toBe(true);
    const result = NewPasswordForm.safeParse({ newPassword: "almaty-2026-school", repeat: "Almaty-2026-school" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), (issue as { params?: { rule?: string } }).params?.rule])).toEqual([
      ["newPassword", "uppercase"],
      ["repeat", "mismatch"],
    ]);
  });
});
