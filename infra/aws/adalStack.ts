// The whole of Adal on AWS in one stack. Functions are not listed here: one exists per row of the route
// table (functions/routes.ts), one per task placeholder of the workflows (workflows/*.asl.json), and the
// audit archive's stream consumer (auditArchive.ts).
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from "aws-cdk-lib";
import * as cxapi from "aws-cdk-lib/cx-api";
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  UserPoolGroup,
} from "aws-cdk-lib/aws-cognito";
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from "aws-cdk-lib/aws-dynamodb";
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { tableDefinition } from "../../functions/adapters/dynamo/tableDefinition.ts";
import { ALL_ROLES } from "../../functions/platform/http/routeDefinition.ts";
import { CfnWebACLAssociation } from "aws-cdk-lib/aws-wafv2";
import { Alarms } from "./alarms.ts";
import { AuditArchive } from "./auditArchive.ts";
import { AppHttpApi } from "./httpApi.ts";
import { privateBucket } from "./privateBucket.ts";
import { WebDistribution } from "./webDistribution.ts";
import { Workflows } from "./workflows.ts";

/**
 * The documents bucket's name, fixed from the stack, account and region rather than generated, so that the
 * web app's Content-Security-Policy can name the bucket's origin without depending on the bucket, whose
 * CORS rule in turn names the distribution's origin (with references both ways CloudFormation has a cycle).
 */
function documentsBucketName(stack: Stack): string {
  const prefix = stack.stackName.toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 20);
  return `${prefix}-documents-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/**
 * `-c webAclArn=arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>`: an existing regional web
 * ACL to put in front of the user pool's sign-in endpoints. WAF cannot be attached to an HTTP API; the
 * API gets it through the CloudFront distribution in front of it, whose web ACL is a CloudFront-scope one
 * (`cloudFrontWebAclArn`, webDistribution.ts; docs/security.md, "AWS hardening").
 */
function webAclArnFrom(scope: Construct): string | undefined {
  const arn: unknown = scope.node.tryGetContext("webAclArn");
  if (arn === undefined || arn === "") return undefined;
  // A CloudFront (global) web ACL cannot protect a regional resource; refuse it before deploy does.
  if (typeof arn !== "string" || !/^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:regional\/webacl\/[^/\s]+\/[^/\s]+$/.test(arn)) {
    throw new Error(`Context webAclArn must be a regional WAFv2 web ACL ARN, got ${JSON.stringify(arn)}`);
  }
  return arn;
}

export class AdalStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    // Server access logs are delivered under a bucket policy rather than the legacy log-delivery ACL,
    // whatever feature flags the app that builds this stack sets.
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const webAclArn = webAclArnFrom(this);

    const table = new Table(this, "Table", {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: RemovalPolicy.RETAIN,
      // Feeds the audit archive; new images are all it needs.
      stream: StreamViewType.NEW_IMAGE,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        ...("sortKey" in index ? { sortKey: { name: index.sortKey, type: AttributeType.STRING } } : {}),
        projectionType: ProjectionType[index.projection],
      });
    }

    const accessLogs = new Bucket(this, "AccessLogs", {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // S3 server access logging can only deliver to SSE-S3 buckets.
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront's standard logs are delivered under an ACL grant, so ACLs stay usable here (S3 server
      // access logs use the bucket policy either way).
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const documentsName = documentsBucketName(this);
    const documents = privateBucket(this, "Documents", {
      accessLogs,
      logPrefix: "documents",
      bucketName: documentsName,
      versioned: true,
      // Documents of abandoned drafts are not expired here: nothing in a key tells them from submitted
      // ones. That needs uploads tagged status=pending (a field of the presigned POST) and the tag cleared
      // on verification; a tag-filtered expiration rule would then belong in this list.
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1), noncurrentVersionExpiration: Duration.days(30) },
      ],
    });

    const auditArchive = new AuditArchive(this, "AuditArchive", { table, accessLogs });

    const userPool = new UserPool(this, "Users", {
      // Accounts are created by administrators: who may act as HR or expert is not self-declared.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { schoolId: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(userPool).acknowledge({
      id: "AwsSolutions-COG2",
      reason: "MFA is optional (TOTP) by product decision: candidates sign in rarely from shared devices; staff are expected to enrol, and roles are granted only by administrators.",
    });
    Validations.of(userPool).acknowledge({
      id: "AwsSolutions-COG8",
      reason: "The Plus feature plan (threat protection) is billed per monthly active user; for a public-sector pilot the Essentials plan with admin-created accounts and a 12-character password policy is the accepted trade-off. Revisit before opening to all candidates.",
    });
    if (webAclArn) {
      new CfnWebACLAssociation(this, "UserPoolWebAcl", { resourceArn: userPool.userPoolArn, webAclArn });
    }
    for (const role of ALL_ROLES) {
      new UserPoolGroup(this, `Group-${role}`, { userPool, groupName: role });
    }
    const userPoolClient = userPool.addClient("WebClient", {
      generateSecret: false,
      // USER_PASSWORD_AUTH lets the web app sign in with one HTTPS call to Cognito (TLS carries the
      // password) instead of shipping SRP maths to phones on slow lines; SRP stays for other clients.
      authFlows: { userSrp: true, userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes("schoolId"),
      // schoolId scopes an HR officer's rights; only administrators may change it.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
    });

    const workflows = new Workflows(this, "Workflows", { targets: { table, bucket: documents } });
    const api = new AppHttpApi(this, "Http", {
      targets: { table, bucket: documents, stateMachines: workflows.stateMachines },
      userPool,
      userPoolClient,
    });
    const web = new WebDistribution(this, "Web", {
      api: api.api,
      // Where presigned links point (the SDK's virtual-hosted style), spelled without referencing the bucket.
      documentsOrigin: `https://${documentsName}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`,
      accessLogs,
      signIn: { region: Aws.REGION, userPoolClientId: userPoolClient.userPoolClientId },
    });
    // Browsers upload with the presigned POST and open documents with presigned GET links, from the app's
    // origin only.
    documents.addCorsRule({
      allowedOrigins: [web.origin],
      allowedMethods: [HttpMethods.POST, HttpMethods.GET],
      allowedHeaders: ["*"],
      exposedHeaders: ["ETag"],
      maxAge: 3000,
    });

    const alarms = new Alarms(this, "Alarms", {
      stateMachines: workflows.stateMachines,
      functions: new Map([
        ...[...api.routeFunctions].map(([name, fn]) => [`route-${name}`, fn] as const),
        ...[...workflows.taskFunctions].map(([name, fn]) => [`task-${name}`, fn] as const),
        ["stream-archiveAuditEvents", auditArchive.fn],
      ]),
      deadLetterQueues: new Map([["auditArchive", auditArchive.deadLetterQueue]]),
    });

    new CfnOutput(this, "WebUrl", { value: web.origin });
    // The API's own endpoint, reachable around CloudFront and its web ACL (docs/security.md, "AWS hardening").
    new CfnOutput(this, "ApiUrl", { value: api.stage.url });
    new CfnOutput(this, "UserPoolId", { value: userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: userPoolClient.userPoolClientId });
    new CfnOutput(this, "DocumentsBucketName", { value: documents.bucketName });
    new CfnOutput(this, "TableName", { value: table.tableName });
    new CfnOutput(this, "AuditArchiveBucketName", { value: auditArchive.bucket.bucketName });
    new CfnOutput(this, "AlarmTopicArn", { value: alarms.topic.topicArn });
  }
}
