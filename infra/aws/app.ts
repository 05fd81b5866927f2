// `cdk synth` / `cdk deploy` entry (cdk.json). Environment-agnostic: it synthesises offline without
// credentials. cdk-nag's AWS Solutions pack runs on every synth and fails it on any unacknowledged finding.
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { AdalStack } from "./adalStack.ts";

const app = new App();
new AdalStack(app, "AdalStack", { description: "Adal: teacher-hiring competitions and attestation" });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
