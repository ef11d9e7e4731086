import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/open';
import { createRecorder } from '../../src/storage/recorder';
import { deleteSession, listSessions, loadSession, loadTrajectory } from '../../src/storage/queries';
import { exportAll, exportJsonl, exportSession, exportTrajectoryFile, importText, ImportFileError, parseImport } from '../../src/storage/export';
import { SCHEMA_VERSION, type RecoDb } from '../../src/storage/db';
import { dbName, item, sampleSession, sid } from './fixtures';

async function seeded(ids: string[]): Promise<RecoDb> {
  const db = await openDb(dbName());
  for (const id of ids) {
    const { meta, events } = sampleSession(id);
    const rec = createRecorder(db, meta, { itemLookup: (x) => item(x) });
    for (const e of events) rec.onEvent(e);
    await rec.done;
  }
  return db;
}

describe('export and import', () => {
  it('round-trips all data through one JSON file, without API keys', async () => {
    const db = await seeded(['x1', 'x2']);
    const text = await exportAll(db, 123);
    expect(text).not.toContain('sk-SECRET');
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'recoworld-playground', version: 1, kind: 'all', schemaVersion: SCHEMA_VERSION });
    expect(file.sessions).toHaveLength(2);

    const other = await openDb(dbName());
    const res = await importText(other, text);
    expect(res).toEqual({ kind: 'all', total: 2, added: 2, duplicates: 0, refused: [], events: 24, sessions: 2 });
    const a = await loadSession(db, sid('x1'));
    const b = await loadSession(other, sid('x1'));
    expect(b?.trajectory).toEqual(a?.trajectory);
    expect(b?.events).toEqual(a?.events);
    expect(b?.items.get('c')?.title).toBe('Title of c');
    // Re-importing adds nothing and says so.
    expect(await importText(other, text)).toMatchObject({ added: 0, duplicates: 2, refused: [], events: 0 });
    expect(await other.events.count()).toBe(24);
    expect(await other.sessions.count()).toBe(2);
    db.close();
    other.close();
  });

  it('exports and imports a single session', async () => {
    const db = await seeded(['one', 'two']);
    const text = await exportSession(db, sid('two'));
    expect(JSON.parse(text).kind).toBe('session');
    await deleteSession(db, sid('two'));
    expect((await listSessions(db)).map((s) => s.id)).toEqual([sid('one')]);
    expect(await db.events.where('sessionId').equals(sid('two')).count()).toBe(0);
    const res = await importText(db, text);
    expect(res.kind).toBe('session');
    expect((await listSessions(db)).map((s) => s.id).sort()).toEqual([sid('one'), sid('two')]);
    db.close();
  });

  it('a trajectory alone (database unusable) downloads as a file that imports like an exported session', async () => {
    const db = await seeded(['t1']);
    const t = (await loadTrajectory(db, sid('t1')))!;
    const text = exportTrajectoryFile(t, 5);
    expect(JSON.parse(text)).toMatchObject({ format: 'recoworld-playground', kind: 'session', exportedAt: 5 });
    const other = await openDb(dbName());
    const res = await importText(other, text);
    expect(res.added).toBe(1);
    expect(await loadTrajectory(other, (await listSessions(other))[0].id)).toEqual(t);
  });

  it('round-trips trajectories as JSONL', async () => {
    const db = await seeded(['j1', 'j2']);
    const jsonl = await exportJsonl(db);
    const lines = jsonl.trim().split('\n');
    expect(lines).toHaveLength(2);
    const other = await openDb(dbName());
    expect(await importText(other, jsonl)).toMatchObject({ kind: 'jsonl', total: 2, added: 2, duplicates: 0, events: 0 });
    expect(await loadTrajectory(other, sid('j1'))).toEqual(await loadTrajectory(db, sid('j1')));
    const [row] = await listSessions(other, { search: 'PERSONA-maya' });
    expect(row.status).toBe('complete');
    expect(row.summary.items).toBe(4);
    db.close();
    other.close();
  });

  it('names the JSONL line and the field that is wrong, and imports nothing', async () => {
    const db = await seeded(['k1']);
    const good = (await exportJsonl(db)).trim();
    const t = JSON.parse(good);
    t.id = 'k2';
    t.turns[1].decisions[0].watchSec = 'long';
    const bad = [good, JSON.stringify(t)].join('\n');
    const other = await openDb(dbName());
    await expect(importText(other, bad)).rejects.toThrow(/Line 2: .*turns\.1\.decisions\.0\.watchSec/);
    await expect(importText(other, good + '\n{not json')).rejects.toThrow(/Line 2: not valid JSON/);
    // The fallback's reason is shown on the card: a list or an object there is refused by name.
    const odd = JSON.parse(good);
    odd.id = 'k3';
    odd.turns[0].decisions[0].fallback = true;
    odd.turns[0].decisions[0].fallbackReason = { html: '<b>x</b>' };
    await expect(importText(other, [good, JSON.stringify(odd)].join('\n'))).rejects.toThrow(/Line 2: .*turns\.0\.decisions\.0\.fallbackReason/);
    try {
      parseImport(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportFileError);
      expect((e as ImportFileError).line).toBe(2);
    }
    expect(await other.sessions.count()).toBe(0);
    db.close();
    other.close();
  });

  it('names the record of a malformed export file', async () => {
    const db = await seeded(['r1', 'r2']);
    const file = JSON.parse(await exportAll(db));
    file.sessions[1].session.startedAt = 'yesterday';
    await expect(importText(db, JSON.stringify(file))).rejects.toThrow(/Session record 2 \(id r2@\d+\): session\.startedAt/);
    file.format = 'something-else';
    await expect(importText(db, JSON.stringify(file))).rejects.toThrow(/Not a RecoWorld export/);
    await expect(importText(db, '')).rejects.toThrow(/empty/);
    await expect(importText(db, '[1,2]')).rejects.toThrow(/JSON array/);
    db.close();
  });

  it('writes nothing when the transaction fails half-way', async () => {
    const src = await seeded(['h1', 'h2']);
    const text = await exportAll(src);
    const db = await seeded(['old']);
    const before = await db.sessions.count();
    // Sessions are written, then the events write fails: the whole import must roll back.
    (db.events as unknown as { bulkPut: unknown }).bulkPut = () => Promise.reject(Object.assign(new Error('disk'), { name: 'QuotaExceededError' }));
    await expect(importText(db, text)).rejects.toMatchObject({ kind: 'quota' });
    expect(await db.sessions.count()).toBe(before);
    expect(await db.sessions.get(sid('h1'))).toBeUndefined();
    src.close();
    db.close();
  });
});
