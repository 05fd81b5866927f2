import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";

// Probed on all interfaces because DynamoDB Local binds 0.0.0.0: a port that is only free on 127.0.0.1
// would still make java fail to start.
async function listenOnce(port: number): Promise<number | undefined> {
  const server = createServer();
  server.listen(port);
  try {
    await once(server, "listening");
  } catch {
    return undefined;
  }
  const { port: bound } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return bound;
}

/** A port that was free a moment ago, for servers that cannot listen on port 0 and report back. */
export async function freePort(): Promise<number> {
  const port = await listenOnce(0);
  if (port === undefined) throw new Error("No free port");
  return port;
}

export async function isPortFree(port: number): Promise<boolean> {
  return (await listenOnce(port)) !== undefined;
}
