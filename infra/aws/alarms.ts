// Alarms on what must not fail silently: workflow executions that fail or time out, and functions that
// throw (handlers answer expected errors themselves, so a Lambda error is a crash or a timeout), and
// dead-letter queues that hold anything (asynchronous work that gave up after its retries).
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import { PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { IQueue } from "aws-cdk-lib/aws-sqs";
import { Topic } from "aws-cdk-lib/aws-sns";
import type { StateMachine } from "aws-cdk-lib/aws-stepfunctions";
import { Construct } from "constructs";

export interface AlarmsProps {
  stateMachines: ReadonlyMap<string, StateMachine>;
  functions: ReadonlyMap<string, IFunction>;
  /** Dead-letter queues by name: one message in any of them is work that was given up on. */
  deadLetterQueues?: ReadonlyMap<string, IQueue>;
}

export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { account, partition, region } = Stack.of(this);
    const cloudWatch = new ServicePrincipal("cloudwatch.amazonaws.com");
    // A customer-managed key because CloudWatch cannot publish to a topic under the AWS-managed SNS key.
    const key = new Key(this, "TopicKey", {
      description: "Encrypts the Adal alarm topic",
      enableKeyRotation: true,
      // Only in-flight alarm notifications are ever encrypted under it.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.grant(cloudWatch, "kms:Decrypt", "kms:GenerateDataKey*");
    this.topic = new Topic(this, "Topic", { displayName: "Adal alarms", masterKey: key, enforceSSL: true });
    // enforceSSL replaces the default topic policy, so CloudWatch's right to publish is stated explicitly.
    this.topic.addToResourcePolicy(
      new PolicyStatement({
        principals: [cloudWatch],
        actions: ["sns:Publish"],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { "aws:SourceAccount": account },
          ArnLike: { "aws:SourceArn": `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
        },
      }),
    );

    const period = Duration.minutes(5);
    for (const [workflow, stateMachine] of props.stateMachines) {
      this.alarm(`${workflow}ExecutionsFailed`, stateMachine.metricFailed({ period, statistic: "Sum" }), `Adal ${workflow} executions failed`);
      this.alarm(`${workflow}ExecutionsTimedOut`, stateMachine.metricTimedOut({ period, statistic: "Sum" }), `Adal ${workflow} executions timed out`);
    }
    // One alarm per function: an alarm's metric math may combine at most 10 metrics.
    for (const [name, fn] of props.functions) {
      this.alarm(`${name}Errors`, fn.metricErrors({ period, statistic: "Sum" }), `Adal function ${name} threw or timed out`);
    }
    for (const [name, queue] of props.deadLetterQueues ?? []) {
      // Maximum, not Sum: the metric is a gauge, and one message left over is as much a problem as many.
      this.alarm(`${name}DeadLetters`, queue.metricApproximateNumberOfMessagesVisible({ period, statistic: "Maximum" }), `Adal dead-letter queue ${name} holds messages`);
    }
  }

  private alarm(id: string, metric: IMetric, description: string): void {
    new Alarm(this, id, {
      metric,
      alarmDescription: description,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(this.topic));
  }
}
