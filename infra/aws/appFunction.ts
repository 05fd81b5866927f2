// One Lambda function of the app: a bundled handler module under functions/, its own log group and its
// own role, which holds nothing but the right to write that log group and the statements of its grants.
import * as path from "node:path";
import { Duration, Stack, Validations } from "aws-cdk-lib";
import type { CfnElement } from "aws-cdk-lib";
import { Role, ServicePrincipal, type PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Architecture, Runtime } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat, type BundlingOptions } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import type { Grant } from "../../functions/platform/http/routeDefinition.ts";
import { DOCUMENT_KEY_PATTERNS, grantEnvironment, grantStatements, type GrantTargets } from "./grants.ts";

export const projectRoot = path.resolve(import.meta.dirname, "../..");

export const lambdaRuntime = Runtime.NODEJS_24_X;

/**
 * How every Lambda bundle is built; exported so that bench/coldStart.ts and tests/infra build exactly these
 * bundles with esbuild's API (it translates each option and refuses one it does not know).
 */
export const lambdaBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  mainFields: ["module", "main"],
  // CommonJS dependencies bundled into an ES module still call require(); give them one.
  banner: "import { createRequire as __adalCreateRequire } from 'node:module'; const require = __adalCreateRequire(import.meta.url);",
  minify: true,
  sourceMap: false,
  // Bundling the AWS SDK instead of loading the runtime's copy cuts cold-start load time
  // 30-60 % (TOOLCHAIN.md) and pins the SDK version that was tested.
  externalModules: [],
  forceDockerBundling: false,
  esbuildArgs: {
    // Lambda supplies credentials in the environment, so the SDK's default credential chain is swapped for
    // its environment link alone: 108-132 KB less to load in every function with an AWS client (why in
    // that module). Resolved from projectRoot, where the CDK runs esbuild.
    "--alias": ["@aws-sdk/credential-provider-node=./functions/platform/aws/lambdaCredentialProvider.ts"],
  },
};

export interface AppFunctionProps {
  /** Module under functions/ without `.ts`, exporting `handler`. */
  module: string;
  description: string;
  timeout: Duration;
  memorySize: number;
  grants: readonly Grant[];
  /** What the grants name; only a function without grants may leave it out. */
  targets?: GrantTargets;
  /**
   * For a function outside the route and task tables (the audit archive's stream consumer): statements
   * naming resources the grants do not cover, and the variables that name those resources.
   */
  statements?: readonly PolicyStatement[];
  environment?: Readonly<Record<string, string>>;
}

export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, "Logs", { retention: RetentionDays.ONE_MONTH });
    // A role of its own instead of the default one with the AWS-managed basic execution policy, which
    // would let every function write every log group in the account.
    const role = new Role(this, "Role", { assumedBy: new ServicePrincipal("lambda.amazonaws.com") });
    this.role = role;
    logGroup.grantWrite(role);
    const targets = props.targets;
    if (!targets && props.grants.length > 0) throw new Error(`Function ${props.module} has grants but no targets`);
    for (const grant of props.grants) {
      for (const statement of grantStatements(grant, targets!)) role.addToPrincipalPolicy(statement);
    }
    for (const statement of props.statements ?? []) role.addToPrincipalPolicy(statement);
    if (targets && props.grants.some((grant) => grant.startsWith("bucket:"))) {
      const bucketId = Stack.of(this).getLogicalId(targets.bucket.node.defaultChild as CfnElement);
      for (const pattern of DOCUMENT_KEY_PATTERNS) {
        Validations.of(role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${pattern}]`,
          reason:
            "Document keys are minted per case and document at run time (applications/<applicationId>/<random>, attestations/<attestationId>/<random>), so no fixed ARN can name them; the grant is confined to those prefixes and to the one or two object actions of the function's grant, and which key a user may reach is decided by the handler.",
        });
      }
    }

    this.fn = new NodejsFunction(this, "Function", {
      entry: path.join(projectRoot, "functions", `${props.module}.ts`),
      handler: "handler",
      projectRoot,
      depsLockFilePath: path.join(projectRoot, "package-lock.json"),
      description: props.description,
      runtime: lambdaRuntime,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role,
      logGroup,
      environment: { ...(targets ? grantEnvironment(props.grants, targets) : {}), ...props.environment },
      bundling: lambdaBundling,
    });
  }
}
