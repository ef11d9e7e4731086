/**
 * Bridges the core's `AbortLike` (a readonly `aborted` flag) to a real AbortController,
 * so fetch and stream reads stop as soon as the person presses Stop.
 */
import type { AbortLike } from '../core/simulator/simulator';

/** Calls `onAbort` once when `signal` aborts; returns a function that stops watching. */
export function watchAbort(signal: AbortLike | undefined, onAbort: () => void): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    onAbort();
    return () => {};
  }
  const target = signal as Partial<AbortSignal>;
  if (typeof target.addEventListener === 'function' && typeof target.removeEventListener === 'function') {
    const handler = () => onAbort();
    target.addEventListener('abort', handler, { once: true });
    return () => target.removeEventListener?.('abort', handler);
  }
  // A plain { aborted } object: poll it.
  const timer = setInterval(() => {
    if (signal.aborted) {
      clearInterval(timer);
      onAbort();
    }
  }, 50);
  return () => clearInterval(timer);
}
