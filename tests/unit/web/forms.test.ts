import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { AppealBody, CreateAttestationBody } from "../../../functions/api/schemas/attestation.ts";
import { messagesFromApi, messagesFromIssues } from "../../../web/src/ui/fieldErrors.ts";

describe("field messages of the web forms", () => {
  it("words the API's own schema errors per field, an empty text as simply required", () => {
    const appeal = z.safeParse(AppealBody, { reason: "   " });
    expect(appeal.success).toBe(false);
    expect(messagesFromIssues(appeal.error?.issues ?? [], "kk")).toEqual({ reason: "Міндетті өріс" });
    const attestation = z.safeParse(CreateAttestationBody, { targetCategory: "moderator", currentCategory: "teacher", experienceYears: 3.333 });
    expect(Object.keys(messagesFromIssues(attestation.error?.issues ?? [], "ru"))).toEqual(["experienceYears"]);
    // A field left out is "required", not "expected number"; a wrong one keeps the schema's own words.
    const empty = { targetCategory: "moderator", currentCategory: "teacher", test: { score: 30 } };
    const missing = z.safeParse(CreateAttestationBody, empty);
    expect(messagesFromIssues(missing.error?.issues ?? [], "en", empty)).toEqual({ experienceYears: "Is required", "test.takenAt": "Is required" });
    const wrong = { ...empty, experienceYears: "3", test: { score: 30, takenAt: "2026-05-01" } };
    expect(messagesFromIssues(z.safeParse(CreateAttestationBody, wrong).error?.issues ?? [], "en", wrong)).toEqual({ experienceYears: "Expected number" });
  });

  it("maps the server's body.* paths onto the same field keys", () => {
    const error = {
      fields: [
        { path: "body.claims.education", code: "missing", message: "Жауап беру қажет" },
        { path: "body.claims.education", code: "other", message: "second" },
        { path: "attestation.targetCategory", code: "category_sequence", message: "seq" },
      ],
    };
    expect(messagesFromApi(error)).toEqual({ "claims.education": "Жауап беру қажет", "attestation.targetCategory": "seq" });
  });
});
