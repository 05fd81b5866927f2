// The Lambda bundles as the CDK app builds them (infra/aws/appFunction.ts `lambdaBundling`, through the same
// translation bench/coldStart.ts uses): the SDK's default credential chain is aliased away, and the bundle
// still signs DynamoDB requests with the credentials Lambda puts in the environment. The presigning routes
// carry no S3 client at all and fit the 400 KB budget of issue #5.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lambdaBuildOptions } from "../../bench/coldStart.ts";

const run = promisify(execFile);

/** What the default chain carries beyond its environment link; none of it may reach a Lambda bundle. */
const CHAIN_ONLY = /node_modules\/@aws-sdk\/(credential-provider-(node|sso|ini|process|web-identity|login|http)|nested-clients)\/|node_modules\/@smithy\/credential-provider-imds\//;

let dir: string;
const bundle = async (entry: string, alias: boolean): Promise<{ file: string; bytes: number; metafile: Metafile }> => {
  const file = join(dir, `${entry.replace(/\W+/g, "-")}-${alias ? "aliased" : "plain"}.mjs`);
  const { metafile } = await build(lambdaBuildOptions(entry, file, { alias }));
  return { file, bytes: readFileSync(file).byteLength, metafile: metafile! };
};
const inputs = (metafile: Metafile): string[] => Object.keys(metafile.inputs);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "adal-lambda-bundle-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a Lambda bundle of a route", () => {
  const entry = "functions/api/applications/createApplication.ts";

  it("carries the environment-only credential provider instead of the default chain, and is smaller by what the chain weighed", async () => {
    const [aliased, plain] = await Promise.all([bundle(entry, true), bundle(entry, false)]);
    expect(inputs(aliased.metafile)).toContain("functions/platform/aws/lambdaCredentialProvider.ts");
    expect(inputs(aliased.metafile).filter((input) => CHAIN_ONLY.test(input))).toEqual([]);

    const chainBytes = Object.values(plain.metafile.outputs)
      .flatMap((output) => Object.entries(output.inputs))
      .filter(([input]) => CHAIN_ONLY.test(input))
      .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
    // The chain's own packages (~90 KB here) and a sanity floor that keeps the comparison meaningful.
    expect(chainBytes).toBeGreaterThan(50 * 1024);
    // Minified names may shift a little; the bundle must shed at least nearly all of the chain's own bytes
    // (it sheds more: ~130 KB, with the shared SDK code only the chain used).
    expect(aliased.bytes).toBeLessThan(plain.bytes - 0.95 * chainBytes);
  });
});

/** The S3 client and the SDK's presigners: a presigning route needs none of them (documentLinks.ts). */
const S3_CLIENT = /node_modules\/@aws-sdk\/(client-s3|s3-presigned-post|s3-request-presigner)\//;
const LAMBDA_BUNDLE_BUDGET = 400 * 1024;

describe.each([
  "functions/api/applications/createApplicationDocument.ts",
  "functions/api/attestations/createAttestationDocument.ts",
  "functions/api/scoring/getAssignment.ts",
  "functions/api/applications/getApplication.ts",
  "functions/api/attestations/getAttestation.ts",
])(
  "the presigning route %s bundled for Lambda",
  (entry) => {
    it("holds no S3 client or SDK presigner, signs with @smithy/signature-v4, and fits the 400 KB budget", async () => {
      const { bytes, metafile } = await bundle(entry, true);
      expect(inputs(metafile)).toContain("functions/adapters/s3/documentLinks.ts");
      expect(inputs(metafile)).not.toContain("functions/adapters/s3/documentsBucket.ts");
      expect(inputs(metafile).filter((input) => S3_CLIENT.test(input))).toEqual([]);
      expect(inputs(metafile).some((input) => input.includes("node_modules/@smithy/signature-v4/"))).toBe(true);
      expect(bytes).toBeLessThanOrEqual(LAMBDA_BUNDLE_BUDGET);
    });
  },
);

describe("the presigned links bundled the same way", () => {
  it("are signed with the credentials and region Lambda puts in the environment", async () => {
    const { file } = await bundle("functions/adapters/s3/documentLinks.ts", true);
    const script = `const links = await import(${JSON.stringify(pathToFileURL(file).href)});
      const upload = await links.presignUpload({ key: "applications/a/b", contentType: "application/pdf", size: 10 });
      const download = await links.presignDownload("applications/a/b", "a.pdf");
      console.log(JSON.stringify({ upload, download }));`;
    const env = {
      PATH: process.env.PATH ?? "",
      AWS_REGION: "eu-central-1",
      BUCKET_NAME: "adal-documents-test",
      AWS_ACCESS_KEY_ID: "ASIALAMBDATEST",
      AWS_SECRET_ACCESS_KEY: "secret",
      AWS_SESSION_TOKEN: "session-token",
    };
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { env, timeout: 20_000 });
    const { upload, download } = JSON.parse(stdout) as { upload: { url: string; fields: Record<string, string> }; download: string };
    expect(upload.url).toBe("https://adal-documents-test.s3.eu-central-1.amazonaws.com/");
    expect(upload.fields["X-Amz-Credential"]).toMatch(/^ASIALAMBDATEST\/\d{8}\/eu-central-1\/s3\/aws4_request$/);
    expect(upload.fields["X-Amz-Security-Token"]).toBe("session-token");
    expect(upload.fields["X-Amz-Signature"]).toMatch(/^[0-9a-f]{64}$/);
    const url = new URL(download);
    expect(url.origin + url.pathname).toBe("https://adal-documents-test.s3.eu-central-1.amazonaws.com/applications/a/b");
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(/^ASIALAMBDATEST\/\d{8}\/eu-central-1\/s3\/aws4_request$/);
    expect(url.searchParams.get("X-Amz-Security-Token")).toBe("session-token");
  });
});

describe("the bare GetItem handler bundled the same way", () => {
  let server: Server;
  let endpoint: string;
  const requests: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    // Stands in for DynamoDB: records the signed request's headers and answers one item.
    server = createServer((request, response) => {
      requests.push(request.headers);
      request.resume().on("end", () => {
        response.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
        response.end(JSON.stringify({ Item: { pk: { S: "a" }, sk: { S: "x" } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const invoke = async (file: string, credentials: Record<string, string>): Promise<{ ok: boolean; output: string }> => {
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(JSON.stringify(await handler({ id: "a" })));`;
    const env = { PATH: process.env.PATH ?? "", AWS_REGION: "eu-central-1", TABLE_NAME: "adal-test", AWS_ENDPOINT_URL_DYNAMODB: endpoint, ...credentials };
    try {
      const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { env, timeout: 20_000 });
      return { ok: true, output: stdout };
    } catch (error) {
      return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
    }
  };

  it("signs GetItem with the credentials in the environment, and fails with the SDK's error without them", async () => {
    const { file } = await bundle("bench/reference/bareGetItem.ts", true);

    const signed = await invoke(file, { AWS_ACCESS_KEY_ID: "AKIDLAMBDATEST", AWS_SECRET_ACCESS_KEY: "secret", AWS_SESSION_TOKEN: "session-token" });
    expect(signed).toEqual({ ok: true, output: `${JSON.stringify({ pk: "a", sk: "x" })}\n` });
    expect(requests).toHaveLength(1);
    expect(requests[0]!["x-amz-target"]).toBe("DynamoDB_20120810.GetItem");
    expect(requests[0]!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDLAMBDATEST\/\d{8}\/eu-central-1\/dynamodb\/aws4_request/);
    expect(requests[0]!["x-amz-security-token"]).toBe("session-token");

    // The default chain would go on to files, SSO and the instance metadata service; this one stops here.
    const unsigned = await invoke(file, {});
    expect(unsigned.ok).toBe(false);
    expect(unsigned.output).toContain("CredentialsProviderError");
    expect(unsigned.output).toContain("Unable to find environment variable credentials.");
    expect(requests).toHaveLength(1);
  });
});
