/**
 * Worker entries in tests: import a real `*.worker.ts` entry with `self` bound to one end of
 * a fresh MessageChannel and talk to it through the other end, as the app does through a
 * Worker. One per test file: `const entries = workerEntries(); afterAll(entries.close)`.
 */
import type { Endpoint } from '../../src/worker/rpc';

export interface WorkerEntries {
  /** Import an entry (it serves `self` on import); returns the port to talk to it. */
  start(load: () => Promise<unknown>): Promise<Endpoint>;
  /** Close every port and unbind `self`. */
  close(): void;
}

export function workerEntries(): WorkerEntries {
  const ports: MessagePort[] = [];
  return {
    async start(load) {
      const ch = new MessageChannel();
      ports.push(ch.port1, ch.port2);
      (globalThis as { self?: unknown }).self = ch.port1;
      await load();
      return ch.port2 as unknown as Endpoint;
    },
    close() {
      ports.forEach((p) => p.close());
      delete (globalThis as { self?: unknown }).self;
    },
  };
}
