import { SendTaskSuccessCommand, SFNClient, StartExecutionCommand, TaskDoesNotExist, TaskTimedOut } from "@aws-sdk/client-sfn";

const sfn = new SFNClient({});

/** The workflows a handler may start: workflows/<name>.asl.json, its ARN in <NAME>_STATE_MACHINE_ARN. */
export type WorkflowName = "competition" | "attestation";

function stateMachineArn(workflow: WorkflowName): string {
  const arn = process.env[`${workflow.toUpperCase()}_STATE_MACHINE_ARN`];
  if (!arn) throw new Error(`${workflow.toUpperCase()}_STATE_MACHINE_ARN is not set`);
  return arn;
}

/** Starts a case's workflow; the execution is named after the case, so a retried start cannot run it twice. */
export async function startWorkflow(workflow: WorkflowName, caseId: string, input: Record<string, unknown>): Promise<string> {
  try {
    const result = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: stateMachineArn(workflow), name: caseId, input: JSON.stringify(input) }),
    );
    return result.executionArn ?? "";
  } catch (error) {
    if ((error as { name?: string }).name === "ExecutionAlreadyExists") {
      return `${stateMachineArn(workflow).replace(":stateMachine:", ":execution:")}:${caseId}`;
    }
    throw error;
  }
}

/**
 * Hands a waiting workflow task its result. A token that no longer waits (the task timed out and a
 * reserve took over, or it was already answered) is reported as false, not thrown: the caller's own
 * record is the truth and is already written.
 */
export async function completeTask(taskToken: string, output: Record<string, unknown>): Promise<boolean> {
  try {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    return true;
  } catch (error) {
    if (error instanceof TaskDoesNotExist || error instanceof TaskTimedOut || (error as { name?: string }).name === "InvalidToken") return false;
    throw error;
  }
}

