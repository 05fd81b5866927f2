// The web app and the HTTP API behind one CloudFront distribution, so the browser talks to a single origin:
// the built app (web/dist) from a private bucket read through origin access control, and every top-level
// path of the route table forwarded, uncached, to the HTTP API. The documents bucket stays a second origin
// the browser reaches directly through presigned POST and GET links; the response headers' CSP names it.
import * as fs from "node:fs";
import * as path from "node:path";
import { Annotations, Aws, Duration, Stack, Validations, type CfnElement } from "aws-cdk-lib";
import type { HttpApi } from "aws-cdk-lib/aws-apigatewayv2";
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import type { Bucket, IBucket } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import type { RouteDefinition } from "../../functions/platform/http/routeDefinition.ts";
import { routeList } from "../../functions/routes.ts";
import { projectRoot } from "./appFunction.ts";
import { privateBucket } from "./privateBucket.ts";

/** CloudFront's default quota of cache behaviors per distribution, the default one not counted. */
export const MAX_CACHE_BEHAVIORS = 25;

/**
 * One path pattern per top-level segment of the route table: `/vacancies*` for a segment with deeper
 * routes (it matches `/vacancies` and `/vacancies/…`; a bare `/vacancies/*` would miss the list itself), the
 * exact path for a segment that is a route on its own (`/health`). The web app's own paths (`/`,
 * `/index.html`, `/assets/…`) are not among them; tests/infra checks that.
 */
export function apiPathPatterns(routes: readonly Pick<RouteDefinition, "path">[]): string[] {
  const deeper = new Map<string, boolean>();
  for (const { path: routePath } of routes) {
    const [, segment = "", ...rest] = routePath.split("/");
    deeper.set(segment, (deeper.get(segment) ?? false) || rest.length > 0);
  }
  const patterns = [...deeper].map(([segment, hasDeeper]) => (hasDeeper ? `/${segment}*` : `/${segment}`));
  if (patterns.length > MAX_CACHE_BEHAVIORS) {
    throw new Error(`The route table has ${patterns.length} top-level paths; CloudFront allows ${MAX_CACHE_BEHAVIORS} behaviors`);
  }
  return patterns.sort();
}

/**
 * `-c cloudFrontWebAclArn=arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>`: an existing web ACL
 * of CloudFront scope for the distribution. CloudFront only takes web ACLs created in us-east-1 with scope
 * CLOUDFRONT, whatever region this stack is in; the regional `webAclArn` (the user pool's) cannot serve.
 */
function cloudFrontWebAclArnFrom(scope: Construct): string | undefined {
  const arn: unknown = scope.node.tryGetContext("cloudFrontWebAclArn");
  if (arn === undefined || arn === "") return undefined;
  if (typeof arn !== "string" || !/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[^/\s]+\/[^/\s]+$/.test(arn)) {
    throw new Error(`Context cloudFrontWebAclArn must be a CloudFront-scope WAFv2 web ACL ARN (us-east-1, global/webacl), got ${JSON.stringify(arn)}`);
  }
  return arn;
}

/**
 * `-c webAssets=<folder>` (default web/dist): the built app to upload. Synth must work before the web is
 * built (the tests synthesise without it), so a folder without index.html deploys no app, with a warning.
 */
function webAssetsFrom(scope: Construct): string | undefined {
  const raw: unknown = scope.node.tryGetContext("webAssets") ?? "web/dist";
  if (typeof raw !== "string" || raw === "") throw new Error(`Context webAssets must be a folder, got ${JSON.stringify(raw)}`);
  const folder = path.resolve(projectRoot, raw);
  return fs.existsSync(path.join(folder, "index.html")) ? folder : undefined;
}

export interface WebDistributionProps {
  api: HttpApi;
  /** The origin presigned links point at: https://<bucket>.s3.<region>.<suffix>, known without a reference to the bucket. */
  documentsOrigin: string;
  accessLogs: IBucket;
  /** Written to the app's config.json: the page signs in with Cognito's InitiateAuth against this client. */
  signIn: { region: string; userPoolClientId: string };
}

export class WebDistribution extends Construct {
  readonly distribution: Distribution;
  /** The app's origin as browsers send it (https://<id>.cloudfront.net). */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);
    const webAclArn = cloudFrontWebAclArnFrom(this);
    const assets = webAssetsFrom(this);
    const site = privateBucket(this, "Site", { accessLogs: props.accessLogs, logPrefix: "web" });

    const documents = props.documentsOrigin;
    const headers = new ResponseHeadersPolicy(this, "SecurityHeaders", {
      comment: "Adal: CSP (self, the documents bucket, Cognito), HSTS, no framing, no sniffing, no referrer",
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          override: true,
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            `img-src 'self' data: blob: ${documents}`,
            // Presigned POST uploads (XMLHttpRequest) and, on AWS, sign-in against the user pool.
            `connect-src 'self' ${documents} https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}`,
            // PDFs are shown in an <iframe> or <object> from their presigned GET link.
            `frame-src ${documents}`,
            `object-src ${documents}`,
            "font-src 'self'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
          ].join("; "),
        },
        strictTransportSecurity: { override: true, accessControlMaxAge: Duration.days(730), includeSubdomains: true },
        contentTypeOptions: { override: true },
        frameOptions: { override: true, frameOption: HeadersFrameOption.DENY },
        // Document links carry their signature in the URL; no page address needs to travel anywhere.
        referrerPolicy: { override: true, referrerPolicy: HeadersReferrerPolicy.NO_REFERRER },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()", override: true }],
      },
    });

    // Host is left out: API Gateway routes by its own host name, not the distribution's.
    const apiOrigin = new HttpOrigin(`${props.api.apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });
    // Nothing of the API is cached: answers depend on the caller. With caching off, the all-viewer origin
    // request policy forwards Authorization, Accept-Language and Idempotency-Key (and the query string).
    const apiBehavior: BehaviorOptions = {
      origin: apiOrigin,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    };

    this.distribution = new Distribution(this, "Distribution", {
      comment: "Adal web app and API",
      defaultRootObject: "index.html",
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(site),
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: headers,
      },
      additionalBehaviors: Object.fromEntries(apiPathPatterns(routeList).map((pattern) => [pattern, apiBehavior])),
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: "cloudfront/",
      ...(webAclArn ? { webAclId: webAclArn } : {}),
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge({
      id: "AwsSolutions-CFR1",
      reason: "No geo restriction: teachers apply and attest from wherever they are (study or work abroad included); a country rule, if ever wanted, belongs in the web ACL.",
    });
    Validations.of(this.distribution).acknowledge({
      id: "AwsSolutions-CFR4",
      reason: "The distribution uses CloudFront's default *.cloudfront.net certificate, with which the minimum viewer TLS version cannot be set; a custom domain with an ACM certificate (TLSv1.2_2021) is the deployment's step once a domain is chosen.",
    });
    if (!webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: "AwsSolutions-CFR2",
        reason: "The web ACL is supplied per deployment with -c cloudFrontWebAclArn (a CloudFront-scope ACL, which only us-east-1 can hold, so this regional stack cannot create it); a synth without it is a development synth.",
      });
    }

    if (assets) {
      new BucketDeployment(this, "Upload", {
        // config.json tells the one build which sign-in to use (web/src/auth/signInMethod.ts).
        sources: [Source.asset(assets), Source.jsonData("config.json", { cognito: { region: props.signIn.region, clientId: props.signIn.userPoolClientId } })],
        destinationBucket: site,
        distribution: this.distribution,
        distributionPaths: ["/*"],
      });
      this.acknowledgeDeploymentHandler(site);
    } else {
      Annotations.of(this).addWarningV2(
        "adal:web-not-built",
        "No index.html in the web assets folder (web/dist or -c webAssets): the distribution serves no app. Run `npx vite build --config web/vite.config.ts` first.",
      );
    }
  }

  /**
   * The upload's custom resource is CDK's own singleton function, with CDK's own role; its findings are
   * acknowledged where it lives, one by one, so that a new finding on it would still fail the synth.
   */
  private acknowledgeDeploymentHandler(site: Bucket): void {
    const stack = Stack.of(this);
    const handler = stack.node.children.find((child) => child.node.id.startsWith("Custom::CDKBucketDeployment"));
    if (!handler) throw new Error("BucketDeployment's handler function was not found");
    const siteId = stack.getLogicalId(site.node.defaultChild as CfnElement);
    const copying = "CDK's BucketDeployment handler copies the built app from CDK's asset bucket into the site bucket and prunes what the build no longer has: CDK grants it these object-level wildcards on exactly those two buckets, and it runs only during deployments.";
    const reasons: Record<string, string> = {
      "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]":
        "CDK's BucketDeployment handler runs with the AWS-managed basic execution policy (writing its own logs); it is CDK's construct, created once per stack, and runs only during deployments.",
      "AwsSolutions-IAM5[Action::s3:GetObject*]": copying,
      "AwsSolutions-IAM5[Action::s3:GetBucket*]": copying,
      "AwsSolutions-IAM5[Action::s3:List*]": copying,
      "AwsSolutions-IAM5[Action::s3:DeleteObject*]": copying,
      "AwsSolutions-IAM5[Action::s3:Abort*]": copying,
      "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]": copying,
      [`AwsSolutions-IAM5[Resource::<${siteId}.Arn>/*]`]: copying,
      "AwsSolutions-IAM5[Resource::*]":
        "cloudfront:CreateInvalidation and GetInvalidation, which CDK's BucketDeployment grants on all distributions, so that a deployment clears the cached index.html at once.",
      "AwsSolutions-L1": "The runtime of CDK's BucketDeployment handler is chosen by aws-cdk-lib and moves with its upgrades.",
    };
    for (const [ruleId, reason] of Object.entries(reasons)) Validations.of(handler).acknowledge({ id: ruleId, reason });
  }
}
