// @vitest-environment node
/**
 * Issue 9's promise: the same settings give the same run everywhere. One run description
 * goes through the Live view's controller (as a share link: settings -> URL -> settings),
 * the CLI (`npm run simulate` main, as flags, its JSONL transitions), the real Batch
 * worker entry (over a MessageChannel) and the real leaderboard worker entry; the
 * decisions of the one user's session, as canonical JSON, must be identical.
 *
 * A description with mf-bpr is included on purpose: before this change the Live view
 * trained recommenders with another random stream than the CLI (`createRng(seed).fork('fit')`
 * against `fitRng`), so mf-bpr's first list differed between a share link and the CLI.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cliArgsOf } from '../../src/cli/simulate-args';
import { canonicalJson, parseRunDescription, trajectoryDecisions, type RunDescription } from '../../src/core/run';
import { DataStore } from '../../src/ui/state/data.svelte';
import { describeRun, settingsOf } from '../../src/ui/state/describe-run';
import { LiveController } from '../../src/ui/state/live.svelte';
import { Playback } from '../../src/ui/state/playback.svelte';
import { decodeSettings, encodeSettings } from '../../src/ui/state/url-settings';
import { createBatchClient } from '../../src/worker/batch-client';
import { createLeaderboardClient } from '../../src/worker/leaderboard-client';
import { workerEntries } from './worker-entry';
import { cliDecisions } from './cli-decisions';

const entries = workerEntries();
const startEntry = entries.start;
afterAll(() => {
  entries.close();
});

/** The Live view: the description as a share link, played by the controller. */
async function viaLive(d: RunDescription): Promise<string> {
  const link = encodeSettings(settingsOf(d));
  const settings = decodeSettings(link);
  expect(canonicalJson(describeRun(settings))).toBe(canonicalJson(d));
  const playback = new Playback();
  playback.instant = true;
  const live = new LiveController(playback);
  await live.run(settings, new DataStore(), { record: false });
  expect(live.session.error).toBeNull();
  return canonicalJson(trajectoryDecisions(live.session.trajectory!));
}

/** The CLI: the description as flags; the session rebuilt from its JSONL transitions. */
async function viaCli(d: RunDescription): Promise<string> {
  return cliDecisions(cliArgsOf(d));
}

const name = (d: RunDescription) => (d.recommender.follow ? `${d.recommender.name}+follow` : d.recommender.name);

describe('the same run description gives the same run everywhere', () => {
  const cases = [
    parseRunDescription({}), // the playground's default: content+follow, Maya, seed 7, 5 items, 6 turns
    parseRunDescription({ recommender: { name: 'mf-bpr', follow: false }, seed: 7, turns: 4 }),
  ];

  it('Live view, CLI, Batch worker and leaderboard worker: identical decisions', async () => {
    const batch = createBatchClient(await startEntry(() => import('../../src/worker/batch.worker')));
    const board = createLeaderboardClient(await startEntry(() => import('../../src/worker/leaderboard.worker')).then((p) => () => p));
    for (const d of cases) {
      const live = await viaLive(d);
      const cli = await viaCli(d);
      // Batch and the leaderboard run populations: the first user of any population is the first persona (Maya).
      const pop = { ...d, users: { kind: 'population' as const, size: 1 } };
      const b = await batch.run({ run: pop, recommenders: [name(d)], canonical: true });
      const lb = await board.run({ bases: [d.recommender.name], run: pop, canonical: true });
      expect(JSON.parse(live).userId).toBe('persona-maya');
      expect(JSON.parse(live).turns.length).toBeGreaterThan(0);
      expect(cli, `CLI vs Live (${name(d)})`).toBe(live);
      expect(b.rows[0].canonical, `Batch vs Live (${name(d)})`).toBe(live);
      expect(lb.canonical?.[name(d)]?.[0], `Leaderboard vs Live (${name(d)})`).toBe(live);
    }
    // The default session shows what the playground is about: an instruction, then a next list.
    const first = JSON.parse(await viaLive(cases[0]));
    const at = first.turns.findIndex((t: { instruction: string | null }) => t.instruction);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(first.turns.length).toBeGreaterThan(at + 1);
  }, 300_000);
});
