import { getVacancy } from "../../adapters/dynamo/vacancyRecords.ts";
import type { Vacancy } from "../../domain/competition/records.ts";
import type { CurrentUser } from "../../platform/auth/currentUser.ts";
import { AppError } from "../../platform/errors/appError.ts";

/** An HR officer acts for exactly one school, named in the token; without it they may act for none. */
export function hrSchoolOf(user: CurrentUser): string {
  if (!user.schoolId) throw new AppError("forbidden", "The HR account is not linked to a school");
  return user.schoolId;
}

/** The vacancy if it belongs to the HR officer's school; otherwise it does not exist for them (404, not 403). */
export async function vacancyOfOwnSchool(user: CurrentUser, vacancyId: string, consistent = false): Promise<Vacancy> {
  const vacancy = await getVacancy(vacancyId, consistent);
  if (!vacancy || vacancy.schoolId !== hrSchoolOf(user)) throw new AppError("not_found");
  return vacancy;
}

/** A vacancy the public may see: anything but a draft. */
export async function publicVacancy(vacancyId: string): Promise<Vacancy> {
  const vacancy = await getVacancy(vacancyId);
  if (!vacancy || vacancy.status === "draft") throw new AppError("not_found");
  return vacancy;
}
