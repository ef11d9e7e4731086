/**
 * The real browser's Live view and `npm run simulate` run the same description the same
 * way: every list of the session (titles, in order) and the number of lists are equal.
 * The lists after the first depend on what the simulated user did and said, so equal
 * lists mean equal runs. mf-bpr is included because the Live view used to fit it with
 * another random stream than the CLI (issue 9).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main as simulateMain } from '../../src/cli/simulate';
import { cliArgsOf } from '../../src/cli/simulate-args';
import { loadBuiltinCatalog } from '../../src/core/catalog/builtin';
import { parseRunDescription, type RunDescription } from '../../src/core/run';
import { settingsOf } from '../../src/ui/state/describe-run';
import { encodeSettings } from '../../src/ui/state/url-settings';
import { openApp, profileBrowser, runToEnd } from './helpers';

const env = profileBrowser();

/** The CLI's lists (item titles per turn) for a description. */
async function cliLists(d: RunDescription): Promise<string[][]> {
  const file = join(mkdtempSync(join(tmpdir(), 'same-run-e2e-')), 'out.jsonl');
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    expect(await simulateMain([...cliArgsOf(d), '--json', '--quiet', '--out', file])).toBe(0);
  } finally {
    write.mockRestore();
  }
  const catalog = await loadBuiltinCatalog(d.catalog);
  const title = new Map(catalog.items.map((i) => [i.id, i.title]));
  const line = JSON.parse(readFileSync(file, 'utf8').trim().split('\n')[0]);
  return line.transitions.map((t: { action: { itemIds: string[] } }) => t.action.itemIds.map((id) => title.get(id) ?? id));
}

describe('the browser Live view and the CLI run a description the same way', () => {
  for (const d of [parseRunDescription({}), parseRunDescription({ recommender: { name: 'mf-bpr', follow: false }, turns: 4 })]) {
    const label = d.recommender.follow ? `${d.recommender.name}+follow` : d.recommender.name;
    it(`${label}, seed ${d.seed}`, async () => {
      const expected = await cliLists(d);
      const { page, errors } = await openApp(env.b.context, `${encodeSettings(settingsOf(d))}&speed=16`);
      await runToEnd(page);
      const lists: string[][] = [];
      for (const turn of await page.getByTestId('turn').all()) lists.push(await turn.getByTestId('item-card').locator('.title').allTextContents());
      expect(lists.length).toBeGreaterThan(0);
      expect(lists.map((l) => l.map((t) => t.trim()))).toEqual(expected);
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});
