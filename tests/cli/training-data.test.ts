/**
 * `training-data --chat/--dpo` waits for 'drain' on its output streams: behind a slow disk or
 * pipe, what is buffered stays about one stream buffer plus one line, instead of every line
 * of the run (writes used to ignore `write()`'s false). The real command writes into a slow
 * real Writable here and the most it ever held is measured.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseTrainingDataArgs, writeTrainingData } from '../../src/cli/training-data';
import { captureStdio } from '../helpers/capture-stdio';

/** A Writable that takes 2 ms per chunk and records the most it ever held unwritten. */
function slowSink(highWaterMark: number) {
  const lines: string[] = [];
  const seen = { maxBuffered: 0, longestLine: 0 };
  const w = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, done) {
      const line = String(chunk);
      lines.push(line);
      seen.longestLine = Math.max(seen.longestLine, chunk.length);
      setTimeout(done, 2);
    },
  });
  const write = w.write.bind(w);
  w.write = ((chunk: string, ...rest: never[]) => {
    const ok = write(chunk, ...rest);
    seen.maxBuffered = Math.max(seen.maxBuffered, w.writableLength);
    return ok;
  }) as typeof w.write;
  return { w, lines, seen };
}

describe('training-data: bounded output', () => {
  it('--chat and --dpo behind a slow stream hold at most one buffer plus one line, and lose no line', async () => {
    const o = (await parseTrainingDataArgs(['--users', '20', '--seed', '42', '--chat', 'chat.jsonl', '--dpo', 'dpo.jsonl', '--json', '--min-followed', '0', '--min-better-off', '0']))!;
    const sinks = new Map<string, ReturnType<typeof slowSink>>();
    const r = await captureStdio(() => writeTrainingData(o, { open: (path) => {
      const s = slowSink(1024);
      sinks.set(path, s);
      return s.w;
    } }));
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    const chat = sinks.get('chat.jsonl')!;
    const dpo = sinks.get('dpo.jsonl')!;
    expect(chat.lines).toHaveLength(summary.kept);
    expect(dpo.lines).toHaveLength(summary.pairs);
    // Enough lines that buffering them all would be well over the bound.
    expect(summary.kept).toBeGreaterThanOrEqual(2);
    expect(summary.pairs).toBeGreaterThan(5);
    for (const s of [chat, dpo]) {
      const total = s.lines.reduce((n, l) => n + l.length, 0);
      expect(total).toBeGreaterThan(2 * (1024 + s.seen.longestLine));
      expect(s.seen.maxBuffered).toBeLessThanOrEqual(1024 + s.seen.longestLine);
      for (const l of s.lines) expect(() => JSON.parse(l)).not.toThrow();
    }
  }, 60_000);
});

/** `bash -c script` from the repository root: its exit code, stdout and stderr. */
function sh(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) =>
    execFile('bash', ['-c', script], { cwd: new URL('../..', import.meta.url).pathname, timeout: 60_000 }, (err, stdout, stderr) => done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr })),
  );
}

const TRAINING_DATA = `"${process.execPath}" --import tsx src/cli/training-data.ts`;
/** A rival in its own thread: the run waits on it between writes, when an output's error can arrive. */
const MODULE_RIVAL = '--recommender linucb+follow --recommender-module examples/module/my-rec.mjs --rival module:fresh-interests';

describe('training-data: an output file that fails', () => {
  it.runIf(existsSync('/dev/full'))('--dpo on a full disk: one line with the error, exit 1 (an error that came while the run waited on the rival was Node\'s unhandled-error stack)', async () => {
    const r = await sh(`${TRAINING_DATA} --users 3 ${MODULE_RIVAL} --dpo /dev/full`);
    expect(r.stderr).toBe('training-data: ENOSPC: no space left on device, write\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  }, 70_000);

  it('--dpo /dev/stdout | head -1: the first pair, nothing on stderr, exit 141 like stdout closed early (it said "EPIPE: broken pipe", exit 1)', async () => {
    // 80 users' pairs are ~100 KB, more than a pipe holds: the writer meets the closed pipe.
    const r = await sh(`${TRAINING_DATA} --users 80 --dpo /dev/stdout | head -1; echo "exit \${PIPESTATUS[0]}" >&2`);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(r.stdout)).toHaveProperty('chosen');
    expect(r.stderr).toBe('exit 141\n');
  }, 70_000);
});
