import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { RecoDb, SCHEMA_VERSION } from '../../src/storage/db';
import { openDb, onStorageIssue } from '../../src/storage/open';
import { StorageError, toStorageError } from '../../src/storage/errors';
import { dbName } from './fixtures';

describe('schema versions and migration', () => {
  it('upgrades a version-1 database to version 2, filling searchText and the endReason index', async () => {
    const name = dbName();
    const v1 = new RecoDb(name, { upTo: 1 });
    await v1.open();
    expect(v1.verno).toBe(1);
    // A v1 row: no title, no searchText.
    await v1.sessions.put({
      id: 's1', startedAt: 1, updatedAt: 1, status: 'complete', seed: 1, userId: 'pop-3', userName: 'Ana',
      recommender: 'LinUCB', simulator: 'rule-based', catalogId: 'shortvideo', instructionsEnabled: true,
      settings: {}, summary: { turns: 1, items: 2, watchSec: 3, instructions: 0 }, endReason: 'time_up',
    } as never);
    v1.close();

    const v2 = await openDb(name);
    expect(v2.verno).toBe(SCHEMA_VERSION);
    const row = await v2.sessions.get('s1');
    expect(row?.title).toBe('Ana x LinUCB');
    expect(row?.searchText).toContain('ana');
    expect(row?.searchText).toContain('linucb');
    // The new index is queryable (Dexie throws on an unindexed where()).
    expect(await v2.sessions.where('endReason').equals('time_up').count()).toBe(1);
    expect(await v2.sessions.where('searchText').startsWith('ana').count()).toBe(1);
    v2.close();
  });

  it('reports a blocked upgrade and a version change as typed storage errors', async () => {
    const name = dbName();
    const issues: StorageError[] = [];
    const off = onStorageIssue((e) => issues.push(e));
    const old = new RecoDb(name, { upTo: 1 });
    await old.open();
    // Keep the old connection from closing on versionchange: the upgrade is blocked.
    old.on('versionchange', () => false);
    const opening = openDb(name);
    await vi.waitFor(() => expect(issues.map((i) => i.kind)).toContain('blocked'), { timeout: 15_000, interval: 20 });
    old.close();
    const db = await opening;
    expect(db.verno).toBe(SCHEMA_VERSION);

    // Another "tab" asks for a newer version: this connection closes and says why.
    issues.length = 0;
    const newer = new RecoDb(name);
    newer.version(SCHEMA_VERSION + 1).stores({});
    await newer.open();
    expect(issues.map((i) => i.kind)).toContain('versionchange');
    expect(issues[0].message).toMatch(/Reload/);
    expect(db.isOpen()).toBe(false);
    newer.close();
    off();
  });

  it('maps quota and missing-API errors to kinds with clear messages', () => {
    const quota = toStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' }, message: 'x' });
    expect(quota.kind).toBe('quota');
    expect(quota.message).toMatch(/full/);
    expect(toStorageError({ name: 'MissingAPIError', message: 'no indexedDB' }).kind).toBe('unavailable');
    expect(toStorageError(Object.assign(new Error('IndexedDB API missing. Please visit https://tinyurl.com/x'), { name: 'MissingAPIError' })).message).not.toContain('tinyurl');
    expect(toStorageError(new Error('boom')).kind).toBe('unknown');
  });
});
