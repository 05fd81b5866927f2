// The Step Functions workflows: one Standard state machine per workflows/<name>.asl.json, and one task
// function per placeholder those files name, shared by name across workflows.
import * as path from "node:path";
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";
import type { Grant } from "../../functions/platform/http/routeDefinition.ts";
import { AppFunction, projectRoot } from "./appFunction.ts";
import { readAsl, substitutePlaceholders, taskPlaceholders } from "./asl.ts";
import type { GrantTargets } from "./grants.ts";

/** Adding a workflow: put workflows/<name>.asl.json next to the others and its name here. */
export const workflowNames = ["competition", "attestation"] as const;

export function stateMachineNameOf(workflow: string): string {
  return `adal-${workflow}`;
}

export function workflowFile(workflow: string): string {
  return path.join(projectRoot, "workflows", `${workflow}.asl.json`);
}

export const taskGrants: readonly Grant[] = ["table:read", "table:write"];

// The ASL says which function a state invokes, not what that function touches, so the few tasks that
// need more than the table are listed here.
export const extraTaskGrants: Readonly<Record<string, readonly Grant[]>> = {
  // Reads each uploaded object's size and first bytes to verify it.
  checkApplicationDocuments: ["bucket:read"],
  checkAttestationDocuments: ["bucket:read"],
  // Callback tasks complete their own token at once when a re-driven step finds the work already done.
  openMemberAssignments: ["workflow:respond"],
  openApproval: ["workflow:respond"],
  openCommissionVote: ["workflow:respond"],
};

export function grantsOfTask(taskName: string): readonly Grant[] {
  return [...taskGrants, ...(extraTaskGrants[taskName] ?? [])];
}

export interface WorkflowsProps {
  /** Without state machines: they depend on the task functions, not the other way round. */
  targets: Omit<GrantTargets, "stateMachines">;
}

export class Workflows extends Construct {
  readonly stateMachines = new Map<string, StateMachine>();
  readonly taskFunctions = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const definitions = new Map(workflowNames.map((workflow) => [workflow, readAsl(workflowFile(workflow))]));
    const taskNames = [...new Set([...definitions.values()].flatMap(taskPlaceholders))].sort();
    const unknown = Object.keys(extraTaskGrants).filter((taskName) => !taskNames.includes(taskName));
    if (unknown.length > 0) throw new Error(`extraTaskGrants names tasks no workflow uses: ${unknown.join(", ")}`);

    const tasks = new Construct(this, "Tasks");
    for (const taskName of taskNames) {
      const task = new AppFunction(tasks, taskName, {
        module: `tasks/${taskName}`,
        description: `Adal workflow task ${taskName}`,
        timeout: Duration.seconds(60),
        memorySize: 512,
        grants: grantsOfTask(taskName),
        targets: {
          ...props.targets,
          stateMachines: new Map(),
          stateMachineArnsByName: workflowNames.map((workflow) =>
            Stack.of(this).formatArn({ service: "states", resource: "stateMachine", resourceName: stateMachineNameOf(workflow), arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
          ),
        },
      });
      this.taskFunctions.set(taskName, task.fn);
    }

    for (const [workflow, definition] of definitions) {
      const stateMachineName = stateMachineNameOf(workflow);
      const used = taskPlaceholders(definition).map((taskName) => this.taskFunctions.get(taskName)!);
      const resolved = substitutePlaceholders(definition, (taskName) => this.taskFunctions.get(taskName)!.functionArn);
      const stateMachine = new StateMachine(this, workflow, {
        stateMachineName,
        stateMachineType: StateMachineType.STANDARD,
        // Substituted here, in exactly the Task fields that name a function, rather than by
        // CloudFormation's DefinitionSubstitutions, which treats every `${...}` in the document (a
        // Comment's too) as a placeholder.
        definitionBody: DefinitionBody.fromString(Stack.of(this).toJsonString(resolved)),
        tracingEnabled: true,
        logs: {
          // The vendedlogs prefix keeps Step Functions from growing the account's log resource policy.
          destination: new LogGroup(this, `${workflow}Logs`, {
            logGroupName: `/aws/vendedlogs/states/${stateMachineName}`,
            retention: RetentionDays.ONE_MONTH,
            // A fixed name would block a redeploy if the group outlived its stack; the cases' own audit
            // trail lives in the table, these logs carry no execution data.
            removalPolicy: RemovalPolicy.DESTROY,
          }),
          level: LogLevel.ALL,
          // Execution data holds applicants' personal data and task tokens.
          includeExecutionData: false,
        },
      });
      stateMachine.addToRolePolicy(
        new PolicyStatement({ actions: ["lambda:InvokeFunction"], resources: used.map((fn) => fn.functionArn) }),
      );
      Validations.of(stateMachine).acknowledge({
        id: "AwsSolutions-IAM5[Resource::*]",
        reason:
          "Only the statements CDK adds for logging (CloudWatch Logs log-delivery APIs) and X-Ray tracing (PutTraceSegments and friends) use Resource '*': those APIs have no resource-level permissions. Lambda invocation is granted on the exact task functions.",
      });
      this.stateMachines.set(workflow, stateMachine);
    }
  }
}
