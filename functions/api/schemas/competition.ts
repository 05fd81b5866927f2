import * as z from "zod/mini";
import { Answers, Cursor, Hundredths, Id, Language, Limit, Text } from "./common.ts";

export const VACANCY_STATUSES = [
  "draft",
  "published",
  "applications_closed",
  "documents_checked",
  "scoring",
  "ranked",
  "offer_pending",
  "appointed",
  "not_held",
  "no_appointment",
  "no_eligible_panel",
  "cancelled",
] as const;

export const CreateVacancyBody = z.strictObject({
  title: Text(200),
  subject: Text(100),
  language: Language,
  kind: z.enum(["teacher", "technical"]),
  hoursPerWeek: Hundredths(0.5, 40),
  employment: z.enum(["permanent", "temporary"]),
  closesAt: z.iso.datetime(),
  description: z.optional(Text(4000)),
});

export const ListVacanciesQuery = z.strictObject({
  schoolId: z.optional(Id),
  subject: z.optional(Text(100)),
  language: z.optional(Language),
  status: z.optional(z.enum(VACANCY_STATUSES)),
  limit: Limit,
  cursor: Cursor,
});

export const CreateApplicationBody = z.strictObject({
  claims: Answers,
});

export const CreateDocumentBody = z.strictObject({
  kind: z.string().check(z.minLength(1), z.maxLength(32)),
  fileName: Text(255),
  contentType: z.string().check(z.minLength(1), z.maxLength(100)),
  size: z.number().check(z.int(), z.gte(0)),
});

export const ScoreSheetBody = z.strictObject({
  scores: Answers,
  comment: z.optional(Text(2000)),
});

export const ApprovalBody = z.discriminatedUnion("decision", [
  z.strictObject({
    decision: z.literal("approve"),
    orderNumber: Text(64),
    orderDate: z.iso.date(),
  }),
  z.strictObject({
    decision: z.literal("decline"),
    reason: Text(1000),
  }),
]);
