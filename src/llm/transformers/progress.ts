/**
 * Transformers.js load progress as one shape: fraction over all files, megabytes, the
 * file being fetched. Transformers.js reports per-file events (`initiate`, `download`,
 * `progress` with loaded/total bytes, `done`) and a final `ready`.
 */

/** What the progress bar shows. */
export interface TjsProgress {
  phase: 'fetch' | 'init' | 'ready';
  /** In [0, 1] over the bytes of every file seen so far. */
  fraction: number;
  mbDone: number;
  mbTotal: number;
  /** The file last reported on. */
  file: string;
  /** Files finished / seen. */
  filesDone: number;
  files: number;
}

/** One raw event (the fields used here; others are ignored). */
export interface RawTjsProgress {
  status?: string;
  file?: string;
  loaded?: number;
  total?: number;
  progress?: number;
}

/** Accumulates raw events into `TjsProgress` values. */
export class ProgressTracker {
  private readonly bytes = new Map<string, { loaded: number; total: number; done: boolean }>();
  private last = '';

  /** Feed one raw event; returns the new overall progress. */
  update(e: RawTjsProgress): TjsProgress {
    const file = typeof e.file === 'string' ? e.file : '';
    if (file) {
      const f = this.bytes.get(file) ?? { loaded: 0, total: 0, done: false };
      if (Number.isFinite(e.total) && (e.total as number) > 0) f.total = e.total as number;
      if (Number.isFinite(e.loaded) && (e.loaded as number) >= 0) f.loaded = e.loaded as number;
      if (e.status === 'done') {
        f.done = true;
        if (f.total) f.loaded = f.total;
      }
      this.bytes.set(file, f);
      this.last = file;
    }
    let loaded = 0;
    let total = 0;
    let filesDone = 0;
    for (const f of this.bytes.values()) {
      loaded += f.loaded;
      total += f.total;
      if (f.done) filesDone++;
    }
    const ready = e.status === 'ready';
    return {
      phase: ready ? 'ready' : this.bytes.size ? 'fetch' : 'init',
      fraction: ready ? 1 : total > 0 ? Math.min(1, loaded / total) : 0,
      mbDone: loaded / 1e6,
      mbTotal: total / 1e6,
      file: this.last,
      filesDone,
      files: this.bytes.size,
    };
  }
}
