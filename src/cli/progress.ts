/**
 * Progress on stderr, never stdout (so `--json` output stays one clean object):
 * a redrawn bar when stderr is a terminal, else (logs, pipes) a plain line every 10%
 * once the run has taken more than a second, so quick runs stay quiet.
 */
import type { WriteStream } from 'node:tty';

export interface Progress {
  update(done: number, note?: string): void;
  finish(): void;
}

/** A no-op progress (for --quiet and tiny runs). */
export const silentProgress: Progress = { update() {}, finish() {} };

/** Progress over `total` units named `unit` (e.g. "users"). */
export function createProgress(total: number, unit: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = !!(stream as WriteStream).isTTY;
  const start = Date.now();
  let lastDraw = 0;
  let lastDecile = -1;
  let drawn = false;
  const line = (done: number, note?: string) => {
    const secs = ((Date.now() - start) / 1000).toFixed(1);
    return `${done}/${total} ${unit} ${secs} s${note ? `  ${note}` : ''}`;
  };
  return {
    update(done, note) {
      if (tty) {
        const now = Date.now();
        if (done < total && now - lastDraw < 100) return; // at most 10 redraws a second
        lastDraw = now;
        const width = 30;
        const filled = Math.round((done / Math.max(1, total)) * width);
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line(done, note)}\x1b[K`);
        drawn = true;
      } else {
        if (Date.now() - start < 1000) return;
        const decile = Math.floor((done / Math.max(1, total)) * 10);
        if (decile === lastDecile) return;
        lastDecile = decile;
        stream.write(`progress: ${line(done, note)}\n`);
      }
    },
    finish() {
      if (tty && drawn) stream.write('\n');
    },
  };
}
