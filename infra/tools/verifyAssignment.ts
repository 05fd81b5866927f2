// `npm run verify-assignment -- [caseId …]`: recomputes each recorded panel draw from its recorded seed and
// inputs and says whether it matches — competitions (vacancy ids) and attestations (every round's draw and
// extra-member draw). Without ids it checks every case that has a draw. Reads the local data folder, or the
// AWS table named by TABLE_NAME when run with ADAL_TARGET=aws.
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { useLocalData } from "../local/stackConnection.ts";

const connection = process.env.ADAL_TARGET === "aws" ? { close: async () => {} } : await useLocalData();
// Imported only now: the adapters' clients read their endpoints from the environment set just above.
const { documentClient, tableName } = await import("../../functions/adapters/dynamo/client.ts");
const { getVacancy } = await import("../../functions/adapters/dynamo/vacancyRecords.ts");
const { getAttestation } = await import("../../functions/adapters/dynamo/attestationRecords.ts");
const { verifyDraw } = await import("../../functions/domain/assignment/verifyDraw.ts");
const { drawCompetitionPanel, competitionDrawInputsHash } = await import("../../functions/domain/assignment/drawCompetitionPanel.ts");
const { canonicalJson } = await import("../../functions/domain/assignment/canonicalJson.ts");

type Check = { label: string; ok: boolean; reason?: string };

async function checkCompetition(vacancyId: string): Promise<Check[] | undefined> {
  const vacancy = await getVacancy(vacancyId, true);
  if (!vacancy) return undefined;
  const panel = vacancy.panel;
  if (!panel?.members || !panel.candidates || panel.panelSize === undefined || !panel.vacancySchoolId) {
    return [{ label: "competition draw", ok: false, reason: vacancy.panel ? "the draw's inputs were not recorded" : "no panel drawn yet" }];
  }
  const inputs = { panelSize: panel.panelSize, vacancySchoolId: panel.vacancySchoolId, members: panel.members, candidates: panel.candidates };
  const again = drawCompetitionPanel({ seed: panel.seed, ...inputs });
  const problems = [
    competitionDrawInputsHash(inputs) !== panel.inputsHash ? "the recorded inputs do not hash to the recorded inputsHash" : undefined,
    !again.ok ? "the recorded inputs no longer give a full panel" : undefined,
    again.ok && canonicalJson(again.panels) !== canonicalJson(panel.panels) ? "the panels differ from the recorded ones" : undefined,
    again.ok && canonicalJson(again.reserves) !== canonicalJson(panel.reserves) ? "the reserve order differs" : undefined,
  ].filter((problem): problem is string => problem !== undefined);
  return [{ label: "competition draw", ok: problems.length === 0, reason: problems.join("; ") || undefined }];
}

async function checkAttestation(attestationId: string): Promise<Check[] | undefined> {
  const attestation = await getAttestation(attestationId, true);
  if (!attestation) return undefined;
  const checks: Check[] = [];
  for (const [index, round] of (attestation.rounds ?? []).entries()) {
    for (const [label, draw] of [["panel", round.draw], ["extra member", round.extraDraw]] as const) {
      if (!draw) continue;
      const result = verifyDraw(draw);
      checks.push({ label: `round ${index + 1} (${round.kind}) ${label}`, ok: result.ok, reason: result.ok ? undefined : result.reason });
    }
  }
  return checks.length > 0 ? checks : [{ label: "attestation draw", ok: false, reason: "no panel drawn yet" }];
}

async function casesWithDraws(): Promise<string[]> {
  // An offline check may scan; no request path ever does.
  const ids: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: "(#type = :vacancy AND attribute_exists(panel)) OR (#type = :attestation AND attribute_exists(rounds))",
        ExpressionAttributeNames: { "#type": "type" },
        ExpressionAttributeValues: { ":vacancy": "vacancy", ":attestation": "attestation" },
        ProjectionExpression: "id",
        ExclusiveStartKey: startKey,
      }),
    );
    ids.push(...(page.Items ?? []).map((item) => String(item.id)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return ids.sort();
}

let failed = 0;
try {
  const caseIds = process.argv.slice(2).length > 0 ? process.argv.slice(2) : await casesWithDraws();
  for (const caseId of caseIds) {
    const checks = (await checkCompetition(caseId)) ?? (await checkAttestation(caseId)) ?? [{ label: "case", ok: false, reason: "no such case" }];
    for (const check of checks) {
      if (!check.ok) failed++;
      console.log(`${check.ok ? "matches " : "MISMATCH"}  ${caseId}  ${check.label}${check.reason ? `: ${check.reason}` : ""}`);
    }
  }
  console.log(failed === 0 ? `Every recorded draw of ${caseIds.length} case(s) recomputes exactly.` : `${failed} draw(s) do not recompute.`);
} finally {
  await connection.close();
}
process.exit(failed === 0 ? 0 : 1);
