import * as z from "zod/mini";
import { Hundredths, Id, Text } from "./common.ts";

export const CATEGORIES = ["teacher", "moderator", "expert", "researcher", "master"] as const;
export const ATTESTATION_STATUSES = [
  "draft",
  "submitted",
  "ineligible",
  "scoring",
  "awaiting_commission",
  "decided",
  "appealed",
  "final",
  "no_eligible_panel",
] as const;

const IsoDate = z.union([z.iso.date(), z.iso.datetime()]);

export const CreateAttestationBody = z.strictObject({
  targetCategory: z.enum(CATEGORIES),
  currentCategory: z.enum(CATEGORIES),
  currentCategoryValidUntil: z.optional(IsoDate),
  experienceYears: Hundredths(0, 70),
  test: z.optional(z.strictObject({ score: z.number().check(z.int(), z.gte(0), z.lte(50)), takenAt: IsoDate })),
  exemption: z.optional(
    z.strictObject({
      reason: z.enum(["experience_30_years", "confirming_top_category", "language_certificate"]),
      certificate: z.optional(
        z.strictObject({
          kind: z.enum(["IELTS", "TOEFL", "DELF", "Goethe"]),
          level: z.union([Hundredths(0, 120), z.string().check(z.minLength(1), z.maxLength(8))]),
          validUntil: z.optional(IsoDate),
        }),
      ),
      confirmationsInARow: z.optional(z.number().check(z.int(), z.gte(0), z.lte(20))),
    }),
  ),
  early: z.optional(z.boolean()),
  /** When the teacher was last attested: needed for early attestation (п.63). */
  lastAttestationAt: z.optional(IsoDate),
  /** Psychologists, social pedagogues, camp leaders and teaching assistants are scored on lower thresholds. */
  role: z.optional(z.enum(["teacher", "support_specialist"])),
  subject: z.optional(Text(100)),
});

export const CommissionVoteBody = z.strictObject({
  present: z.number().check(z.int(), z.gte(0), z.lte(200)),
  for: z.number().check(z.int(), z.gte(0), z.lte(200)),
  against: z.number().check(z.int(), z.gte(0), z.lte(200)),
  /** Only read on a tie: the chair's own vote decides it (п.23). */
  chairVotedFor: z.optional(z.boolean()),
});

export const AppealBody = z.strictObject({ reason: Text(2000) });

export const CreateCommissionBody = z.strictObject({
  kind: z.enum(["competition", "attestation"]),
  level: z.enum(["school", "district", "region", "republic"]),
  schoolId: z.optional(Id),
  district: z.optional(Text(100)),
  region: z.optional(Text(100)),
  members: z
    .array(z.strictObject({ userId: Id, role: z.enum(["chair", "member", "reserve"]) }))
    .check(z.minLength(1), z.maxLength(101)),
});

export const DeclareConflictBody = z.strictObject({
  userId: z.optional(Id),
  schoolId: z.optional(Id),
  reason: Text(1000),
});
