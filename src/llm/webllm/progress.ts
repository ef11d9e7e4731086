/**
 * WebLLM's load progress, as one typed shape: phase, fraction, MB done and total, speed.
 * WebLLM reports `{progress, timeElapsed, text}` where the text carries the megabytes
 * ("Fetching param cache[3/24]: 120MB fetched. 10% completed, ..."); this parses it.
 */

/** What the progress bar shows. */
export interface LoadProgress {
  /** 'download': fetching weights from the network; 'cache': loading from the browser cache onto the GPU; 'init': everything else (libraries, tokenizer, shaders). */
  phase: 'download' | 'cache' | 'init' | 'ready';
  /** In [0, 1]. */
  fraction: number;
  /** Megabytes fetched (download) or loaded (cache) so far; null when unknown. */
  mbDone: number | null;
  /** Total megabytes, derived from mbDone / fraction; null when unknown. */
  mbTotal: number | null;
  /** Megabytes per second since the previous report with a byte count; null when unknown. */
  mbPerSec: number | null;
  /** Seconds since loading started. */
  elapsedSec: number;
  /** WebLLM's own text, for the details line. */
  text: string;
}

/** WebLLM's report (`InitProgressReport`). */
export interface RawProgress {
  progress: number;
  timeElapsed: number;
  text: string;
}

/** Parse a report; `prev` (the previous parsed report) gives the speed. */
export function parseProgress(r: RawProgress, prev: LoadProgress | null): LoadProgress {
  const m = /(\d+(?:\.\d+)?)\s*MB (fetched|loaded)/i.exec(r.text);
  const fraction = Math.max(0, Math.min(1, Number.isFinite(r.progress) ? r.progress : 0));
  const mbDone = m ? Number(m[1]) : null;
  const phase: LoadProgress['phase'] = m ? (m[2].toLowerCase() === 'fetched' ? 'download' : 'cache') : /finish loading|ready/i.test(r.text) ? 'ready' : 'init';
  const mbTotal = mbDone !== null && fraction > 0 ? Math.round(mbDone / fraction) : prev?.mbTotal ?? null;
  let mbPerSec = prev?.mbPerSec ?? null;
  if (mbDone !== null && prev?.mbDone != null && prev.phase === phase && r.timeElapsed > prev.elapsedSec) {
    mbPerSec = (mbDone - prev.mbDone) / (r.timeElapsed - prev.elapsedSec);
  } else if (mbDone !== null && prev?.mbDone == null && r.timeElapsed > 0) {
    mbPerSec = mbDone / r.timeElapsed;
  }
  return { phase, fraction, mbDone, mbTotal, mbPerSec, elapsedSec: r.timeElapsed, text: r.text };
}
