/**
 * Export and re-import through the history view of the built app, on real IndexedDB:
 * all data, one session and trajectories as JSONL each round-trip byte for byte (export,
 * delete everything, import, export again), and importing the same file twice adds
 * nothing; a malformed file shows an error naming the line and imports nothing.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { screenshot } from '../browser/harness';
import { countOf, openApp, openHistory, profileBrowser, runToEnd, waitSaved } from './helpers';

const env = profileBrowser();

async function download(page: Page, testid: string, target: ReturnType<Page['getByTestId']> = page.getByTestId(testid)): Promise<{ name: string; text: string; path: string }> {
  const [d] = (await Promise.all([page.waitForEvent('download'), target.click()])) as [Download, void];
  const path = join(env.profile, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

async function rowCount(page: Page): Promise<number> {
  return page.getByTestId('history-row').count();
}

async function deleteAll(page: Page): Promise<void> {
  while ((await rowCount(page)) > 0) {
    const n = await rowCount(page);
    await page.getByTestId('history-delete').first().click();
    await page.waitForFunction((m) => document.querySelectorAll('[data-testid="history-row"]').length < m, n);
  }
  await page.getByTestId('history-empty').waitFor();
}

describe('export and import in the history view', () => {
  it('round-trips all data, one session and JSONL byte for byte through real IndexedDB, and re-imports as duplicates', async () => {
    // Two runs of the same seeded session (same trajectory id): what the first exporter collapsed.
    const { page, errors } = await openApp(env.b.context, 'speed=16&seed=3&rec=popular');
    await runToEnd(page);
    await waitSaved(page);
    const second = await openApp(env.b.context, 'speed=16&seed=3&rec=popular');
    await runToEnd(second.page);
    await waitSaved(second.page);
    await second.page.close();
    await openHistory(page);
    expect(await countOf(page.getByTestId('history-row'), 2)).toBe(2);
    const rows = async (): Promise<string[]> => (await page.getByTestId('history-row').allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    const before = await rows();

    const all = await download(page, 'export-all');
    expect(all.name).toMatch(/\.json$/);
    const file = JSON.parse(all.text);
    expect(file.format).toBe('recoworld-playground');
    expect(file.sessions).toHaveLength(2);
    expect(file.sessions[0].events.length).toBeGreaterThan(3);
    const one = await download(page, 'export-session', page.getByTestId('history-row').first().getByTestId('export-session'));
    expect(JSON.parse(one.text).kind).toBe('session');
    const jsonl = await download(page, 'export-jsonl');
    expect(jsonl.name).toMatch(/\.jsonl$/);
    expect(jsonl.text.trim().split('\n')).toHaveLength(2);

    // Only exportedAt may differ between two exports of the same data.
    const same = (t: string): string => t.replace(/"exportedAt":\d+/, '"exportedAt":0');
    const cases: [typeof all, string, number, () => Promise<string>][] = [
      [all, 'export-all', 2, async () => (await download(page, 'export-all')).text],
      [jsonl, 'export-jsonl', 2, async () => (await download(page, 'export-jsonl')).text],
      [one, 'export-session', 1, async () => (await download(page, 'export-session', page.getByTestId('history-row').first().getByTestId('export-session'))).text],
    ];
    for (const [f, , n, exportAgain] of cases) {
      await deleteAll(page);
      await page.getByTestId('import-file').setInputFiles(f.path);
      expect(await countOf(page.getByTestId('history-row'), n)).toBe(n);
      expect(await page.getByTestId('history-notice').textContent()).toMatch(new RegExp(`Imported from ${f.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${n} sessions? added`));
      expect(same(await exportAgain())).toBe(same(f.text));
      // The same file again: nothing added, every session skipped.
      await page.getByTestId('import-file').setInputFiles(f.path);
      await page.waitForFunction((m) => /0 sessions added/.test(document.querySelector('[data-testid="history-notice"]')?.textContent ?? '') && m > 0, n);
      expect(await page.getByTestId('history-notice').textContent()).toMatch(new RegExp(`0 sessions added, ${n} skipped as already stored`));
      expect(await countOf(page.getByTestId('history-row'), n)).toBe(n);
    }
    // After the full-data import the rows read as before (titles, dates, status).
    await deleteAll(page);
    await page.getByTestId('import-file').setInputFiles(all.path);
    expect(await countOf(page.getByTestId('history-row'), 2)).toBe(2);
    expect(await rows()).toEqual(before);
    await page.getByTestId('history-open').first().click();
    await page.getByTestId('replay').waitFor();
    expect(await countOf(page.getByTestId('replay').getByTestId('item-card'), (k) => k > 1)).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });

  it('shows the error of a malformed import, naming the line, and imports nothing', async () => {
    const { page } = await openApp(env.b.context, '');
    await openHistory(page);
    const n = await rowCount(page);
    const good = JSON.stringify({ hello: 'world' });
    await page.getByTestId('import-file').setInputFiles({
      name: 'broken.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(`${good}\n{"id": "x", "turns": [}\n`),
    });
    const err = page.getByTestId('import-error');
    await err.waitFor();
    const text = (await err.textContent()) ?? '';
    expect(text).toContain('broken.jsonl');
    expect(text).toMatch(/Line 1: not a trajectory: .*/);
    await screenshot(page, 'import-error');

    await page.getByTestId('import-file').setInputFiles({
      name: 'export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'recoworld-playground', version: 1, kind: 'all', sessions: [{ session: { id: 's1' }, events: [] }] })),
    });
    await page.waitForFunction(() => /Session record 1 \(id s1\)/.test(document.querySelector('[data-testid="import-error"]')?.textContent ?? ''));
    expect(await rowCount(page)).toBe(n);
  });
});
