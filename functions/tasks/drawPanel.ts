import { randomBytes } from "node:crypto";
import * as z from "zod/mini";
import { listVacancyApplicationsFresh } from "../adapters/dynamo/applicationRecords.ts";
import { commitWithAudit } from "../adapters/dynamo/auditLog.ts";
import { currentCommission, loadPanelMembers } from "../adapters/dynamo/commissionRecords.ts";
import { updateVacancy } from "../adapters/dynamo/vacancyRecords.ts";
import { COMPETITION_DRAW_VERSION, drawCompetitionPanel } from "../domain/assignment/drawCompetitionPanel.ts";
import type { PanelDraw } from "../domain/competition/records.ts";
import { config } from "../platform/config.ts";
import { logger } from "../platform/logger.ts";
import { slotsOfDraw } from "./shared/panelSlots.ts";
import { failedOn, InvalidCaseState, NoEligiblePanel, parseTaskInput, requireVacancy, TaskId, WORKFLOW_ACTOR, type SlotRef } from "./shared/taskSupport.ts";

const Input = z.object({ vacancyId: TaskId });

type Output = { members: SlotRef[] };

/**
 * Draws the scoring panel of every eligible application from the school's competition commission
 * (DOMAIN.md §4) and records the draw (seed, inputs and their hash) so anyone can recompute it. A drawn
 * panel is never drawn again: a retry or a re-driven execution gets the recorded one.
 */
export const handler = async (input: unknown): Promise<Output> => {
  const { vacancyId } = parseTaskInput("drawPanel", Input, input);
  const vacancy = await requireVacancy(vacancyId);
  if (vacancy.panel) return { members: slotsOfDraw("competition", vacancyId, vacancy.panel.panels) };
  // Recorded by an earlier run: the state machine's Catch records the same outcome again (a no-op).
  if (vacancy.status === "no_eligible_panel") throw new NoEligiblePanel(`vacancy ${vacancyId} has no eligible panel`);
  if (vacancy.status !== "documents_checked") throw new InvalidCaseState(`vacancy ${vacancyId} is ${vacancy.status}; no panel can be drawn`);

  const commission = await currentCommission("competition", "school", vacancy.schoolId);
  if (!commission) {
    logger.warn("no competition commission", { task: "drawPanel", vacancyId, schoolId: vacancy.schoolId });
    throw new NoEligiblePanel(`school ${vacancy.schoolId} has no competition commission`);
  }
  const members = await loadPanelMembers(commission.members);
  const candidates = (await listVacancyApplicationsFresh(vacancyId))
    .filter((application) => application.status === "eligible")
    .map((application) => ({
      applicationId: application.id,
      candidateId: application.candidateId,
      ...(application.candidateSchoolId ? { schoolId: application.candidateSchoolId } : {}),
    }));
  // Fresh randomness, drawn only now that the inputs are fixed, so nobody could have aimed the draw.
  const seed = randomBytes(32).toString("hex");
  const panelSize = config.competitionPanelSize();
  const result = drawCompetitionPanel({ seed, panelSize, vacancySchoolId: vacancy.schoolId, members, candidates });
  if (!result.ok) {
    logger.warn("no eligible panel", { task: "drawPanel", vacancyId, inputsHash: result.inputsHash, unfilledCount: result.applicationIds.length });
    throw new NoEligiblePanel(`${result.applicationIds.length} application(s) of vacancy ${vacancyId} cannot get a full panel`);
  }

  const panel: PanelDraw = {
    seed,
    inputsHash: result.inputsHash,
    drawnAt: new Date().toISOString(),
    panels: result.panels,
    reserves: result.reserves,
    drawVersion: COMPETITION_DRAW_VERSION,
    commissionId: commission.id,
    panelSize,
    vacancySchoolId: vacancy.schoolId,
    members,
    candidates,
    replacements: [],
  };
  try {
    await commitWithAudit(
      vacancyId,
      {
        actor: WORKFLOW_ACTOR,
        action: "panel.drawn",
        data: { seed, inputsHash: result.inputsHash, drawVersion: COMPETITION_DRAW_VERSION, commissionId: commission.id, panelSize, panels: result.panels },
      },
      [updateVacancy(vacancyId, ["documents_checked"], { status: "scoring", panel })],
    );
  } catch (error) {
    if (!failedOn(error, 0)) throw error;
    // Another run of this step drew first: its draw is the one that counts.
    const drawn = (await requireVacancy(vacancyId)).panel;
    if (!drawn) throw new InvalidCaseState(`vacancy ${vacancyId} left documents_checked without a panel`);
    return { members: slotsOfDraw("competition", vacancyId, drawn.panels) };
  }
  const slots = slotsOfDraw("competition", vacancyId, panel.panels);
  logger.info("panel drawn", { task: "drawPanel", vacancyId, inputsHash: panel.inputsHash, memberCount: slots.length, applicationCount: candidates.length });
  return { members: slots };
};
