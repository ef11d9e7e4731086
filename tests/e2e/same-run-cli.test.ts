/**
 * The real browser's Live view and `npm run simulate` run the same description the same
 * way: the session's decisions (every list, every action, watch time, interest, reward and
 * instruction, as canonical JSON: core/run/canonical.ts) are identical. The browser's side
 * is the trajectory the app stored in its real IndexedDB, as the History view exports it
 * (JSONL); the CLI's side comes from the shared helper (tests/ui/cli-decisions.ts). The
 * same description with another seed gives other decisions, so equality means something.
 * mf-bpr is included because the Live view used to fit it with another random stream than
 * the CLI (issue 9).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cliArgsOf } from '../../src/cli/simulate-args';
import { canonicalJson, parseRunDescription, trajectoryDecisions, type RunDescription } from '../../src/core/run';
import type { Trajectory } from '../../src/core/types';
import { settingsOf } from '../../src/ui/state/describe-run';
import { encodeSettings } from '../../src/ui/state/url-settings';
import { cliDecisions } from '../ui/cli-decisions';
import { openApp, openHistory, profileBrowser, runToEnd, waitSaved } from './helpers';

const env = profileBrowser();

/** The stored trajectories, as the History view's "Export trajectories (JSONL)" writes them. */
async function exportedTrajectories(page: Page): Promise<Trajectory[]> {
  await openHistory(page);
  const [d] = (await Promise.all([page.waitForEvent('download'), page.getByTestId('export-jsonl').click()])) as [Download, void];
  const path = join(env.profile, d.suggestedFilename());
  await d.saveAs(path);
  return (await readFile(path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Trajectory);
}

describe('the browser Live view and the CLI run a description the same way', () => {
  for (const d of [parseRunDescription({}), parseRunDescription({ recommender: { name: 'mf-bpr', follow: false }, turns: 4 })]) {
    const label = d.recommender.follow ? `${d.recommender.name}+follow` : d.recommender.name;
    it(`${label}, seed ${d.seed}`, async () => {
      const expected = await cliDecisions(cliArgsOf(d));
      const other: RunDescription = { ...d, seed: d.seed + 1 };
      // Another seed decides otherwise: equal decisions below are not a given.
      expect(await cliDecisions(cliArgsOf(other))).not.toBe(expected);

      const { page, errors } = await openApp(env.b.context, `${encodeSettings(settingsOf(d))}&speed=16`);
      await runToEnd(page);
      const shownTurns = await page.getByTestId('turn').count();
      await waitSaved(page);
      const mine = (await exportedTrajectories(page)).filter((t) => t.recommender === label);
      expect(mine).toHaveLength(1);
      // The stored trajectory is the session the feed showed.
      expect(mine[0].turns).toHaveLength(shownTurns);
      expect(shownTurns).toBeGreaterThan(0);
      expect(canonicalJson(trajectoryDecisions(mine[0]))).toBe(expected);
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});
