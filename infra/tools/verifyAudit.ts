// `npm run verify-audit -- [caseId …]`: recomputes the hash chain of the given cases (every case when none
// is given) and reports the first broken link of each. Reads the local data folder, or the AWS table
// named by TABLE_NAME when run with ADAL_TARGET=aws.
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { useLocalData } from "../local/stackConnection.ts";

const connection = process.env.ADAL_TARGET === "aws" ? { close: async () => {} } : await useLocalData();
// Imported only now: the adapters' clients read their endpoints from the environment set just above.
const { documentClient, tableName } = await import("../../functions/adapters/dynamo/client.ts");
const { readAuditChain } = await import("../../functions/adapters/dynamo/auditLog.ts");
const { verifyAuditChain } = await import("../../functions/domain/audit/auditChain.ts");

async function allCaseIds(): Promise<string[]> {
  // An offline check may scan; no request path ever does.
  const ids = new Set<string>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: "begins_with(SK, :audit) AND seq = :first",
        ExpressionAttributeValues: { ":audit": "AUDIT#", ":first": 1 },
        ProjectionExpression: "caseId",
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) ids.add(String(item.caseId));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return [...ids].sort();
}

let broken = 0;
try {
  const caseIds = process.argv.slice(2).length > 0 ? process.argv.slice(2) : await allCaseIds();
  for (const caseId of caseIds) {
    const events = await readAuditChain(caseId);
    const check = events.length === 0 ? ({ ok: false, seq: 0, problem: "no_events" } as const) : verifyAuditChain(events);
    if (check.ok) console.log(`ok      ${caseId}  ${check.count} events`);
    else {
      broken++;
      console.log(`BROKEN  ${caseId}  at event ${check.seq}: ${check.problem}`);
    }
  }
  console.log(`${caseIds.length - broken} of ${caseIds.length} chains intact`);
} finally {
  await connection.close();
}
process.exit(broken === 0 ? 0 : 1);
