// The HTTP API: one route and one function per row of functions/routes.ts, a Cognito JWT authorizer on
// every route that is not public, access logs and throttling on the one ($default) stage.
import { Duration, Validations } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import {
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  PayloadFormatVersion,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { IUserPool, IUserPoolClient } from "aws-cdk-lib/aws-cognito";
import type { NodejsFunction } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { routes } from "../../functions/routes.ts";
import { AppFunction } from "./appFunction.ts";
import type { GrantTargets } from "./grants.ts";

export interface AppHttpApiProps {
  targets: GrantTargets;
  userPool: IUserPool;
  userPoolClient: IUserPoolClient;
}

export class AppHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly routeFunctions = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: AppHttpApiProps) {
    super(scope, id);
    // No CORS: browsers reach the API through the web app's CloudFront distribution, on the app's own origin.
    this.api = new HttpApi(this, "Api", { apiName: "adal", createDefaultStage: false });
    const api = this.api;
    const accessLogs = new LogGroup(this, "AccessLogs", { retention: RetentionDays.ONE_MONTH });
    this.stage = api.addStage("DefaultStage", {
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            time: "$context.requestTime",
            ip: "$context.identity.sourceIp",
            routeKey: "$context.routeKey",
            status: "$context.status",
            responseLength: "$context.responseLength",
            latency: "$context.responseLatency",
            integrationError: "$context.integrationErrorMessage",
            authorizerError: "$context.authorizer.error",
          }),
        ),
      },
    });
    const authorizer = new HttpUserPoolAuthorizer("Cognito", props.userPool, { userPoolClients: [props.userPoolClient] });

    const functions = new Construct(this, "Routes");
    for (const [routeName, route] of Object.entries(routes)) {
      const { fn } = new AppFunction(functions, routeName, {
        module: route.handler,
        description: `Adal ${route.method} ${route.path}`,
        // HTTP API gives up after 30 s; a request path that needs more belongs in a workflow.
        timeout: Duration.seconds(10),
        memorySize: 512,
        grants: route.grants,
        targets: props.targets,
      });
      this.routeFunctions.set(routeName, fn);
      const [httpRoute] = api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(routeName, fn, { payloadFormatVersion: PayloadFormatVersion.VERSION_2_0 }),
        ...(route.auth === "public" ? {} : { authorizer }),
      });
      if (route.auth === "public" && httpRoute) {
        Validations.of(httpRoute).acknowledge({
          id: "AwsSolutions-APIG4",
          reason: `${route.method} ${route.path} is declared public in the reviewed route table functions/routes.ts (${route.summary}); the handler serves it without a user.`,
        });
      }
    }
  }
}
