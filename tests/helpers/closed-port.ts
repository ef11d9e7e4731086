/**
 * A local URL where nothing listens: a port the OS just handed out and that is closed again
 * (connection refused), for "a server that is not there" tests.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** `http://127.0.0.1:PORT` + `path` on a port that was free a moment ago and is closed now. */
export async function closedPortUrl(path = '/v1'): Promise<string> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  return `http://127.0.0.1:${port}${path}`;
}
