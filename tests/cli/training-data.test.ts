/**
 * `training-data --chat/--dpo` waits for 'drain' on its output streams: behind a slow disk or
 * pipe, what is buffered stays about one stream buffer plus one line, instead of every line
 * of the run (writes used to ignore `write()`'s false). The real command writes into a slow
 * real Writable here and the most it ever held is measured.
 */
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
