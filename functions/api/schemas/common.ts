import * as z from "zod/mini";

// Ids are opaque to clients, but we only ever mint URL-safe ones, so anything else cannot exist.
export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));
export const IdParams = z.strictObject({ id: Id });
export const DocumentParams = z.strictObject({ id: Id, documentId: Id });
export const CaseIdParams = z.strictObject({ caseId: Id });

export const Limit = z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)));
export const Cursor = z.optional(z.string().check(z.minLength(1), z.maxLength(2048)));
export const PageQuery = z.strictObject({ limit: Limit, cursor: Cursor });

export const Language = z.enum(["kk", "ru", "en"]);

/**
 * A quantity people write with at most two decimals (hours, years, certificate bands). Finer numbers are
 * refused as input errors: DynamoDB cannot even store magnitudes below 1e-130, and nobody means them.
 */
export const Hundredths = (min: number, max: number) =>
  z.number().check(
    z.gte(min),
    z.lte(max),
    z.refine((value) => Math.round(value * 100) / 100 === value, { params: { code: "not_multiple_of", divisor: 0.01 } }),
  );
export const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** Rubric answers: an option id or a number per criterion id; a sheet never has more than 50 criteria. */
export const Answers = z
  .record(
    z.string().check(z.minLength(1), z.maxLength(64)),
    z.union([z.string().check(z.minLength(1), z.maxLength(64)), z.number()]),
  )
  .check(z.refine((answers) => Object.keys(answers).length <= 50, { params: { code: "too_many_entries", maximum: 50 } }));
