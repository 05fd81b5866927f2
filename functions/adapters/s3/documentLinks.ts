// Presigned links to the documents bucket: the POST form a browser uploads with and the GET URL an expert
// opens. Presigning calls no service, it is SigV4 arithmetic over a policy or a URL, so this module holds
// no S3 client: with `@aws-sdk/client-s3` and the SDK's two presigners the two presign routes and
// getAssignment bundled to 500-540 KB, over the cold-start budget (issue #5). The output is the SDK's,
// byte for byte: tests/unit/adapters/documentLinks.test.ts compares it with `createPresignedPost` and
// `getSignedUrl` for the same inputs. Reading and deleting objects stays in documentsBucket.ts.
import { createHash, createHmac } from "node:crypto";
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { SignatureV4 } from "@smithy/signature-v4";

export const UPLOAD_URL_TTL_SECONDS = 10 * 60;
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;

type CredentialProvider = ReturnType<typeof defaultProvider>;
type Credentials = Awaited<ReturnType<CredentialProvider>>;

/** Which bucket links point at, where it is reached, and whose credentials sign them. */
export interface BucketTarget {
  bucket: string;
  region: string;
  /** A custom endpoint (the local stack's S3); AWS's regional endpoint when absent. */
  endpoint: string | undefined;
  forcePathStyle: boolean;
  credentials: CredentialProvider;
}

// Once per process: in a Lambda bundle the alias of infra/aws/appFunction.ts makes this the environment
// provider, which reads the role's current credentials on every call; from source it is the SDK's default
// chain, which memoizes them and refreshes them before they expire.
const processCredentials = defaultProvider();

/** The documents bucket as the SDK's own S3 client would resolve it from the environment. */
export function documentsBucketTarget(): BucketTarget {
  const bucket = process.env.BUCKET_NAME;
  if (!bucket) throw new Error("BUCKET_NAME is not set");
  const region = process.env.AWS_REGION;
  if (!region) throw new Error("AWS_REGION is not set");
  return {
    bucket,
    region,
    endpoint: process.env.AWS_ENDPOINT_URL_S3 || process.env.AWS_ENDPOINT_URL || undefined,
    forcePathStyle: process.env.S3_FORCE_PATH_STYLE === "true",
    credentials: processCredentials,
  };
}

export interface UploadPolicy {
  key: string;
  contentType: string;
  size: number;
}

/** The exact conditions a presigned POST is signed with: exact key, exact type, exact size. */
export function uploadConditions(policy: UploadPolicy) {
  return [
    ["eq", "$key", policy.key],
    ["eq", "$Content-Type", policy.contentType],
    ["content-length-range", policy.size, policy.size],
  ] as const;
}

/**
 * The form fields of a browser upload limited to exactly the policy's key, type and size. The policy lists
 * the conditions, then every form field as an equality, then the key, in the order the SDK's
 * `createPresignedPost` writes them; S3 refuses a POST whose fields or file break any of them.
 */
export async function presignUpload(policy: UploadPolicy, target = documentsBucketTarget()): Promise<{ url: string; fields: Record<string, string> }> {
  const credentials = await target.credentials();
  const now = new Date();
  const amzDate = iso8601Basic(now);
  const shortDate = amzDate.slice(0, 8);
  const fields: Record<string, string> = {
    "Content-Type": policy.contentType,
    bucket: target.bucket,
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Credential": `${credentials.accessKeyId}/${shortDate}/${target.region}/s3/aws4_request`,
    "X-Amz-Date": amzDate,
    ...(credentials.sessionToken ? { "X-Amz-Security-Token": credentials.sessionToken } : {}),
  };
  const conditions = [...uploadConditions(policy), ...Object.entries(fields).map(([name, value]) => ({ [name]: value })), { key: policy.key }];
  const expiration = new Date(now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000);
  const encodedPolicy = Buffer.from(JSON.stringify({ expiration: iso8601(expiration), conditions }), "utf8").toString("base64");
  const signature = createHmac("sha256", signingKey(credentials, shortDate, target.region)).update(encodedPolicy, "utf8").digest("hex");
  const { origin, pathStyle } = bucketEndpoint(target);
  return {
    url: pathStyle ? `${origin}/${target.bucket}` : `${origin}/`,
    fields: { ...fields, key: policy.key, Policy: encodedPolicy, "X-Amz-Signature": signature },
  };
}

/** A short-lived GET of one object that the browser shows inline under the document's own file name. */
export async function presignDownload(key: string, fileName: string, target = documentsBucketTarget()): Promise<string> {
  const { protocol, hostname, port, pathStyle } = bucketEndpoint(target);
  const signer = new SignatureV4({ service: "s3", region: target.region, credentials: target.credentials, sha256: Sha256, uriEscapePath: false, applyChecksum: false });
  const request = {
    method: "GET",
    protocol,
    hostname,
    port,
    path: `${pathStyle ? `/${target.bucket}` : ""}/${key.split("/").map(escapeUri).join("/")}`,
    // The query and headers the SDK's GetObject serializer and S3 presigner put on the request.
    query: { "response-content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(fileName)}`, "x-id": "GetObject" },
    headers: { host: port === undefined ? hostname : `${hostname}:${port}`, "X-Amz-Content-Sha256": "UNSIGNED-PAYLOAD" },
  };
  const signed = await signer.presign(request, { expiresIn: DOWNLOAD_URL_TTL_SECONDS, unsignableHeaders: new Set(["content-type"]) });
  // Every parameter is a single string here: the two above and the signer's X-Amz-*.
  const parameters = signed.query as Record<string, string>;
  const query = Object.keys(parameters)
    .sort()
    .map((name) => `${escapeUri(name)}=${escapeUri(parameters[name]!)}`)
    .join("&");
  return `${protocol}//${request.headers.host}${request.path}?${query}`;
}

// S3's endpoint rules as the SDK applies them to a bucket: virtual-hosted (`<bucket>.<host>`) unless path
// style is forced, the endpoint is an IP address or the name cannot be a single DNS label (dots break the
// certificate's wildcard).
function bucketEndpoint(target: BucketTarget) {
  const url = new URL(target.endpoint ?? `https://s3.${target.region}.${target.region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com"}`);
  const pathStyle = target.forcePathStyle || !/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(target.bucket) || /^(\d+\.){3}\d+$|^\[/.test(url.hostname);
  const hostname = pathStyle ? url.hostname : `${target.bucket}.${url.hostname}`;
  const port = url.port === "" ? undefined : Number(url.port);
  return { protocol: url.protocol, hostname, port, pathStyle, origin: `${url.protocol}//${hostname}${port === undefined ? "" : `:${port}`}` };
}

function signingKey(credentials: Credentials, shortDate: string, region: string): Buffer {
  return ["aws4_request", "s3", region, shortDate].reduceRight<Buffer>(
    (key, part) => createHmac("sha256", key).update(part, "utf8").digest(),
    Buffer.from(`AWS4${credentials.secretAccessKey}`, "utf8"),
  );
}

/** RFC 3986 escaping as SigV4 and the SDK's URL builder do it: encodeURIComponent plus !'()*. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, "Z");
const iso8601Basic = (date: Date) => iso8601(date).replace(/[-:]/g, "");

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): Buffer =>
  typeof data === "string" ? Buffer.from(data, "utf8") : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);

/** The hash SignatureV4 asks for, on node:crypto: SHA-256, or HMAC-SHA256 when given a secret. */
class Sha256 {
  readonly #hash;
  constructor(secret?: SourceData) {
    this.#hash = secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(secret));
  }
  update(data: SourceData): void {
    this.#hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
}
