// The synthesized AdalStack template against the route table, the workflows and the security rules the
// stack promises. Built once, with bundling and the CloudFormation validator off (they cost ~40 s and
// ~4 s and check nothing asserted here); cdk-nag runs explicitly on the same construct tree.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { beforeAll, describe, expect, it } from "vitest";
import { tableDefinition } from "../../functions/adapters/dynamo/tableDefinition.ts";
import { ALL_ROLES, type Grant, type RouteDefinition } from "../../functions/platform/http/routeDefinition.ts";
import { routeList as routeTable } from "../../functions/routes.ts";
import { AdalStack } from "../../infra/aws/adalStack.ts";
import { readAsl, substitutePlaceholders, taskPlaceholders, type AslMachine } from "../../infra/aws/asl.ts";
import { apiPathPatterns, MAX_CACHE_BEHAVIORS } from "../../infra/aws/webDistribution.ts";
import { grantsOfTask, stateMachineNameOf, workflowFile, workflowNames } from "../../infra/aws/workflows.ts";

interface CfnResource {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string | string[];
}

// The IAM actions each grant stands for: the specification infra/aws/grants.ts must meet, written out
// here rather than imported so that a widened grant fails this test.
const grantActions: Record<Grant, string[]> = {
  "table:read": ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"],
  "table:write": ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"],
  "bucket:presignUpload": ["s3:PutObject"],
  "bucket:read": ["s3:GetObject", "s3:GetObjectVersion"],
  "bucket:delete": ["s3:DeleteObject", "s3:DeleteObjectVersion"],
  "workflow:start": ["states:StartExecution"],
  "workflow:respond": ["states:SendTaskSuccess", "states:SendTaskFailure", "states:SendTaskHeartbeat"],
};
const ownLogActions = ["logs:CreateLogStream", "logs:PutLogEvents"];

// The only statements allowed Resource "*": those CDK adds to a state machine role for logging and X-Ray,
// and to the audit archive's stream consumer for listing streams, whose APIs have no resource-level
// permissions.
const wildcardResourceActions = [
  "dynamodb:ListStreams",
  "logs:CreateLogDelivery",
  "logs:DeleteLogDelivery",
  "logs:DescribeLogGroups",
  "logs:DescribeResourcePolicies",
  "logs:GetLogDelivery",
  "logs:ListLogDeliveries",
  "logs:PutResourcePolicy",
  "logs:UpdateLogDelivery",
  "xray:GetSamplingRules",
  "xray:GetSamplingTargets",
  "xray:PutTelemetryRecords",
  "xray:PutTraceSegments",
];

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();
const getAttId = (value: unknown): string | undefined => (value as { "Fn::GetAtt"?: [string, string] })?.["Fn::GetAtt"]?.[0];
const refId = (value: unknown): string | undefined => (value as { Ref?: string })?.Ref;

const routeList: readonly RouteDefinition[] = routeTable;

/** A string or Fn::Join of strings and pseudo-parameter Refs, written out with the Refs as `${AWS::…}`. */
function renderJoin(value: unknown): string {
  if (typeof value === "string") return value;
  const ref = refId(value);
  if (ref?.startsWith("AWS::")) return `\${${ref}}`;
  const join = (value as { "Fn::Join"?: [string, unknown[]] })["Fn::Join"];
  if (!join) throw new Error(`not a string, a pseudo-parameter or a join: ${JSON.stringify(value)}`);
  return join[1].map(renderJoin).join(join[0]);
}
const expectedTasks = sorted(workflowNames.flatMap((workflow) => taskPlaceholders(readAsl(workflowFile(workflow)))));

let app: App;
let stack: AdalStack;
let template: Template;
let resources: Record<string, CfnResource>;

function ofType(type: string): [string, CfnResource][] {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

function onlyOfType(type: string): [string, CfnResource] {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0]!;
}

/** The state machine of workflows/<workflow>.asl.json, by the name the stack gives it. */
function stateMachineOf(workflow: string): [string, CfnResource] {
  const found = ofType("AWS::StepFunctions::StateMachine").filter(([, machine]) => machine.Properties?.StateMachineName === stateMachineNameOf(workflow));
  expect(found, workflow).toHaveLength(1);
  return found[0]!;
}

function functionByDescription(description: string): [string, CfnResource] {
  const found = ofType("AWS::Lambda::Function").filter(([, fn]) => fn.Properties?.Description === description);
  expect(found, description).toHaveLength(1);
  return found[0]!;
}

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

function statementsOfRole(roleId: string): Statement[] {
  const attached = ofType("AWS::IAM::Policy").filter(([, policy]) =>
    asArray(policy.Properties?.Roles).some((role) => refId(role) === roleId),
  );
  const inline = asArray(resources[roleId]?.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[]);
  return [...attached.map(([, policy]) => policy.Properties!.PolicyDocument), ...inline.map((p) => p.PolicyDocument)].flatMap(
    (document: { Statement: Statement[] }) => document.Statement,
  );
}

function statementsOfFunction(functionId: string): Statement[] {
  return statementsOfRole(getAttId(resources[functionId]!.Properties!.Role)!);
}

/** The state machine definition with each GetAtt of a Lambda function written as `@@<logicalId>@@`. */
function definitionOf(stateMachine: CfnResource): AslMachine {
  const definition = stateMachine.Properties!.DefinitionString as string | { "Fn::Join": [string, unknown[]] };
  const parts = typeof definition === "string" ? [definition] : definition["Fn::Join"][1];
  const text = parts
    .map((part) => {
      if (typeof part === "string") return part;
      const id = getAttId(part);
      if (!id) throw new Error(`Unexpected token in definition: ${JSON.stringify(part)}`);
      return `@@${id}@@`;
    })
    .join("");
  return JSON.parse(text) as AslMachine;
}

function stringsOutsideComments(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOutsideComments);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, nested]) => (key === "Comment" ? [] : [key, ...stringsOutsideComments(nested)]));
  }
  return [];
}

/** A folder without a built app, so that whether web/dist happens to exist does not change the template. */
const NO_WEB_ASSETS = "tests/infra";

function buildStack(context: Record<string, unknown> = {}): AdalStack {
  const testApp = new App({
    context: { "aws:cdk:bundling-stacks": [], webAssets: NO_WEB_ASSETS, ...context },
    builtinCloudFormationValidation: false,
  });
  return new AdalStack(testApp, "AdalStack");
}

beforeAll(() => {
  stack = buildStack();
  app = stack.node.root as App;
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, CfnResource>;
}, 60_000);

describe("table", () => {
  it("has the keys and indexes of tableDefinition, on demand, with PITR, deletion protection and retention", () => {
    const [, table] = onlyOfType("AWS::DynamoDB::Table");
    expect(table.DeletionPolicy).toBe("Retain");
    expect(table.UpdateReplacePolicy).toBe("Retain");
    const p = table.Properties!;
    expect(p.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
      { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
    ]);
    // Written out: the listing indexes project whole items, the open-assignments index only keys (a draw counts it).
    const gsi = (name: string, projection: string, withSortKey = true) => ({
      IndexName: name,
      KeySchema: [{ AttributeName: `${name}PK`, KeyType: "HASH" }, ...(withSortKey ? [{ AttributeName: `${name}SK`, KeyType: "RANGE" }] : [])],
      Projection: { ProjectionType: projection },
    });
    expect(p.GlobalSecondaryIndexes).toEqual([gsi("GSI1", "ALL"), gsi("GSI2", "ALL"), gsi("GSI3", "KEYS_ONLY", false)]);
    expect(sorted(p.AttributeDefinitions.map((a: { AttributeName: string; AttributeType: string }) => `${a.AttributeName}:${a.AttributeType}`))).toEqual(
      sorted(["PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK"].map((name) => `${name}:S`)),
    );
    expect(p.BillingMode).toBe("PAY_PER_REQUEST");
    expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(p.DeletionProtectionEnabled).toBe(true);
    expect(p.SSESpecification).toEqual({ SSEEnabled: true });
  });
});

/** The documents bucket: the versioned one without Object Lock (that is the audit archive). */
function documentsBucket(): [string, CfnResource] {
  const found = ofType("AWS::S3::Bucket").filter(([, bucket]) => bucket.Properties?.VersioningConfiguration && !bucket.Properties.ObjectLockEnabled);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const ARCHIVER_DESCRIPTION = "Adal audit archive stream consumer";

describe("documents bucket", () => {
  it("is encrypted, versioned, private, logged and retained", () => {
    const [, bucket] = documentsBucket();
    const p = bucket.Properties!;
    expect(bucket.DeletionPolicy).toBe("Retain");
    expect(p.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }]);
    expect(p.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(refId(p.LoggingConfiguration?.DestinationBucketName)).toBeDefined();
  });

  it("allows browser POST uploads and GETs from the web app's exact origin only", () => {
    const [, bucket] = documentsBucket();
    const [distributionId] = onlyOfType("AWS::CloudFront::Distribution");
    expect(bucket.Properties!.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({
        AllowedOrigins: [{ "Fn::Join": ["", ["https://", { "Fn::GetAtt": [distributionId, "DomainName"] }]] }],
        AllowedMethods: ["POST", "GET"],
      }),
    ]);
  });

  it("aborts incomplete multipart uploads and expires old versions", () => {
    const [, bucket] = documentsBucket();
    expect(bucket.Properties!.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
    ]);
  });

  it("refuses requests without TLS", () => {
    const [bucketId] = documentsBucket();
    const policies = ofType("AWS::S3::BucketPolicy").filter(([, policy]) => refId(policy.Properties?.Bucket) === bucketId);
    expect(policies).toHaveLength(1);
    expect(policies[0]![1].Properties!.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
  });
});

describe("functions", () => {
  it("exist once per route row, once per workflow task placeholder, plus the audit archive's stream consumer", () => {
    expect(expectedTasks.length).toBeGreaterThan(0);
    expect(ofType("AWS::Lambda::Function")).toHaveLength(routeList.length + expectedTasks.length + 1);
    for (const route of routeList) functionByDescription(`Adal ${route.method} ${route.path}`);
    for (const task of expectedTasks) functionByDescription(`Adal workflow task ${task}`);
    functionByDescription(ARCHIVER_DESCRIPTION);
  });

  it("all run bundled ESM on nodejs24.x, arm64, with their own log group", () => {
    for (const [id, fn] of ofType("AWS::Lambda::Function")) {
      const p = fn.Properties!;
      expect(p.Runtime, id).toBe("nodejs24.x");
      expect(p.Architectures, id).toEqual(["arm64"]);
      expect(p.Handler, id).toBe("index.handler");
      expect(p.MemorySize, id).toBe(512);
      expect(resources[refId(p.LoggingConfig?.LogGroup)!]?.Type, id).toBe("AWS::Logs::LogGroup");
    }
  });

  it("time out within the HTTP API's limit for routes and after 60 s for tasks", () => {
    for (const route of routeList) expect(functionByDescription(`Adal ${route.method} ${route.path}`)[1].Properties!.Timeout).toBe(10);
    for (const task of expectedTasks) expect(functionByDescription(`Adal workflow task ${task}`)[1].Properties!.Timeout).toBe(60);
  });

  it("get exactly the environment their grants need", () => {
    const [tableId] = onlyOfType("AWS::DynamoDB::Table");
    const arnVariables = new Map(workflowNames.map((workflow) => [`${workflow.toUpperCase()}_STATE_MACHINE_ARN`, stateMachineOf(workflow)[0]]));
    for (const route of routeList) {
      const [id, fn] = functionByDescription(`Adal ${route.method} ${route.path}`);
      const environment = (fn.Properties!.Environment?.Variables ?? {}) as Record<string, unknown>;
      const expected = [
        ...(route.grants.some((g) => g.startsWith("table:")) ? ["TABLE_NAME"] : []),
        ...(route.grants.some((g) => g.startsWith("bucket:")) ? ["BUCKET_NAME"] : []),
        ...(route.grants.includes("workflow:start") ? arnVariables.keys() : []),
      ];
      expect(sorted(Object.keys(environment)), id).toEqual(sorted(expected));
      if (environment.TABLE_NAME) expect(refId(environment.TABLE_NAME)).toBe(tableId);
      for (const [variable, stateMachineId] of arnVariables) {
        if (environment[variable]) expect(refId(environment[variable]), variable).toBe(stateMachineId);
      }
    }
  });
});

describe("IAM", () => {
  function expectRoleToMatchGrants(functionId: string, grants: readonly Grant[]): void {
    const statements = statementsOfFunction(functionId);
    const actions = statements.flatMap((s) => asArray(s.Action));
    expect(sorted(actions), functionId).toEqual(sorted([...ownLogActions, ...grants.flatMap((g) => grantActions[g])]));
    const logGroupId = refId(resources[functionId]!.Properties!.LoggingConfig.LogGroup);
    for (const statement of statements) {
      expect(statement.Effect).toBe("Allow");
      const owner = asArray(statement.Action)[0]!.split(":")[0];
      const expectedResource = { logs: logGroupId, dynamodb: "Table", s3: "Documents", states: "Workflows" }[owner!];
      for (const resource of asArray(statement.Resource)) {
        // Task functions name their own state machine by ARN (a reference would make a dependency cycle).
        const byName = owner === "states" && JSON.stringify(resource).includes(":stateMachine:adal-");
        if (!byName) expect(JSON.stringify(resource), `${functionId} ${statement.Action}`).toContain(`"${expectedResource}`);
      }
    }
  }

  it("gives each route function exactly the actions of its grants, on its own resources", () => {
    for (const route of routeList) expectRoleToMatchGrants(functionByDescription(`Adal ${route.method} ${route.path}`)[0], route.grants);
  });

  it("gives each task function table read/write plus its listed extras", () => {
    for (const task of expectedTasks) expectRoleToMatchGrants(functionByDescription(`Adal workflow task ${task}`)[0], grantsOfTask(task));
  });

  it("lets a table reader query each index, the draw's open-assignments count included", () => {
    const statements = statementsOfFunction(functionByDescription("Adal workflow task drawPanel")[0]);
    const indexArns = statements.flatMap((s) => asArray(s.Resource)).map((resource) => JSON.stringify(resource)).filter((arn) => arn.includes("/index/"));
    expect(indexArns.map((arn) => /\/index\/(\w+)/.exec(arn)![1]).sort()).toEqual(["GSI1", "GSI2", "GSI3"]);
  });

  it("grants no service-wide actions and Resource '*' only to the known logging and tracing actions", () => {
    const allStatements = ofType("AWS::IAM::Policy").flatMap(([, policy]) => policy.Properties!.PolicyDocument.Statement as Statement[]);
    for (const statement of allStatements) {
      for (const action of asArray(statement.Action)) {
        expect(action).not.toBe("*");
        expect(action).not.toMatch(/:\*$/);
      }
    }
    const wildcard = allStatements.filter((s) => asArray(s.Resource).some((r) => typeof r === "string" && r.includes("*")));
    expect(sorted(wildcard.flatMap((s) => asArray(s.Action)))).toEqual(wildcardResourceActions);
    const functionRoles = new Set(ofType("AWS::Lambda::Function").map(([, fn]) => getAttId(fn.Properties!.Role)!));
    // Among function roles, only the archiver's lists streams, which has no narrower resource to name.
    const archiverRoleId = getAttId(functionByDescription(ARCHIVER_DESCRIPTION)[1].Properties!.Role);
    for (const roleId of functionRoles) {
      for (const statement of statementsOfRole(roleId)) {
        if (!asArray(statement.Resource).includes("*")) continue;
        expect(roleId).toBe(archiverRoleId);
        expect(statement.Action, roleId).toBe("dynamodb:ListStreams");
      }
    }
  });
});

describe("document objects", () => {
  it("are granted under the applications/ and attestations/ prefixes only, for uploads and reads alike", () => {
    const [bucketId] = documentsBucket();
    const functionIds = [
      ...routeList.filter((route) => route.grants.some((g) => g.startsWith("bucket:"))).map((route) => functionByDescription(`Adal ${route.method} ${route.path}`)[0]),
      ...expectedTasks.filter((task) => grantsOfTask(task).some((g) => g.startsWith("bucket:"))).map((task) => functionByDescription(`Adal workflow task ${task}`)[0]),
    ];
    expect(functionIds.length).toBeGreaterThan(0);
    for (const functionId of functionIds) {
      const s3Statements = statementsOfFunction(functionId).filter((s) => asArray(s.Action).some((a) => a.startsWith("s3:")));
      expect(s3Statements.length, functionId).toBeGreaterThan(0);
      for (const statement of s3Statements) {
        // Each resource is the bucket's ARN joined with one key pattern.
        const patterns = asArray(statement.Resource).map((resource) => {
          const parts = (resource as { "Fn::Join": [string, unknown[]] })["Fn::Join"][1];
          expect(getAttId(parts[0]), functionId).toBe(bucketId);
          return parts[1];
        });
        expect(sorted(patterns as string[]), functionId).toEqual(["/applications/*", "/attestations/*"]);
      }
    }
  });
});

describe("HTTP API", () => {
  it("has one route per row, each integrated (payload 2.0) with that row's function", () => {
    const routesInTemplate = ofType("AWS::ApiGatewayV2::Route");
    expect(routesInTemplate).toHaveLength(routeList.length);
    for (const route of routeList) {
      const found = routesInTemplate.filter(([, r]) => r.Properties!.RouteKey === `${route.method} ${route.path}`);
      expect(found, `${route.method} ${route.path}`).toHaveLength(1);
      const target = found[0]![1].Properties!.Target as { "Fn::Join": [string, unknown[]] };
      const integration = resources[refId(target["Fn::Join"][1][1])!]!;
      expect(integration.Properties!.PayloadFormatVersion).toBe("2.0");
      expect(getAttId(integration.Properties!.IntegrationUri)).toBe(functionByDescription(`Adal ${route.method} ${route.path}`)[0]);
    }
  });

  it("puts the Cognito JWT authorizer on every non-public route and none on public ones", () => {
    const [authorizerId, authorizer] = onlyOfType("AWS::ApiGatewayV2::Authorizer");
    const [clientId] = onlyOfType("AWS::Cognito::UserPoolClient");
    const [userPoolId] = onlyOfType("AWS::Cognito::UserPool");
    expect(authorizer.Properties!.AuthorizerType).toBe("JWT");
    expect(authorizer.Properties!.JwtConfiguration.Audience).toEqual([{ Ref: clientId }]);
    expect(JSON.stringify(authorizer.Properties!.JwtConfiguration.Issuer)).toContain(`"Ref":"${userPoolId}"`);
    const byKey = new Map(ofType("AWS::ApiGatewayV2::Route").map(([, r]) => [r.Properties!.RouteKey as string, r.Properties!]));
    for (const route of routeList) {
      const p = byKey.get(`${route.method} ${route.path}`)!;
      if (route.auth === "public") {
        expect(p.AuthorizationType, p.RouteKey).toBe("NONE");
        expect(p.AuthorizerId, p.RouteKey).toBeUndefined();
      } else {
        expect(p.AuthorizationType, p.RouteKey).toBe("JWT");
        expect(refId(p.AuthorizerId), p.RouteKey).toBe(authorizerId);
      }
    }
  });

  it("logs access and throttles on the default stage, and answers no CORS (browsers come through the web app's origin)", () => {
    const [, stage] = onlyOfType("AWS::ApiGatewayV2::Stage");
    expect(stage.Properties!.StageName).toBe("$default");
    expect(stage.Properties!.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 });
    expect(resources[getAttId(stage.Properties!.AccessLogSettings.DestinationArn)!]?.Type).toBe("AWS::Logs::LogGroup");
    const [, api] = onlyOfType("AWS::ApiGatewayV2::Api");
    expect(api.Properties!.CorsConfiguration).toBeUndefined();
  });
});

describe("workflows", () => {
  it("finds task placeholders in Resource and FunctionName at any depth, and substitutes only those", () => {
    const machine: AslMachine = {
      Comment: "Tasks are named like ${name}",
      StartAt: "Direct",
      States: {
        Direct: { Type: "Task", Resource: "${direct}", Next: "Items" },
        Items: {
          Type: "Map",
          ItemProcessor: {
            StartAt: "Both",
            States: {
              Both: {
                Type: "Parallel",
                Branches: [
                  {
                    StartAt: "Wait",
                    States: {
                      Wait: {
                        Type: "Task",
                        Resource: "arn:aws:states:::lambda:invoke.waitForTaskToken",
                        Parameters: { FunctionName: "${waiting}", Payload: { "taskToken.$": "$$.Task.Token" } },
                        End: true,
                      },
                    },
                  },
                ],
                End: true,
              },
            },
          },
          Next: "Legacy",
        },
        Legacy: { Type: "Map", Iterator: { StartAt: "Old", States: { Old: { Type: "Task", Resource: "${legacy}", End: true } } }, Next: "Again" },
        Again: { Type: "Task", Resource: "${direct}", Next: "Put" },
        Put: { Type: "Task", Resource: "arn:aws:states:::dynamodb:putItem", Parameters: { TableName: "t" }, End: true },
      },
    };
    expect(taskPlaceholders(machine)).toEqual(["direct", "legacy", "waiting"]);
    const resolved = substitutePlaceholders(machine, (name) => `arn:fn:${name}`);
    expect(stringsOutsideComments(resolved).filter((s) => s.includes("${"))).toEqual([]);
    expect(resolved.Comment).toBe(machine.Comment);
    expect(JSON.stringify(resolved)).toContain('"FunctionName":"arn:fn:waiting"');
    expect(machine.States.Direct!.Resource).toBe("${direct}");
    expect(() => taskPlaceholders({ StartAt: "A", States: { A: { Type: "Task", Resource: "${not-a-name}", End: true } } })).toThrow(/placeholder/);
  });

  it("are Standard state machines, traced, logging ALL without execution data", () => {
    const machines = ofType("AWS::StepFunctions::StateMachine");
    expect(machines).toHaveLength(workflowNames.length);
    for (const [id, machine] of machines) {
      const p = machine.Properties!;
      expect(p.StateMachineType, id).toBe("STANDARD");
      expect(p.TracingConfiguration, id).toEqual({ Enabled: true });
      expect(p.LoggingConfiguration.Level, id).toBe("ALL");
      expect(p.LoggingConfiguration.IncludeExecutionData, id).toBe(false);
    }
  });

  it("have every task placeholder substituted with a task function, and may invoke exactly those", () => {
    const taskFunctionIds = new Map(expectedTasks.map((task) => [functionByDescription(`Adal workflow task ${task}`)[0], task]));
    const referencedByAll = new Set<string>();
    for (const [id, machine] of ofType("AWS::StepFunctions::StateMachine")) {
      const definition = definitionOf(machine);
      expect(stringsOutsideComments(definition).filter((s) => s.includes("${")), id).toEqual([]);
      const referenced = new Set([...JSON.stringify(definition).matchAll(/@@([A-Za-z0-9]+)@@/g)].map((m) => m[1]!));
      for (const functionId of referenced) expect(taskFunctionIds.has(functionId), functionId).toBe(true);
      referenced.forEach((functionId) => referencedByAll.add(functionId));

      const invokable = statementsOfRole(getAttId(machine.Properties!.RoleArn)!)
        .filter((s) => asArray(s.Action).some((a) => a.startsWith("lambda:")))
        .flatMap((s) => {
          expect(asArray(s.Action)).toEqual(["lambda:InvokeFunction"]);
          return asArray(s.Resource).map((r) => getAttId(r)!);
        });
      expect(sorted(invokable), id).toEqual(sorted(referenced));
    }
    expect(sorted([...referencedByAll].map((functionId) => taskFunctionIds.get(functionId)!))).toEqual(expectedTasks);
  });

  it("include the attestation workflow, its every state deployed and every placeholder substituted", () => {
    expect(workflowNames).toContain("attestation");
    const asl = readAsl(workflowFile("attestation"));
    const [, machine] = stateMachineOf("attestation");
    const definition = definitionOf(machine);
    expect(Object.keys(definition.States)).toEqual(Object.keys(asl.States));
    expect(stringsOutsideComments(definition).filter((s) => s.includes("${"))).toEqual([]);
    const taskFunctionIds = new Map(expectedTasks.map((task) => [functionByDescription(`Adal workflow task ${task}`)[0], task]));
    const referenced = [...JSON.stringify(definition).matchAll(/@@([A-Za-z0-9]+)@@/g)].map((m) => taskFunctionIds.get(m[1]!));
    expect(sorted(referenced as string[])).toEqual(taskPlaceholders(asl));
    // Waiting on people never goes on for the default year: every callback task has its timeout.
    const waiting = JSON.stringify(asl).match(/waitForTaskToken/g) ?? [];
    expect(waiting.length).toBeGreaterThan(0);
    expect((JSON.stringify(asl).match(/"TimeoutSecondsPath"/g) ?? []).length).toBe(waiting.length);
  });
});

describe("audit archive", () => {
  const archiveBucket = (): [string, CfnResource] => {
    const found = ofType("AWS::S3::Bucket").filter(([, bucket]) => bucket.Properties?.ObjectLockEnabled);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const deadLetterQueue = () => onlyOfType("AWS::SQS::Queue");
  const archiverRoleStatements = () => statementsOfFunction(functionByDescription(ARCHIVER_DESCRIPTION)[0]);
  // Anything that could remove, replace early or unlock an archived version.
  const forbiddenOnArchive = /^s3:(\*|Delete.*|PutObjectRetention|PutObjectLegalHold|BypassGovernanceRetention|PutBucketObjectLockConfiguration|PutLifecycleConfiguration|PutBucketPolicy|PutBucketVersioning)$/;

  it("is a versioned, private, SSL-only, logged, retained bucket with Object Lock in compliance mode for ten years", () => {
    const [bucketId, bucket] = archiveBucket();
    const p = bucket.Properties!;
    expect(bucket.DeletionPolicy).toBe("Retain");
    expect(p.ObjectLockEnabled).toBe(true);
    expect(p.ObjectLockConfiguration).toEqual({ ObjectLockEnabled: "Enabled", Rule: { DefaultRetention: { Mode: "COMPLIANCE", Days: 3650 } } });
    expect(p.VersioningConfiguration).toEqual({ Status: "Enabled" });
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }]);
    expect(p.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(refId(p.LoggingConfiguration?.DestinationBucketName)).toBe(refId(documentsBucket()[1].Properties!.LoggingConfiguration.DestinationBucketName));
    const policies = ofType("AWS::S3::BucketPolicy").filter(([, policy]) => refId(policy.Properties?.Bucket) === bucketId);
    expect(policies).toHaveLength(1);
    expect(policies[0]![1].Properties!.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
  });

  it("takes its retention from context auditRetentionDays, refusing anything but a whole number of days", () => {
    const retained = Template.fromStack(buildStack({ auditRetentionDays: "30" })).findResources("AWS::S3::Bucket", { Properties: { ObjectLockEnabled: true } });
    expect(Object.values(retained).map((bucket) => bucket.Properties.ObjectLockConfiguration.Rule.DefaultRetention)).toEqual([{ Mode: "COMPLIANCE", Days: 30 }]);
    for (const bad of ["ten years", "0", -1, 1.5]) expect(() => buildStack({ auditRetentionDays: bad }), String(bad)).toThrow(/auditRetentionDays/);
  });

  it("is fed by the table's stream, with new images", () => {
    const [, table] = onlyOfType("AWS::DynamoDB::Table");
    expect(table.Properties!.StreamSpecification).toEqual({ StreamViewType: "NEW_IMAGE" });
  });

  it("is written by a function that may only put objects under audit/, read the stream and dead-letter", () => {
    const [archiverId, archiver] = functionByDescription(ARCHIVER_DESCRIPTION);
    const [bucketId] = archiveBucket();
    const [queueId] = deadLetterQueue();
    const [tableId] = onlyOfType("AWS::DynamoDB::Table");
    expect(archiver.Properties!.Environment.Variables).toEqual({ AUDIT_ARCHIVE_BUCKET_NAME: { Ref: bucketId } });
    const statements = archiverRoleStatements();
    expect(sorted(statements.flatMap((s) => asArray(s.Action)))).toEqual(
      sorted([
        ...ownLogActions,
        "s3:PutObject",
        "sqs:SendMessage",
        "sqs:GetQueueAttributes",
        "sqs:GetQueueUrl",
        "dynamodb:ListStreams",
        "dynamodb:DescribeStream",
        "dynamodb:GetRecords",
        "dynamodb:GetShardIterator",
      ]),
    );
    for (const statement of statements) {
      expect(statement.Effect).toBe("Allow");
      for (const action of asArray(statement.Action)) expect(action, archiverId).not.toMatch(forbiddenOnArchive);
    }
    const s3 = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith("s3:")));
    expect(s3.map((s) => s.Resource)).toEqual([{ "Fn::Join": ["", [{ "Fn::GetAtt": [bucketId, "Arn"] }, "/audit/*"]] }]);
    const sqs = statements.filter((s) => asArray(s.Action).some((a) => a.startsWith("sqs:")));
    expect(sqs.map((s) => s.Resource)).toEqual([{ "Fn::GetAtt": [queueId, "Arn"] }]);
    const streamRead = statements.filter((s) => asArray(s.Action).includes("dynamodb:GetRecords"));
    expect(streamRead.map((s) => s.Resource)).toEqual([{ "Fn::GetAtt": [tableId, "StreamArn"] }]);
  });

  it("is out of reach of every other role: none names the archive bucket", () => {
    const [bucketId] = archiveBucket();
    const archiverRoleId = getAttId(functionByDescription(ARCHIVER_DESCRIPTION)[1].Properties!.Role);
    for (const [policyId, policy] of ofType("AWS::IAM::Policy")) {
      if (asArray(policy.Properties!.Roles).some((role) => refId(role) === archiverRoleId)) continue;
      expect(JSON.stringify(policy.Properties!.PolicyDocument), policyId).not.toContain(`"${bucketId}"`);
    }
  });

  it("consumes audit items only, bisecting and retrying failed batches, reporting single failures, then dead-lettering", () => {
    const [, mapping] = onlyOfType("AWS::Lambda::EventSourceMapping");
    const p = mapping.Properties!;
    expect(refId(p.FunctionName)).toBe(functionByDescription(ARCHIVER_DESCRIPTION)[0]);
    expect(p.EventSourceArn).toEqual({ "Fn::GetAtt": [onlyOfType("AWS::DynamoDB::Table")[0], "StreamArn"] });
    expect(p.StartingPosition).toBe("TRIM_HORIZON");
    expect(p.FilterCriteria.Filters.map((filter: { Pattern: string }) => JSON.parse(filter.Pattern))).toEqual([
      { eventName: ["INSERT", "MODIFY", "REMOVE"], dynamodb: { Keys: { SK: { S: [{ prefix: "AUDIT#" }] } } } },
    ]);
    expect(p.BisectBatchOnFunctionError).toBe(true);
    expect(p.MaximumRetryAttempts).toBe(5);
    expect(p.FunctionResponseTypes).toEqual(["ReportBatchItemFailures"]);
    expect(p.DestinationConfig).toEqual({ OnFailure: { Destination: { "Fn::GetAtt": [deadLetterQueue()[0], "Arn"] } } });
  });

  it("dead-letters to an encrypted, SSL-only queue that keeps messages 14 days and alarms on the first one", () => {
    const [queueId, queue] = deadLetterQueue();
    expect(queue.Properties!.SqsManagedSseEnabled).toBe(true);
    expect(queue.Properties!.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    const [, queuePolicy] = onlyOfType("AWS::SQS::QueuePolicy");
    expect(queuePolicy.Properties!.Queues).toEqual([{ Ref: queueId }]);
    expect(queuePolicy.Properties!.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
    const [topicId] = onlyOfType("AWS::SNS::Topic");
    const alarms = ofType("AWS::CloudWatch::Alarm").filter(([, alarm]) => alarm.Properties!.MetricName === "ApproximateNumberOfMessagesVisible");
    expect(alarms).toHaveLength(1);
    const alarm = alarms[0]![1].Properties!;
    expect(alarm.Namespace).toBe("AWS/SQS");
    expect(alarm.Dimensions).toEqual([{ Name: "QueueName", Value: { "Fn::GetAtt": [queueId, "QueueName"] } }]);
    expect(alarm.ComparisonOperator).toBe("GreaterThanOrEqualToThreshold");
    expect(alarm.Threshold).toBe(1);
    expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
  });
});

describe("WAF", () => {
  const webAclArn = "arn:aws:wafv2:eu-central-1:123456789012:regional/webacl/adal/0a1b2c3d-1111-2222-3333-444455556666";

  it("associates no web ACL unless context webAclArn names one", () => {
    expect(ofType("AWS::WAFv2::WebACLAssociation")).toEqual([]);
  });

  it("associates the given regional web ACL with the user pool", () => {
    const withAcl = Template.fromStack(buildStack({ webAclArn }));
    const associations = Object.values(withAcl.findResources("AWS::WAFv2::WebACLAssociation"));
    const [userPoolId] = Object.keys(withAcl.findResources("AWS::Cognito::UserPool"));
    expect(associations.map((a) => a.Properties)).toEqual([{ WebACLArn: webAclArn, ResourceArn: { "Fn::GetAtt": [userPoolId, "Arn"] } }]);
  });

  it("refuses a CloudFront-scope or malformed web ACL ARN", () => {
    expect(() => buildStack({ webAclArn: webAclArn.replace("regional", "global") })).toThrow(/webAclArn/);
    expect(() => buildStack({ webAclArn: "adal" })).toThrow(/webAclArn/);
  });
});

describe("users", () => {
  it("is an admin-managed pool with a strong password policy, the four role groups and schoolId", () => {
    const [, pool] = onlyOfType("AWS::Cognito::UserPool");
    const p = pool.Properties!;
    expect(p.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(p.Policies.PasswordPolicy).toMatchObject({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true });
    expect(p.MfaConfiguration).toBe("OPTIONAL");
    expect(p.Schema).toContainEqual(expect.objectContaining({ Name: "schoolId", AttributeDataType: "String", Mutable: true }));
    expect(sorted(ofType("AWS::Cognito::UserPoolGroup").map(([, g]) => g.Properties!.GroupName))).toEqual(sorted(ALL_ROLES));
  });

  it("has a public client (SRP, and password auth for the web app) that cannot write schoolId", () => {
    const [, client] = onlyOfType("AWS::Cognito::UserPoolClient");
    const p = client.Properties!;
    expect(p.GenerateSecret).toBe(false);
    expect(sorted(p.ExplicitAuthFlows)).toEqual(["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"]);
    expect(p.ReadAttributes).toContain("custom:schoolId");
    expect(p.WriteAttributes).not.toContain("custom:schoolId");
  });
});

describe("alarms", () => {
  it("watch failed and timed-out executions, every function's errors and the dead-letter queue, notifying an encrypted SSL-only topic", () => {
    const [topicId, topic] = onlyOfType("AWS::SNS::Topic");
    expect(getAttId(topic.Properties!.KmsMasterKeyId)).toBeDefined();
    const [, topicPolicy] = onlyOfType("AWS::SNS::TopicPolicy");
    expect(topicPolicy.Properties!.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
    const alarms = ofType("AWS::CloudWatch::Alarm").map(([, alarm]) => alarm.Properties!);
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    const metricsOf = (name: string) => alarms.filter((a) => a.MetricName === name);
    expect(metricsOf("ExecutionsFailed")).toHaveLength(workflowNames.length);
    expect(metricsOf("ExecutionsTimedOut")).toHaveLength(workflowNames.length);
    const watched = metricsOf("Errors").map((a) => refId(a.Dimensions.find((d: { Name: string }) => d.Name === "FunctionName").Value));
    expect(sorted(watched as string[])).toEqual(sorted(ofType("AWS::Lambda::Function").map(([id]) => id)));
  });
});

describe("web app distribution", () => {
  // CloudFront's managed policies, by their fixed ids.
  const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
  const CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
  const ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
  const ALL_METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"];
  const cloudFrontWebAclArn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/adal-edge/0a1b2c3d-1111-2222-3333-444455556666";

  const distribution = () => onlyOfType("AWS::CloudFront::Distribution");
  const config = () => distribution()[1].Properties!.DistributionConfig;
  const originOf = (targetId: string) => (config().Origins as { Id: string }[]).find((origin) => origin.Id === targetId) as Record<string, any>;
  /** CloudFront path patterns: `*` any run of characters, `?` one; everything else literal. */
  const matches = (pattern: string, urlPath: string) =>
    new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`).test(urlPath);
  const sampleUrl = (routePath: string) => routePath.replace(/\{[^}]+\}/g, "x1");

  it("derives one pattern per top-level path of the route table, wildcarded only where deeper routes exist", () => {
    expect(apiPathPatterns([{ path: "/me" }, { path: "/me/votes" }, { path: "/health" }, { path: "/vacancies/{id}" }])).toEqual(["/health", "/me*", "/vacancies*"]);
    const tooMany = Array.from({ length: MAX_CACHE_BEHAVIORS + 1 }, (_, i) => ({ path: `/p${i}` }));
    expect(() => apiPathPatterns(tooMany)).toThrow(/behaviors/);
  });

  it("sends every route to the HTTP API uncached, forwarding every viewer header but Host, and nothing of the web app", () => {
    const behaviors = config().CacheBehaviors as Record<string, any>[];
    expect(behaviors.map((behavior) => behavior.PathPattern)).toEqual(apiPathPatterns(routeList));
    for (const route of routeList) {
      const url = sampleUrl(route.path);
      expect(behaviors.filter((behavior) => matches(behavior.PathPattern, url)).length, url).toBe(1);
    }
    for (const webPath of ["/", "/index.html", "/assets/index-3f2a.js", "/favicon.ico"]) {
      expect(behaviors.filter((behavior) => matches(behavior.PathPattern, webPath)), webPath).toEqual([]);
    }
    const [apiId] = onlyOfType("AWS::ApiGatewayV2::Api");
    for (const behavior of behaviors) {
      expect(behavior, behavior.PathPattern).toMatchObject({
        CachePolicyId: CACHING_DISABLED,
        OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
        ViewerProtocolPolicy: "https-only",
      });
      expect(sorted(behavior.AllowedMethods)).toEqual(sorted(ALL_METHODS));
      const origin = originOf(behavior.TargetOriginId);
      expect(JSON.stringify(origin.DomainName)).toContain(`{"Ref":"${apiId}"},".execute-api."`);
      expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: "https-only", OriginSSLProtocols: ["TLSv1.2"] });
    }
  });

  it("serves the app by default from a private bucket that only this distribution may read (origin access control)", () => {
    const c = config();
    expect(c.DefaultRootObject).toBe("index.html");
    expect(c.DefaultCacheBehavior).toMatchObject({ CachePolicyId: CACHING_OPTIMIZED, ViewerProtocolPolicy: "redirect-to-https", Compress: true });
    expect(sorted(c.DefaultCacheBehavior.AllowedMethods)).toEqual(["GET", "HEAD"]);
    const origin = originOf(c.DefaultCacheBehavior.TargetOriginId);
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: "" });
    expect(resources[getAttId(origin.OriginAccessControlId)!]?.Type).toBe("AWS::CloudFront::OriginAccessControl");
    const siteId = getAttId(origin.DomainName)!;
    const site = resources[siteId]!;
    expect(site.Type).toBe("AWS::S3::Bucket");
    expect(site.Properties!.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    const [, policy] = ofType("AWS::S3::BucketPolicy").find(([, p]) => refId(p.Properties?.Bucket) === siteId)!;
    const allows = (policy.Properties!.PolicyDocument.Statement as Record<string, any>[]).filter((statement) => statement.Effect === "Allow");
    expect(allows).toEqual([
      expect.objectContaining({
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Condition: { StringEquals: { "AWS:SourceArn": expect.anything() } },
      }),
    ]);
    expect(JSON.stringify(allows[0]!.Condition)).toContain(distribution()[0]);
  });

  it("sends security headers on every behavior: a CSP of self and the documents bucket, HSTS, no framing", () => {
    const [policyId, policy] = onlyOfType("AWS::CloudFront::ResponseHeadersPolicy");
    const c = config();
    for (const behavior of [c.DefaultCacheBehavior, ...c.CacheBehaviors]) expect(refId(behavior.ResponseHeadersPolicyId)).toBe(policyId);
    const security = policy.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    const csp = renderJoin(security.ContentSecurityPolicy.ContentSecurityPolicy);
    // The documents bucket's own origin (its fixed name), where presigned links point, and nothing wider.
    const [, documents] = documentsBucket();
    expect(renderJoin(documents.Properties!.BucketName)).toBe("adalstack-documents-${AWS::AccountId}-${AWS::Region}");
    const documentsOrigin = "https://adalstack-documents-${AWS::AccountId}-${AWS::Region}.s3.${AWS::Region}.${AWS::URLSuffix}";
    expect(csp.split("; ")).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      `img-src 'self' data: blob: ${documentsOrigin}`,
      `connect-src 'self' ${documentsOrigin} https://cognito-idp.\${AWS::Region}.\${AWS::URLSuffix}`,
      `frame-src ${documentsOrigin}`,
      `object-src ${documentsOrigin}`,
      "font-src 'self'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ]);
    expect(security.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 730 * 24 * 3600, IncludeSubdomains: true, Override: true });
    expect(security.FrameOptions).toMatchObject({ FrameOption: "DENY" });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
  });

  it("logs requests to the access-logs bucket, which keeps ACLs usable for CloudFront's log delivery", () => {
    const logging = config().Logging;
    expect(logging.Prefix).toBe("cloudfront/");
    const [, documents] = documentsBucket();
    const accessLogsId = refId(documents.Properties!.LoggingConfiguration.DestinationBucketName)!;
    expect(getAttId(logging.Bucket)).toBe(accessLogsId);
    expect(resources[accessLogsId]!.Properties!.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerPreferred" }] });
  });

  it("has no reference cycle between the documents bucket, its CORS origin and the CSP that names it", () => {
    const referenced = (value: unknown, found = new Set<string>()): Set<string> => {
      if (Array.isArray(value)) for (const item of value) referenced(item, found);
      else if (value && typeof value === "object") {
        for (const [key, nested] of Object.entries(value)) {
          if (key === "Ref" && typeof nested === "string" && nested in resources) found.add(nested);
          else if (key === "Fn::GetAtt") found.add((nested as string[])[0]!);
          else referenced(nested, found);
        }
      }
      return found;
    };
    const edges = new Map(Object.entries(resources).map(([id, resource]) => [id, [...referenced(resource.Properties), ...asArray(resource.DependsOn)]]));
    const done = new Set<string>();
    const onPath = new Set<string>();
    const cycleFrom = (id: string): boolean => {
      if (onPath.has(id)) return true;
      if (done.has(id)) return false;
      onPath.add(id);
      const found = (edges.get(id) ?? []).some(cycleFrom);
      onPath.delete(id);
      done.add(id);
      return found;
    };
    expect([...edges.keys()].filter(cycleFrom)).toEqual([]);
  });

  it("attaches the CloudFront-scope web ACL from context, refusing a regional one or one outside us-east-1", () => {
    expect(config().WebACLId).toBeUndefined();
    const withAcl = buildStack({ cloudFrontWebAclArn });
    const [distributionConfig] = Object.values(Template.fromStack(withAcl).findResources("AWS::CloudFront::Distribution")).map((d) => d.Properties.DistributionConfig);
    expect(distributionConfig.WebACLId).toBe(cloudFrontWebAclArn);
    expect(new AwsSolutionsChecks(withAcl.node.root as App).validateScope(withAcl).violations.map((violation) => violation.ruleName)).toEqual([]);
    expect(() => buildStack({ cloudFrontWebAclArn: cloudFrontWebAclArn.replace("global", "regional") })).toThrow(/cloudFrontWebAclArn/);
    expect(() => buildStack({ cloudFrontWebAclArn: cloudFrontWebAclArn.replace("us-east-1", "eu-central-1") })).toThrow(/cloudFrontWebAclArn/);
  });

  it("uploads the built app only when there is one, invalidating the cache, and stays cdk-nag clean with it", async () => {
    expect(ofType("Custom::CDKBucketDeployment")).toEqual([]);
    const built = await mkdtemp(join(tmpdir(), "adal-web-dist-"));
    try {
      await writeFile(join(built, "index.html"), "<!doctype html><title>Adal</title>");
      const withApp = buildStack({ webAssets: built });
      const deployed = Template.fromStack(withApp).toJSON().Resources as Record<string, CfnResource>;
      const uploads = Object.values(deployed).filter((resource) => resource.Type === "Custom::CDKBucketDeployment");
      expect(uploads).toHaveLength(1);
      const [distributionId] = Object.entries(deployed).find(([, resource]) => resource.Type === "AWS::CloudFront::Distribution")!;
      expect(uploads[0]!.Properties).toMatchObject({ DistributionId: { Ref: distributionId }, DistributionPaths: ["/*"], Prune: true });
      const origin = Object.values(deployed).find((resource) => resource.Type === "AWS::CloudFront::Distribution")!.Properties!.DistributionConfig.Origins
        .find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
      expect(uploads[0]!.Properties!.DestinationBucketName).toEqual({ Ref: getAttId(origin.DomainName) });
      // Beside the built files, config.json names the user pool client the page signs in with.
      expect(uploads[0]!.Properties!.SourceObjectKeys).toHaveLength(2);
      const [clientId] = Object.entries(deployed).find(([, resource]) => resource.Type === "AWS::Cognito::UserPoolClient")!;
      expect(JSON.stringify(uploads[0]!.Properties!.SourceMarkers)).toContain(JSON.stringify({ Ref: clientId }));
      expect(new AwsSolutionsChecks(withApp.node.root as App).validateScope(withApp).violations.map((violation) => violation.ruleName)).toEqual([]);
    } finally {
      await rm(built, { recursive: true, force: true });
    }
  });
});

describe("buckets", () => {
  it("all share the private baseline: no public access, SSL only, SSE-S3, no ACLs, logged, retained", () => {
    const accessLogsId = refId(documentsBucket()[1].Properties!.LoggingConfiguration.DestinationBucketName)!;
    const others = ofType("AWS::S3::Bucket").filter(([id]) => id !== accessLogsId);
    expect(others).toHaveLength(3);
    for (const [id, bucket] of others) {
      const p = bucket.Properties!;
      expect(bucket.DeletionPolicy, id).toBe("Retain");
      expect(p.PublicAccessBlockConfiguration, id).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(p.BucketEncryption.ServerSideEncryptionConfiguration, id).toEqual([{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }]);
      expect(p.OwnershipControls, id).toEqual({ Rules: [{ ObjectOwnership: "BucketOwnerEnforced" }] });
      expect(refId(p.LoggingConfiguration?.DestinationBucketName), id).toBe(accessLogsId);
      const [, policy] = ofType("AWS::S3::BucketPolicy").find(([, bp]) => refId(bp.Properties?.Bucket) === id)!;
      expect(policy.Properties!.PolicyDocument.Statement, id).toContainEqual(
        expect.objectContaining({ Effect: "Deny", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
      );
      expect(policy.Properties!.PolicyDocument.Statement, id).toContainEqual(
        expect.objectContaining({ Effect: "Deny", Action: "s3:*", Condition: { NumericLessThan: { "s3:TlsVersion": 1.2 } } }),
      );
    }
  });
});

describe("stack", () => {
  it("outputs what a client and an operator need", () => {
    for (const output of ["WebUrl", "ApiUrl", "UserPoolId", "UserPoolClientId", "DocumentsBucketName", "TableName", "AuditArchiveBucketName", "AlarmTopicArn"]) {
      template.hasOutput(output, {});
    }
  });

  it("passes cdk-nag's AWS Solutions checks (findings are fixed or acknowledged with a reason)", () => {
    const report = new AwsSolutionsChecks(app).validateScope(stack);
    expect(report.violations.map((violation) => violation.ruleName)).toEqual([]);
  });
});
