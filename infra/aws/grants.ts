// What a Grant of the route table (or of the task table in workflows.ts) means on AWS: the narrowest IAM
// statements that let the code do that one thing, and the environment variables naming what it touches.
// Nothing else is ever granted to a function.
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { ITable } from "aws-cdk-lib/aws-dynamodb";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import type { IStateMachine } from "aws-cdk-lib/aws-stepfunctions";
import type { Grant } from "../../functions/platform/http/routeDefinition.ts";
import { tableDefinition } from "../../functions/adapters/dynamo/tableDefinition.ts";

export interface GrantTargets {
  table: ITable;
  bucket: IBucket;
  /** By workflow name; empty for task functions, which the state machines themselves depend on. */
  stateMachines: ReadonlyMap<string, IStateMachine>;
  /**
   * For task functions: the state machines' ARNs built from their fixed names, so a callback task can
   * answer its own workflow without the function depending on the state machine that invokes it.
   */
  stateMachineArnsByName?: readonly string[];
}

/** The variable functions/adapters/stepfunctions/workflowClient.ts reads a workflow's ARN from. */
export function stateMachineArnVariable(workflow: string): string {
  return `${workflow.toUpperCase()}_STATE_MACHINE_ARN`;
}

export function grantEnvironment(grants: readonly Grant[], targets: GrantTargets): Record<string, string> {
  const environment: Record<string, string> = {};
  if (grants.some((grant) => grant.startsWith("table:"))) environment.TABLE_NAME = targets.table.tableName;
  if (grants.some((grant) => grant.startsWith("bucket:"))) environment.BUCKET_NAME = targets.bucket.bucketName;
  if (grants.includes("workflow:start")) {
    for (const [workflow, stateMachine] of targets.stateMachines) {
      environment[stateMachineArnVariable(workflow)] = stateMachine.stateMachineArn;
    }
  }
  return environment;
}

// Every document the app stores is keyed applications/<applicationId>/<random> or
// attestations/<attestationId>/<random> (functions/api/documents/registerDocument.ts chooses the key).
export const DOCUMENT_KEY_PREFIXES = ["applications", "attestations"] as const;
export const DOCUMENT_KEY_PATTERNS: readonly string[] = DOCUMENT_KEY_PREFIXES.map((prefix) => `${prefix}/*`);

const documentObjectArns = (bucketArn: string) => DOCUMENT_KEY_PATTERNS.map((pattern) => `${bucketArn}/${pattern}`);

export function grantStatements(grant: Grant, targets: GrantTargets): PolicyStatement[] {
  const tableArn = targets.table.tableArn;
  const bucketArn = targets.bucket.bucketArn;
  const stateMachineArns = targets.stateMachineArnsByName ? [...targets.stateMachineArnsByName] : [...targets.stateMachines.values()].map((stateMachine) => stateMachine.stateMachineArn);
  if (grant === "workflow:start" && targets.stateMachines.size === 0) {
    throw new Error(`Grant ${grant} names no state machine (a task function cannot start the workflow that invokes it)`);
  }
  switch (grant) {
    case "table:read":
      return [
        // TransactGetItems is authorised per item as GetItem.
        new PolicyStatement({ actions: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"], resources: [tableArn] }),
        new PolicyStatement({
          actions: ["dynamodb:Query"],
          resources: tableDefinition.globalSecondaryIndexes.map((index) => `${tableArn}/index/${index.indexName}`),
        }),
      ];
    case "table:write":
      // TransactWriteItems has no action of its own: each item is authorised as the Put, Update, Delete or
      // ConditionCheck it is.
      return [
        new PolicyStatement({
          actions: ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"],
          resources: [tableArn],
        }),
      ];
    case "bucket:presignUpload":
      // A presigned POST carries the signing function's credentials: S3 checks this permission at upload.
      return [new PolicyStatement({ actions: ["s3:PutObject"], resources: documentObjectArns(bucketArn) })];
    case "bucket:read":
      // HeadObject is authorised as GetObject; presigned GET links carry this function's credentials too.
      return [
        new PolicyStatement({ actions: ["s3:GetObject", "s3:GetObjectVersion"], resources: documentObjectArns(bucketArn) }),
      ];
    case "bucket:delete":
      // Refused uploads are deleted by version: on the versioned bucket a plain delete would only hide them.
      return [new PolicyStatement({ actions: ["s3:DeleteObject", "s3:DeleteObjectVersion"], resources: documentObjectArns(bucketArn) })];
    case "workflow:start":
      return [new PolicyStatement({ actions: ["states:StartExecution"], resources: stateMachineArns })];
    case "workflow:respond":
      return [
        new PolicyStatement({
          actions: ["states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"],
          resources: stateMachineArns,
        }),
      ];
  }
}
