/**
 * The fetch transport of the common recommender API (core: src/core/recommenders/remote/):
 * one POST of the JSON request to the recommender's URL, with a deadline and a bounded
 * reply. Works in the browser, in workers and in Node 20 (global fetch).
 */
import type { ApiRequest } from '../core/recommenders/remote/protocol';
import { MAX_REPLY_BYTES, type EndpointReply } from '../core/recommenders/remote/reply';
import { EndpointTimeoutError, type RecommenderEndpoint } from '../core/recommenders/remote/remote-recommender';
import { isRedirect, redirectSummary } from './redirect';

/** Largest reply read (bytes; the core's bound, shared with module replies); a longer one is an error, not a hang or a huge buffer. */
export { MAX_REPLY_BYTES };

/** Read a response body up to `max` bytes; throws past it. */
async function boundedText(res: Response, max: number): Promise<string> {
  const len = Number(res.headers.get('content-length'));
  if (Number.isFinite(len) && len > max) throw new Error(`the reply is ${len} bytes, more than the ${max} allowed`);
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`the reply is more than the ${max} bytes allowed`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** A plain sentence for a failed fetch (refused, unknown host, CORS, timeout). */
function describeFailure(e: unknown, url: string, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `no reply from ${url} within ${timeoutMs} ms`;
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const code = err?.cause?.code;
  if (code === 'ECONNREFUSED') return `could not connect to ${url} (connection refused: is the server running?)`;
  if (code === 'ENOTFOUND') return `could not find the host of ${url}`;
  if (code) return `could not reach ${url} (${code})`;
  const msg = err?.message ?? String(e);
  // Browsers say only "Failed to fetch" for refused connections and missing CORS headers alike.
  if (/failed to fetch|networkerror|load failed/i.test(msg)) {
    return `could not reach ${url} (${msg}): is the server running, and does it send CORS headers (see docs/recommender-api.md)?`;
  }
  return `could not reach ${url} (${msg})`;
}

/** The recommender's URL answered with a redirect (said, not followed). */
class RedirectError extends Error {
  constructor(url: string, res: Response) {
    super(`${redirectSummary(url, res, url)}; use the address it points to as the recommender's URL`);
  }
}

/**
 * An endpoint that POSTs every call to `url`. `cancel` (the check's Cancel) aborts the call
 * in flight and refuses every later one, so a cancelled check leaves no request behind.
 */
export function fetchEndpoint(url: string, fetchImpl: typeof fetch = fetch, cancel?: AbortSignal): RecommenderEndpoint {
  return {
    name: url,
    async call(request: ApiRequest, { timeoutMs }): Promise<EndpointReply> {
      if (cancel?.aborted) throw new Error(`the call to ${url} was cancelled`);
      const ctrl = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        ctrl.abort();
      }, timeoutMs);
      const onCancel = () => ctrl.abort();
      cancel?.addEventListener('abort', onCancel);
      try {
        const res = await fetchImpl(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request),
          signal: ctrl.signal,
          // Not followed: a 301/302/303 turned the POST into a bodiless GET, a 307/308 re-sent
          // every request elsewhere unsaid, and a dead target read as "could not reach URL".
          redirect: 'manual',
        });
        if (isRedirect(res)) {
          await res.body?.cancel().catch(() => undefined);
          throw new RedirectError(url, res);
        }
        const text = await boundedText(res, MAX_REPLY_BYTES);
        return { kind: 'text', status: res.status, text };
      } catch (e) {
        if ((e instanceof Error && /more than the/.test(e.message)) || e instanceof RedirectError) throw e;
        if (cancel?.aborted && !timedOut) throw new Error(`the call to ${url} was cancelled`);
        const message = describeFailure(e, url, timeoutMs, timedOut);
        throw timedOut ? new EndpointTimeoutError(message) : new Error(message);
      } finally {
        clearTimeout(timer);
        cancel?.removeEventListener('abort', onCancel);
      }
    },
  };
}
