/**
 * Fits written as generators that pause between chunks of their work (the offline embedding,
 * k-means, semantic IDs): run straight through, a generator is the one-go fit (the CLI); run
 * paced, the page paints, shows progress and reads Cancel between chunks. Same arithmetic in
 * the same order either way, so the same result.
 */

/** A fit that yields the fraction of its work done (0..1) between chunks and returns its result. */
export type Steps<T> = Generator<number, T, void>;

/** Run `steps` straight through: the one-go fit. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** The steps of `inner`, their fractions mapped by `at` (a part of a larger fit). */
export function* mapSteps<T>(inner: Steps<T>, at: (f: number) => number): Steps<T> {
  for (;;) {
    const s = inner.next();
    if (s.done) return s.value;
    yield at(s.value);
  }
}

/** How a paced fit reports, pauses and stops. */
export interface ChunkedOptions {
  /** Rows (or features) of one chunk. Default 256. */
  chunkRows?: number;
  /** Aborted: the fit stops at the next chunk with an AbortError. */
  signal?: { readonly aborted: boolean };
  /** After each chunk, the fraction of the work done (0..1; 1 once, at the end). */
  onProgress?: (fraction: number) => void;
  /** Called after each chunk; the fit waits for what it returns (the page: a turn of the event loop, now and then). */
  pause?: () => Promise<void> | void;
}

/** Rows of one chunk when the caller gives none. */
export const CHUNK_ROWS = 256;

/** The chunk size `opts` asks for: a whole number of at least 1 (CHUNK_ROWS by default). */
export function chunkRows(opts: ChunkedOptions): number {
  return Math.max(1, Math.floor(opts.chunkRows ?? CHUNK_ROWS));
}

/** Run `steps` paced by `opts`; `what` names the fit in the AbortError ("The `what` was cancelled"). */
export async function runChunked<T>(steps: Steps<T>, opts: ChunkedOptions, what: string): Promise<T> {
  const cancelled = () => Object.assign(new Error(`The ${what} was cancelled`), { name: 'AbortError' });
  for (;;) {
    if (opts.signal?.aborted) throw cancelled();
    const s = steps.next();
    opts.onProgress?.(s.done ? 1 : s.value);
    await opts.pause?.();
    if (s.done) {
      if (opts.signal?.aborted) throw cancelled();
      return s.value;
    }
  }
}
