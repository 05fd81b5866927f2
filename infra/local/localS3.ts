import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import type { LocalLog } from "./log.ts";

// Browsers upload documents straight to the bucket with a presigned POST and read them back with presigned
// GETs, from whatever port the web app's dev server uses. s3rver allows at most one "*" per origin, hence
// one entry per host with and without a port.
const CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>http://localhost</AllowedOrigin>
    <AllowedOrigin>http://localhost:*</AllowedOrigin>
    <AllowedOrigin>http://127.0.0.1</AllowedOrigin>
    <AllowedOrigin>http://127.0.0.1:*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

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
  close(): Promise<void>;
}

/** Starts s3rver on a free port with the documents bucket (created if absent, CORS for localhost pages). */
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
    configureBuckets: [{ name: bucketName, configs: [CORS] }],
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
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    async close() {
      const closed = server.close();
      // close() waits for keep-alive sockets of SDK clients that are still open; they carry no work.
      server.httpServer?.closeAllConnections();
      await closed;
      await removeTemporary();
    },
  };
}
