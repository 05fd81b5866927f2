import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutBucketCorsCommand, S3Client, type CORSConfiguration } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { LOCAL_CREDENTIALS, LOCAL_REGION } from "./awsLocal.ts";
import type { LocalLog } from "./log.ts";

// Browsers upload documents straight to the bucket with a presigned POST (cross-origin XHR, preflighted
// because the page listens to upload progress) and read them back with presigned GETs. Like the bucket on
// AWS, it answers CORS only for the exact origins of the app's pages, set once the gateway has its port.
function corsConfiguration(origins: readonly string[]): CORSConfiguration {
  return {
    CORSRules: [
      {
        AllowedOrigins: [...origins],
        AllowedMethods: ["GET", "HEAD", "POST"],
        AllowedHeaders: ["*"],
        ExposeHeaders: ["ETag"],
        MaxAgeSeconds: 3000,
      },
    ],
  };
}

export interface LocalS3Options {
  /** Keeps the objects in `<dataDir>/s3`; in a temporary directory removed on close when absent. */
  dataDir?: string;
  /** 0 or absent picks a free port. */
  port?: number;
  bucketName: string;
  log: LocalLog;
}

export interface LocalS3 {
  endpoint: string;
  /** Where the objects are kept. */
  directory: string;
  /** Answers CORS for exactly these page origins (e.g. http://127.0.0.1:3000), replacing the previous ones. */
  allowOrigins(origins: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/** Starts s3rver on a free port with the documents bucket (created if absent; no CORS until allowOrigins). */
export async function startLocalS3(options: LocalS3Options): Promise<LocalS3> {
  const { dataDir, bucketName, log } = options;
  const directory = dataDir === undefined ? await mkdtemp(join(tmpdir(), "adal-s3-")) : join(dataDir, "s3");
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: "127.0.0.1",
    port: options.port ?? 0,
    silent: true,
    directory,
    // Path-style only: the endpoint is an IP address, and the SDK never addresses an IP host virtually.
    vhostBuckets: false,
    configureBuckets: [{ name: bucketName }],
  });
  const removeTemporary = () => (dataDir === undefined ? rm(directory, { recursive: true, force: true }) : Promise.resolve());
  let port: number;
  try {
    ({ port } = await server.run());
  } catch (error) {
    await removeTemporary();
    throw error;
  }
  log("info", "s3 ready", { port, persistent: dataDir !== undefined });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return {
    endpoint,
    directory,
    async allowOrigins(origins) {
      await client.send(new PutBucketCorsCommand({ Bucket: bucketName, CORSConfiguration: corsConfiguration(origins) }));
    },
    async close() {
      client.destroy();
      const closed = server.close();
      // close() waits for keep-alive sockets of SDK clients that are still open; they carry no work.
      server.httpServer?.closeAllConnections();
      await closed;
      await removeTemporary();
    },
  };
}
