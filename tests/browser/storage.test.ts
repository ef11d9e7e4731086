/**
 * The storage layer against real IndexedDB in real Chromium: a session recorded half-way
 * survives the browser being killed and relaunched with the same profile, and shows up
 * as 'interrupted' with its completed items; an upgrade blocked by another tab is
 * reported; exports round-trip byte for byte; the storage estimate and persistence
 * request work.
 *
 * The storage module is bundled on its own (vite library build) and served on a
 * throwaway port, so this test does not depend on the app's UI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { serveStatic } from './global-setup';
import type { Page } from 'playwright-core';
import { crashBrowser, launchBrowser, tempProfile } from './harness';
import { sampleSession } from '../storage/fixtures';
import { SCHEMA_VERSION } from '../../src/storage/db';

type StorageModule = typeof import('../../src/storage/index');

let dir = '';
let server: Server;
let url = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recoworld-storage-lib-'));
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true, minify: false, lib: { entry: resolve('src/storage/index.ts'), formats: ['es'], fileName: () => 'storage.js' } },
  });
  // The page exposes the module as window.storage (page.evaluate code cannot import:
  // vitest rewrites import() in test sources).
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><title>storage test</title><script type="module">import * as s from "./storage.js"; window.storage = s;</script>',
  );
  server = await serveStatic(dir);
  const addr = server.address();
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
});

afterAll(async () => {
  await new Promise<void>((r) => server?.close(() => r()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(page: Page): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => 'storage' in window);
}

describe('storage in real Chromium (IndexedDB)', () => {
  it('keeps the completed items of a session cut off by a browser kill, across a restart', async () => {
    const profile = await tempProfile();
    const { meta, events } = sampleSession('cut-in-browser');
    const cut = events.findIndex((e) => e.type === 'decision' && e.turn === 1);
    const partial = events.slice(0, cut + 1);

    let b = await launchBrowser({ userDataDir: profile });
    let page = await b.context.newPage();
    await open(page);
    await page.evaluate(
      async ({ meta, partial }) => {
        const s = (window as unknown as { storage: StorageModule }).storage;
        const db = await s.openDb();
        const rec = s.createRecorder(db, meta, { now: () => 10_000 });
        for (const e of partial) rec.onEvent(e);
        await rec.flush();
      },
      { meta, partial },
    );
    // The crash: SIGKILL the browser process mid-session.
    await crashBrowser(b);

    b = await launchBrowser({ userDataDir: profile });
    page = await b.context.newPage();
    await open(page);
    const got = await page.evaluate(async () => {
      const s = (window as unknown as { storage: StorageModule }).storage;
      const db = await s.openDb();
      const marked = await s.markInterrupted(db, 10_000 + 61_000);
      const rows = await s.listSessions(db);
      const id = rows[0].id;
      const loaded = (await s.loadSession(db, id))!;
      return {
        marked,
        status: rows[0]?.status,
        verno: db.verno,
        decisions: loaded.trajectory.turns.map((t: { decisions: { itemId: string }[] }) => t.decisions.map((d) => d.itemId)),
        instruction: loaded.trajectory.turns[0].reflection?.instruction?.text,
        settings: JSON.stringify(rows[0]?.settings),
      };
    });
    await b.close();
    await rm(profile, { recursive: true, force: true });
    expect(got.marked).toBe(1);
    expect(got.status).toBe('interrupted');
    expect(got.verno).toBe(SCHEMA_VERSION);
    expect(got.decisions).toEqual([['a', 'b'], ['c']]);
    expect(got.instruction).toBe('Show me something different');
    expect(got.settings).not.toContain('sk-SECRET');
  });

  it('reports an upgrade blocked by another tab, and opens once that tab lets go', async () => {
    const b = await launchBrowser();
    const old = await b.context.newPage();
    await open(old);
    await old.evaluate(async () => {
      const s = (window as unknown as { storage: StorageModule }).storage;
      const v1 = new s.RecoDb('blocked-db', { upTo: 1 });
      v1.on('versionchange', () => false); // an old tab that does not let go
      await v1.open();
      (window as unknown as { v1: unknown }).v1 = v1;
    });
    const tab = await b.context.newPage();
    await open(tab);
    const kinds = await tab.evaluate(async () => {
      const s = (window as unknown as { storage: StorageModule }).storage;
      const issues: string[] = [];
      s.onStorageIssue((e: { kind: string; message: string }) => issues.push(e.kind));
      const opening = s.openDb('blocked-db');
      // Poll for the report (up to 15 s) rather than sleeping a fixed time.
      for (let t0 = Date.now(); !issues.includes('blocked') && Date.now() - t0 < 15_000; ) await new Promise((r) => setTimeout(r, 20));
      (window as unknown as { opening: unknown }).opening = opening;
      return issues;
    });
    expect(kinds).toContain('blocked');
    await old.evaluate(() => (window as unknown as { v1: { close(): void } }).v1.close());
    const verno = await tab.evaluate(async () => ((await (window as unknown as { opening: Promise<{ verno: number }> }).opening).verno));
    expect(verno).toBe(SCHEMA_VERSION);
    await b.close();
  });

  it('round-trips a history byte for byte through real IndexedDB (all data and JSONL), and re-imports as duplicates', async () => {
    const b = await launchBrowser({ userDataDir: await tempProfile() });
    const page = await b.context.newPage();
    await open(page);
    const { meta, events } = sampleSession('same-run');
    const got = await page.evaluate(
      async ({ meta, events }) => {
        const s = (window as unknown as { storage: StorageModule }).storage;
        const db = await s.openDb('round-trip-a');
        // Two runs of one seeded session, one stopped half-way, one cut off (interrupted).
        const runs: [number, number, 'done' | 'stop' | 'cut'][] = [[1, events.length, 'done'], [2, events.length, 'done'], [3, 8, 'stop'], [4, 5, 'cut']];
        for (const [k, n, end] of runs) {
          const rec = s.createRecorder(db, { ...meta, startedAt: meta.startedAt + k * 60_000 }, { now: () => meta.startedAt + k * 60_000 + 1 });
          for (const e of events.slice(0, n)) rec.onEvent(e);
          if (end === 'stop') await rec.stop();
          else if (end === 'done') await rec.done;
          else await rec.flush();
        }
        await s.markInterrupted(db, meta.startedAt + 10_000_000);
        const all = await s.exportAll(db, 5);
        const jsonl = await s.exportJsonl(db);
        const a = await s.openDb('round-trip-b');
        const importedAll = await s.importText(a, all);
        const allAgain = await s.exportAll(a, 5);
        const againAll = await s.importText(a, all);
        const j = await s.openDb('round-trip-c');
        const importedJsonl = await s.importText(j, jsonl);
        const jsonlAgain = await s.exportJsonl(j);
        const statuses = (await s.listSessions(j)).map((r: { status: string }) => r.status).sort();
        return { all, allAgain, jsonl, jsonlAgain, importedAll, againAll, importedJsonl, statuses };
      },
      { meta, events },
    );
    await b.close();
    expect(JSON.parse(got.all).sessions).toHaveLength(4);
    expect(got.importedAll).toMatchObject({ added: 4, duplicates: 0, refused: [] });
    expect(got.allAgain).toBe(got.all);
    expect(got.againAll).toMatchObject({ added: 0, duplicates: 4, refused: [] });
    expect(got.jsonl.trim().split('\n')).toHaveLength(4);
    expect(got.importedJsonl).toMatchObject({ added: 4, duplicates: 0 });
    expect(got.jsonlAgain).toBe(got.jsonl);
    expect(got.statuses).toEqual(['complete', 'complete', 'interrupted', 'stopped']);
  });

  it('reads the storage estimate and asks for persistent storage', async () => {
    const b = await launchBrowser({ userDataDir: await tempProfile() });
    const page = await b.context.newPage();
    await open(page);
    const info = await page.evaluate(async () => {
      const s = (window as unknown as { storage: StorageModule }).storage;
      const before = await s.storageInfo();
      const granted = await s.requestPersistence();
      return { before, granted };
    });
    await b.close();
    expect(info.before.usage).toBeGreaterThanOrEqual(0);
    expect(info.before.quota).toBeGreaterThan(0);
    expect(typeof info.granted).toBe('boolean');
  });
});
