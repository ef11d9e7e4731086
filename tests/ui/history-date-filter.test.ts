/**
 * History's "To" date takes in the whole of that day, on days a clock change makes 23 or 25
 * hours long: it ended 24 hours after the day's midnight, so on the day summer time ends
 * (25 hours) a session started at 23:30 was left out, and on the day it starts (23 hours)
 * one of 00:30 the next day was let in.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryState } from '../../src/ui/history/history-state.svelte';
import { openDb } from '../../src/storage/open';
import { createRecorder } from '../../src/storage/recorder';
import type { RecoDb } from '../../src/storage/db';
import { dbName, item, sampleSession } from '../storage/fixtures';

const tz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});
afterAll(() => {
  process.env.TZ = tz;
});

/** A database holding one session started at each local time given. */
async function sessionsAt(times: string[]): Promise<RecoDb> {
  const db = await openDb(dbName());
  for (const [i, t] of times.entries()) {
    const { meta, events } = sampleSession(`at-${i}`);
    const r = createRecorder(db, { ...meta, startedAt: Date.parse(t), title: t }, { itemLookup: (x) => item(x) });
    for (const e of events) r.onEvent(e);
    await r.flush();
  }
  return db;
}

async function listedUpTo(db: RecoDb, to: string): Promise<string[]> {
  const h = new HistoryState(async () => db);
  await h.init();
  h.to = to;
  await h.refresh();
  return h.rows.map((r) => r.title).sort();
}

describe('History: the To date', () => {
  it('keeps 23:30 on the 25-hour day summer time ends', async () => {
    expect(new Date(Date.parse('2026-11-01T23:30:00')).getTimezoneOffset()).toBe(300); // the zone took
    const db = await sessionsAt(['2026-11-01T23:30:00', '2026-11-02T00:30:00']);
    expect(await listedUpTo(db, '2026-11-01')).toEqual(['2026-11-01T23:30:00']);
  });

  it('leaves out 00:30 of the next day after the 23-hour day summer time starts', async () => {
    const db = await sessionsAt(['2026-03-08T22:00:00', '2026-03-09T00:30:00']);
    expect(await listedUpTo(db, '2026-03-08')).toEqual(['2026-03-08T22:00:00']);
  });
});
