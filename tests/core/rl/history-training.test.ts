/**
 * Training data from stored sessions: the replayed observations are exactly the ones the
 * live run saw, the judge filter keeps only passing trajectories, and sessions that cannot
 * be rebuilt (another simulator, tampered decisions, unknown user) are skipped with a reason.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { runSession } from '../../../src/core/env/runner';
import { fitRng } from '../../../src/core/env/fit-rng';
import { createRuleJudge } from '../../../src/core/eval/judge';
import { createRecommender } from '../../../src/core/recommenders/agentic';
import { historyTrainingData, replayObservations } from '../../../src/core/rl/history-training';
import { chatExample } from '../../../src/core/rl/training-data';
import { simulators } from '../../../src/core/simulator/registry';
import type { Observation, Trajectory } from '../../../src/core/types';
import { defaultContext } from '../../../src/core/users/context';

describe('history training data', () => {
  it('replays, judges, filters and pairs stored sessions', { timeout: 90_000 }, async () => {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
    const index = buildCatalogIndex(catalog);
    const simulator = () => simulators.get('rule-based').create();
    const runs: { trajectory: Trajectory; listSize: number; maxTurns: number }[] = [];
    const live: Observation[][] = [];
    for (const user of personas.slice(0, 6)) {
      const rec = createRecommender('content+follow');
      rec.fit?.({ catalog, users: personas }, fitRng(3, rec.name));
      const obs: Observation[] = [];
      const t = await runSession({ catalog, index, user, context: defaultContext(user), simulator: simulator(), recommender: rec, seed: 3, listSize: 6, maxTurns: 6, instructionsEnabled: true, onStep: (s) => obs.push(s.observation) });
      runs.push({ trajectory: t, listSize: 6, maxTurns: 6 });
      live.push(obs);
    }
    // The replay rebuilds the observations the live run saw.
    const replayed = await replayObservations(runs[0], personas[0], runs[0].trajectory.context, index, simulator());
    expect(replayed).toEqual(live[0]);

    const userOf = (id: string) => personas.find((p) => p.id === id) ?? null;
    const rival = createRecommender('random');
    rival.fit?.({ catalog, users: personas }, fitRng(3, 'random'));
    const tampered = structuredClone(runs[1].trajectory);
    tampered.id = 'tampered';
    tampered.turns[0].decisions[0].actions = tampered.turns[0].decisions[0].actions.includes('like') ? ['skip'] : ['like'];
    const llm = { ...structuredClone(runs[2].trajectory), id: 'llm', simulator: 'llm' };
    const stranger = { ...structuredClone(runs[2].trajectory), id: 'stranger', userId: 'nobody' };
    const all = [...runs, { ...runs[1], trajectory: tampered }, { ...runs[2], trajectory: llm }, { ...runs[2], trajectory: stranger }];
    const seen: number[] = [];
    const out = await historyTrainingData(all, { index, userOf, simulator, rival, onProgress: (d) => seen.push(d) });
    expect(out.judged).toBe(6);
    expect(out.skipped.map((s) => s.id)).toEqual(['tampered', 'llm', 'stranger']);
    expect(out.skipped[0].reason).toMatch(/does not replay/);
    expect(out.skipped[1].reason).toMatch(/llm/);
    expect(out.skipped[2].reason).toMatch(/nobody/);
    const bogus = structuredClone(runs[3].trajectory);
    bogus.turns[0].slate = { itemIds: ['no-such-item'] };
    const b = await historyTrainingData([{ ...runs[3], trajectory: bogus }], { index, userOf, simulator });
    expect(b.skipped[0].reason).toMatch(/replay failed.*no-such-item/);
    expect(seen.at(-1)).toBe(all.length);

    // Kept = exactly those the rule judge passes; the lines are those chatExample writes.
    const judge = createRuleJudge(index);
    const expected: string[] = [];
    for (let i = 0; i < runs.length; i++) {
      const v = await judge.judge(runs[i].trajectory);
      if (v.instructions > 0 && v.scores.followed >= 0.5 && v.scores.better_off >= 0.5) expected.push(JSON.stringify(chatExample(runs[i].trajectory, live[i], 6, index)));
    }
    expect(out.kept).toBe(expected.length);
    expect(out.kept).toBeGreaterThan(0);
    expect(out.pairs).toBeGreaterThan(0);
    expect(out.chat).toBe(expected.length ? expected.join('\n') + '\n' : '');
    // Stricter rubrics keep no more.
    const strict = await historyTrainingData(runs, { index, userOf, simulator, minScores: { followed: 1, better_off: 1 } });
    expect(strict.kept).toBeLessThanOrEqual(out.kept);
    expect(strict.dpo).toBe('');
    // DPO lines parse and name both sides.
    const pairs = out.dpo.trim() ? out.dpo.trim().split('\n').map((l) => JSON.parse(l)) : [];
    expect(pairs.length).toBe(out.pairs);
    for (const p of pairs) expect([p.meta.chosenBy, p.meta.rejectedBy].sort()).toEqual(['content+follow', 'random'].sort());
  });
});
