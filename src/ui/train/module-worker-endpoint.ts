/**
 * A user's module, running in its own Worker, as a `RecommenderEndpoint`. A call past its
 * deadline terminates the worker (a module stuck in a loop cannot freeze the page) and
 * every later call fails with that reason. `cancel` (the check's Cancel) terminates the
 * worker too, while it loads or while a call runs.
 */
import { EndpointTimeoutError, type RecommenderEndpoint } from '../../core/recommenders/remote/remote-recommender';
import { connect, type Endpoint } from '../../worker/rpc';
import type { ModuleHostApi } from './module-host-protocol';

/** Longest wait for a module to load in its worker. */
export const LOAD_TIMEOUT_MS = 10_000;

export async function loadModuleInWorker(
  source: string,
  file: string,
  makeWorker: () => Endpoint = () => new Worker(new URL('./module-host.worker.ts', import.meta.url), { type: 'module' }) as unknown as Endpoint,
  cancel?: AbortSignal,
): Promise<{ name: string; endpoint: RecommenderEndpoint; close(): void }> {
  if (cancel?.aborted) throw new Error('the check was cancelled');
  const client = connect<ModuleHostApi>(makeWorker(), `Module ${file}`);
  let dead: string | null = null;
  cancel?.addEventListener('abort', () => {
    dead = 'the check was cancelled; the module\'s worker was stopped (load it again)';
    client.close(dead);
  }, { once: true });
  // Loading has a deadline too: a module that loops at import time is stopped, not waited for.
  let loadTimer: ReturnType<typeof setTimeout> | undefined;
  const { name: declared } = await Promise.race([
    client.call('load', { source, file }),
    new Promise<never>((_, reject) => {
      loadTimer = setTimeout(() => {
        const why = `${file} did not load within ${LOAD_TIMEOUT_MS} ms; its worker was stopped`;
        client.close(why);
        reject(new Error(why));
      }, LOAD_TIMEOUT_MS);
    }),
  ])
    .catch((e: unknown) => {
      // A module that failed to load leaves no worker behind; its error names the file.
      client.close('load failed');
      const msg = (e as Error)?.message ?? String(e);
      throw new Error(msg.startsWith(file) ? msg : `${file} could not be loaded: ${msg}`);
    })
    .finally(() => clearTimeout(loadTimer));
  // At most 64 characters: the name is a menu label and travels in links.
  const name = `module:${(declared ?? file.replace(/\.(m?js)$/i, '')).replace(/^module:/, '').replace(/[^\w.-]+/g, '-').slice(0, 64)}`;
  const endpoint: RecommenderEndpoint = {
    name,
    async call(request, { timeoutMs }) {
      if (dead) throw new Error(dead);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          dead = `${request.op}() did not return within ${timeoutMs} ms; the module's worker was stopped (load it again)`;
          // Rejected before close(): close() fails the pending call too, and the race takes the first.
          reject(new EndpointTimeoutError(dead));
          client.close(dead);
        }, timeoutMs);
      });
      try {
        const value = await Promise.race([client.call('call', { request }), deadline]);
        return { kind: 'value', value };
      } finally {
        clearTimeout(timer);
      }
    },
  };
  return { name, endpoint, close: () => client.close('closed') };
}
