/**
 * Every export round-trips exactly (fake-indexeddb; the same check runs against real
 * IndexedDB in Chromium in tests/e2e/export-import.test.ts): export, wipe, import, export
 * again gives the same bytes, for all data, one session and JSONL. Re-importing adds
 * nothing and says so; a different session under a stored id is refused, not overwritten.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../src/core/env/environment';
import type { RecoDb } from '../../src/storage/db';
import { describeImportResult, exportAll, exportJsonl, exportSession, importText } from '../../src/storage/export';
import { openDb } from '../../src/storage/open';
import { listSessions, loadSession, markInterrupted } from '../../src/storage/queries';
import { createRecorder } from '../../src/storage/recorder';
import { dbName, item, sampleSession, T0 } from './fixtures';

const NOW = 1_800_000_000_000;

/** A decision event carrying LLM call metadata with secrets in it (as a careless engine might). */
function withLlmSecrets(events: SessionEvent[]): SessionEvent[] {
  return events.map((e) =>
    e.type === 'decision' && e.turn === 0 && e.decision.position === 0
      ? ({ ...e, decision: { ...e.decision, llm: { model: 'm', promptTokens: 10, completionTokens: 5, latencyMs: 100, tokensPerSec: 50, retries: 0, request: { headers: { Authorization: 'Bearer SECRET-A' }, refresh_token: 'SECRET-B' } } } } as unknown as SessionEvent)
      : e,
  );
}

/**
 * A history with what broke the first exporter: two runs of the same seeded session (same
 * trajectory id, different wall-clock start and title), a stopped run, an interrupted run,
 * and secrets in settings and inside an event and a trajectory.
 */
async function history(): Promise<{ db: RecoDb; ids: string[] }> {
  const db = await openDb(dbName());
  const { meta, events, trajectory } = sampleSession('same-run');
  const ids: string[] = [];
  const record = async (m: typeof meta, evs: SessionEvent[], end: 'done' | 'stop' | 'cut', clock: number): Promise<void> => {
    const rec = createRecorder(db, m, { itemLookup: (x) => item(x), now: () => clock });
    ids.push(rec.id);
    for (const e of evs) rec.onEvent(e);
    if (end === 'stop') await rec.stop();
    else if (end === 'done') await rec.done;
    else await rec.flush();
  };
  const secretTrajectory = { ...trajectory, notes: { sessionToken: 'SECRET-C', kept: 1 } };
  const ended = withLlmSecrets(events).map((e) => (e.type === 'session_end' ? { ...e, trajectory: secretTrajectory } : e));
  await record({ ...meta, startedAt: T0 + 60_000, title: 'Morning run' }, ended, 'done', T0 + 61_000);
  await record({ ...meta, startedAt: T0 + 120_000, title: 'Evening run', settings: { seed: 42, privateKey: 'SECRET-D', passwd: 'SECRET-E' } }, events, 'done', T0 + 121_000);
  const cut = events.findIndex((e) => e.type === 'reply');
  await record({ ...meta, startedAt: T0 + 180_000 }, events.slice(0, cut), 'stop', T0 + 181_000);
  await record({ ...meta, startedAt: T0 + 240_000 }, events.slice(0, 5), 'cut', T0 + 241_000);
  expect(await markInterrupted(db, T0 + 10_000_000)).toBe(1);
  return { db, ids };
}

async function wiped(): Promise<RecoDb> {
  return openDb(dbName());
}

describe('export -> wipe -> import -> export is byte-identical', () => {
  it('all data (JSON)', async () => {
    const { db } = await history();
    const first = await exportAll(db, NOW);
    for (const secret of ['SECRET-A', 'SECRET-B', 'SECRET-C', 'SECRET-D', 'SECRET-E', 'sk-SECRET']) expect(first).not.toContain(secret);
    expect(JSON.parse(first).sessions).toHaveLength(4);
    const fresh = await wiped();
    expect(await importText(fresh, first)).toMatchObject({ kind: 'all', total: 4, added: 4, duplicates: 0, refused: [] });
    expect(await exportAll(fresh, NOW)).toBe(first);
    // Re-importing the same file: nothing added, every session skipped as a duplicate.
    const again = await importText(fresh, first);
    expect(again).toMatchObject({ added: 0, duplicates: 4, refused: [], events: 0 });
    expect(describeImportResult(again, 'all.json')).toBe('Imported from all.json: 0 sessions added, 4 skipped as already stored (identical).');
    // ...also into the database it was exported from.
    expect(await importText(db, first)).toMatchObject({ added: 0, duplicates: 4 });
    db.close();
    fresh.close();
  });

  it('each session (JSON)', async () => {
    const { db, ids } = await history();
    const fresh = await wiped();
    for (const id of ids) {
      const text = await exportSession(db, id, NOW);
      expect(await importText(fresh, text)).toMatchObject({ kind: 'session', added: 1 });
      expect(await exportSession(fresh, id, NOW)).toBe(text);
    }
    expect(await exportAll(fresh, NOW)).toBe(await exportAll(db, NOW));
    db.close();
    fresh.close();
  });

  it('trajectories (JSONL): distinct runs of one seeded session stay distinct, with their titles, dates and status', async () => {
    const { db, ids } = await history();
    const jsonl = await exportJsonl(db);
    expect(jsonl.trim().split('\n')).toHaveLength(4);
    for (const secret of ['SECRET-A', 'SECRET-B', 'SECRET-C', 'SECRET-D']) expect(jsonl).not.toContain(secret);
    const fresh = await wiped();
    const res = await importText(fresh, jsonl);
    expect(res).toMatchObject({ kind: 'jsonl', total: 4, added: 4, duplicates: 0, refused: [] });
    expect(await exportJsonl(fresh)).toBe(jsonl);
    const rows = (await listSessions(fresh)).sort((a, b) => a.startedAt - b.startedAt);
    // Same ids as stored (no doubled "@start@start" ids), real titles and wall-clock dates.
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.title)).toEqual(['Morning run', 'Evening run', 'Maya x popular', 'Maya x popular']);
    expect(rows.map((r) => r.startedAt)).toEqual([T0 + 60_000, T0 + 120_000, T0 + 180_000, T0 + 240_000]);
    expect(rows.map((r) => r.status)).toEqual(['complete', 'complete', 'stopped', 'interrupted']);
    // The stopped run comes back once, as the same session.
    expect(rows.filter((r) => r.status === 'stopped')).toHaveLength(1);
    expect((await loadSession(fresh, ids[2]))?.trajectory.turns[0].decisions).toHaveLength(2);
    // Re-importing the JSONL into either database adds nothing.
    expect(await importText(fresh, jsonl)).toMatchObject({ added: 0, duplicates: 4, refused: [] });
    expect(await importText(db, jsonl)).toMatchObject({ added: 0, duplicates: 4, refused: [] });
    db.close();
    fresh.close();
  });

  it('bare trajectories (no session field) with one id but different content are kept apart, and re-import as duplicates', async () => {
    const { db } = await history();
    const lines = (await exportJsonl(db)).trim().split('\n').slice(0, 2).map((l) => {
      const { session: _s, ...t } = JSON.parse(l);
      return JSON.stringify(t);
    });
    const bare = [lines[0], JSON.stringify({ ...JSON.parse(lines[1]), seed: 43 })].join('\n');
    const fresh = await wiped();
    expect(await importText(fresh, bare)).toMatchObject({ added: 2 });
    expect(new Set((await listSessions(fresh)).map((r) => r.id)).size).toBe(2);
    expect(await importText(fresh, bare)).toMatchObject({ added: 0, duplicates: 2 });
    await expect(importText(fresh, [lines[0], lines[0]].join('\n'))).rejects.toThrow(/Line 2: repeats line 1/);
    db.close();
    fresh.close();
  });
});

describe('conflicts and counts', () => {
  it('refuses a different session under a stored id and keeps the stored one', async () => {
    const { db, ids } = await history();
    const file = JSON.parse(await exportAll(db, NOW));
    file.sessions[0].session.title = 'Edited elsewhere';
    const res = await importText(db, JSON.stringify(file));
    expect(res).toMatchObject({ added: 0, duplicates: 3, events: 0 });
    expect(res.refused).toEqual([{ id: ids[0], reason: 'a different session with this id is already stored' }]);
    expect(describeImportResult(res)).toMatch(/1 refused: a different session with the same id is already stored \(.*\); delete it first to replace it/);
    expect((await db.sessions.get(ids[0]))?.title).toBe('Morning run');
    db.close();
  });

  it('adds only what is new, and counts it', async () => {
    const { db, ids } = await history();
    const text = await exportAll(db, NOW);
    const fresh = await wiped();
    await importText(fresh, await exportSession(db, ids[1], NOW));
    const res = await importText(fresh, text);
    expect(res).toMatchObject({ total: 4, added: 3, duplicates: 1, refused: [] });
    expect(describeImportResult(res, 'x.json')).toBe('Imported from x.json: 3 sessions added, 1 skipped as already stored (identical).');
    db.close();
    fresh.close();
  });
});
