/**
 * A JavaScript module as a recommender endpoint (in-process; the CLI's thread and the app's
 * worker use the same shape through postMessage). The module implements the common API as functions:
 *
 *   export default {
 *     name: 'my-rec',                                  // optional; default: the file name
 *     recommend(request) { return { items: [...] } },  // required; may be async
 *     reset(request) {},                               // optional
 *     fit(request) {},                                 // optional
 *   };
 *
 * (named exports `recommend`, `reset`, `fit`, `name` work too). Requests and replies are
 * exactly those of the HTTP API (docs/recommender-api.md), so one checker serves both.
 */
import type { ApiRequest } from '../core/recommenders/remote/protocol';
import { boundModuleReply, type EndpointReply } from '../core/recommenders/remote/reply';
import { EndpointTimeoutError, type RecommenderEndpoint } from '../core/recommenders/remote/remote-recommender';

/** What a recommender module exports. */
export interface RecommenderModule {
  name?: string;
  recommend: (request: unknown) => unknown;
  reset?: (request: unknown) => unknown;
  fit?: (request: unknown) => unknown;
}

/** The recommender object of an imported module namespace, or a clear error. */
export function recommenderModuleOf(ns: Record<string, unknown>, file: string): RecommenderModule {
  const d = ns.default as Record<string, unknown> | undefined;
  const src = d && typeof d === 'object' && typeof d.recommend === 'function' ? d : ns;
  if (typeof src.recommend !== 'function') {
    throw new Error(`${file} does not export a recommend(request) function (export default { recommend(request) { ... } })`);
  }
  for (const k of ['reset', 'fit']) {
    if (src[k] !== undefined && typeof src[k] !== 'function') throw new Error(`${file}: "${k}" is exported but is not a function`);
  }
  if (src.name !== undefined && typeof src.name !== 'string') throw new Error(`${file}: "name" must be a string`);
  return src as unknown as RecommenderModule;
}

/** A short module name from its file name: "./recs/my-rec.mjs" -> "my-rec". */
export function moduleNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(m?js|cjs|ts)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'module';
}

/**
 * An endpoint calling the module's functions in this thread. A call that rejects or throws
 * is a plain error; one that does not settle within the deadline fails (a synchronous
 * endless loop cannot be stopped in-thread: the app runs modules in a Worker and the CLI in
 * a thread, module-thread-endpoint.ts, for that). Kept for tests and in-process callers.
 */
export function moduleEndpoint(mod: RecommenderModule, name: string): RecommenderEndpoint {
  return {
    name,
    async call(request: ApiRequest, { timeoutMs }): Promise<EndpointReply> {
      const fn = request.op === 'recommend' ? mod.recommend : request.op === 'reset' ? mod.reset : mod.fit;
      if (!fn) return { kind: 'value', value: {} };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new EndpointTimeoutError(`${request.op}() did not return within ${timeoutMs} ms`)), timeoutMs);
      });
      let value: unknown;
      try {
        value = await Promise.race([Promise.resolve().then(() => fn.call(mod, request)), deadline]);
      } catch (e) {
        if (e instanceof EndpointTimeoutError) throw e;
        throw new Error(`${request.op}() threw: ${(e as Error)?.message ?? String(e)}`);
      } finally {
        clearTimeout(timer);
      }
      if (request.op !== 'recommend') return { kind: 'value', value: {} };
      // The bounds an HTTP reply has (list length, bytes), checked before anything walks it.
      const bounded = boundModuleReply(value, request.k);
      if (bounded.problem !== undefined) throw new Error(bounded.problem);
      return { kind: 'value', value };
    },
  };
}
