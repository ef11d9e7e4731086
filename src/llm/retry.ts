/**
 * Retrying an HTTP engine call that failed for a reason that may pass (connection refused,
 * 429, 5xx): exponential backoff with jitter (the jitter's random source is injectable, so
 * a run with a seed waits the same), `Retry-After` honoured in seconds or as an HTTP date
 * up to a cap (a server that asks for longer is not retried: the error says so), and an
 * abortable sleep.
 */
import { ChatEngineError } from '../core/llm/chat-engine';
import type { AbortLike } from '../core/simulator/simulator';
import { watchAbort } from './abort';

export interface RetryPolicy {
  /** Retries after the first attempt. Default 3. */
  retries: number;
  /** First backoff in ms (doubles per retry). Default 500. */
  baseMs: number;
  /** Longest backoff in ms. Default 8 000. */
  maxMs: number;
  /** Longest `Retry-After` the engine waits, in ms. Default 30 000. */
  maxRetryAfterMs: number;
  /** Uniform [0, 1) for the jitter. Default: a fixed-seed generator (not Math.random), so runs repeat. */
  random: () => number;
  /** Wait `ms` (injectable for tests); rejects with an 'aborted' error when `signal` aborts. */
  sleep: (ms: number, signal?: AbortLike) => Promise<void>;
}

/** A small seeded generator (mulberry32) for the default jitter. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sleep that an abort cuts short. */
export function abortableSleep(ms: number, signal?: AbortLike): Promise<void> {
  return new Promise((resolve, reject) => {
    let unwatch = () => {};
    const timer = setTimeout(() => {
      unwatch();
      resolve();
    }, ms);
    unwatch = watchAbort(signal, () => {
      clearTimeout(timer);
      reject(new ChatEngineError('aborted', 'Stopped'));
    });
  });
}

/** The defaults, with any fields given replaced. */
export function retryPolicy(over: Partial<RetryPolicy> = {}): RetryPolicy {
  return { retries: 3, baseMs: 500, maxMs: 8_000, maxRetryAfterMs: 30_000, random: seededRandom(0x5eed), sleep: abortableSleep, ...over };
}

/** Backoff before retry number `attempt` (0-based): half the exponential step plus a random half ("equal jitter"). */
export function backoffMs(attempt: number, p: Pick<RetryPolicy, 'baseMs' | 'maxMs' | 'random'>): number {
  const step = Math.min(p.maxMs, p.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + p.random() * (step / 2));
}

/**
 * `Retry-After` in ms: delay-seconds ("120") or an HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"),
 * measured against `nowMs` (wall clock). Null when absent or unreadable; 0 for a date in the past.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) {
    const s = Number(v);
    return Number.isSafeInteger(s) ? s * 1000 : null;
  }
  if (!/[a-z]/i.test(v)) return null; // "1.5", "-3": not a valid Retry-After
  const at = Date.parse(v);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, at - nowMs);
}

/** True for the HTTP statuses worth retrying: 408, 429 and 5xx other than 501 (not implemented). */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501);
}
