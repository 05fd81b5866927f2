import * as z from "zod/mini";
import { listVacancyApplicationsFresh, updateApplication } from "../adapters/dynamo/applicationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { getSheets, listCaseAssignments } from "../adapters/dynamo/scoringRecords.ts";
import { writeOne } from "../adapters/dynamo/updates.ts";
import { updateVacancy } from "../adapters/dynamo/vacancyRecords.ts";
import { hasReached } from "../domain/competition/lifecycle.ts";
import type { Application, VacancyStatus } from "../domain/competition/records.ts";
import { rankCandidates, type RankedCandidate, type RankingEntry } from "../domain/ranking/rankCandidates.ts";
import { getRubric } from "../domain/rubrics/registry.ts";
import type { Rubric } from "../domain/rubrics/rubric.ts";
import { tallyScoreSheets } from "../domain/scoring/tallyScoreSheets.ts";
import { logger } from "../platform/logger.ts";
import { failedOn, InvalidCaseState, parseTaskInput, requireVacancy, TaskId, WORKFLOW_ACTOR } from "./shared/taskSupport.ts";

const Input = z.object({ vacancyId: TaskId });

type Output = { count: number; applicationIds: string[] };

interface Result {
  application: Application;
  total: number;
  perCriterion: Record<string, number>;
  sheetCount: number;
}

/** The sealed sheets of one application; a sheet exists exactly when its assignment was submitted. */
async function sheetsOf(vacancyId: string, applicationId: string) {
  const assignments = await listCaseAssignments(vacancyId, applicationId);
  return getSheets(assignments.map((assignment) => assignment.id));
}

async function resultOf(vacancyId: string, rubric: Rubric, application: Application): Promise<Result> {
  // A rubric without criteria (technical staff) has no commission and no sheets.
  const sheets = rubric.criteria.length === 0 ? [] : await sheetsOf(vacancyId, application.id);
  if (sheets.length === 0) {
    return { application, total: 0, perCriterion: Object.fromEntries(rubric.criteria.map((criterion) => [criterion.id, 0])), sheetCount: 0 };
  }
  const tally = tallyScoreSheets(rubric, sheets.map((sheet) => sheet.scores));
  return { application, total: tally.total, perCriterion: tally.perCriterion, sheetCount: sheets.length };
}

const entryOf = ({ application, total, perCriterion }: Result): RankingEntry => ({
  applicationId: application.id,
  total,
  perCriterion,
  submittedAt: application.submittedAt ?? application.createdAt,
});

/**
 * Scored applications first, by the rubric's order; an application no one could score (no sheet at all,
 * because no reserve was available) cannot be compared on points, so it follows them all. Technical
 * vacancies have no scores: every application is in the second group, ordered by submission time.
 */
function rankAll(results: readonly Result[], rubric: Rubric): RankedCandidate[] {
  const tieBreaks = rubric.tieBreaks ?? [{ by: "submittedAt" as const }];
  const scored = rankCandidates(results.filter((result) => result.sheetCount > 0).map(entryOf), tieBreaks);
  const unscored = rankCandidates(results.filter((result) => result.sheetCount === 0).map(entryOf), tieBreaks);
  return [...scored, ...unscored.map((entry) => ({ ...entry, rank: entry.rank + scored.length }))];
}

export const handler = async (input: unknown): Promise<Output> => {
  const { vacancyId } = parseTaskInput("rankApplications", Input, input);
  const vacancy = await requireVacancy(vacancyId);
  if (vacancy.ranking && hasReached(vacancy.status, "ranked")) return { count: vacancy.ranking.length, applicationIds: vacancy.ranking };
  const from: VacancyStatus = vacancy.kind === "technical" ? "documents_checked" : "scoring";
  if (vacancy.status !== from) throw new InvalidCaseState(`vacancy ${vacancyId} is ${vacancy.status}; it cannot be ranked`);
  const rubric = getRubric(vacancy.rubricId);
  if (!rubric) throw new InvalidCaseState(`rubric ${vacancy.rubricId} pinned by vacancy ${vacancyId} is missing`);

  const applications = (await listVacancyApplicationsFresh(vacancyId)).filter(
    (application) => application.status === "eligible" || application.status === "scored",
  );
  const results = await Promise.all(applications.map((application) => resultOf(vacancyId, rubric, application)));
  const unscoredCount = results.filter((result) => result.sheetCount === 0).length;
  if (rubric.criteria.length > 0 && unscoredCount > 0) {
    logger.warn("eligible applications without any score sheet rank last", { task: "rankApplications", vacancyId, unscoredCount });
  }
  const ranked = rankAll(results, rubric);
  const byId = new Map(results.map((result) => [result.application.id, result]));
  const scoredAt = new Date().toISOString();

  // Each application's own result first (recomputed identically from sealed sheets on a retry), then the
  // vacancy's ranking with its audit event, once.
  for (const { applicationId, rank, total } of ranked) {
    const result = byId.get(applicationId);
    const written = await writeOne(
      updateApplication(applicationId, ["eligible", "scored"], { status: "scored", rank, total, perCriterion: result?.perCriterion, sheetCount: result?.sheetCount, scoredAt }),
    );
    if (!written) throw new InvalidCaseState(`application ${applicationId} left the ranking while it was computed`);
  }
  const ranking = ranked.map((entry) => entry.applicationId);
  try {
    await commitWithAudit(
      vacancyId,
      {
        actor: WORKFLOW_ACTOR,
        action: "ranking.computed",
        data: { rubricId: rubric.id, ranking: ranked.map(({ applicationId, rank, total }) => ({ applicationId, rank, total, sheetCount: byId.get(applicationId)?.sheetCount ?? 0 })) },
      },
      [updateVacancy(vacancyId, [from], { status: "ranked", ranking, rankedAt: scoredAt })],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    const recorded = (await requireVacancy(vacancyId)).ranking;
    if (!recorded) throw new InvalidCaseState(`vacancy ${vacancyId} left ${from} without a ranking`);
    return { count: recorded.length, applicationIds: recorded };
  }
  logger.info("applications ranked", { task: "rankApplications", vacancyId, count: ranking.length, unscoredCount });
  return { count: ranking.length, applicationIds: ranking };
};
