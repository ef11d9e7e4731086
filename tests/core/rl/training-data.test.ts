/**
 * Training data: chat examples mirror the trajectory turn by turn; preference pairs are
 * real (replaying the same seed and prefix, the chosen list keeps the user and the
 * rejected one loses them).
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { RecoEnv } from '../../../src/core/env/reco-env';
import { runSession } from '../../../src/core/env/runner';
import { fitRng } from '../../../src/core/env/fit-rng';
import { createRecommender } from '../../../src/core/recommenders/agentic';
import { chatExample, preferencePairs, RECOMMENDER_SYSTEM_PROMPT } from '../../../src/core/rl/training-data';
import { simulators } from '../../../src/core/simulator/registry';
import type { Observation, Slate } from '../../../src/core/types';
import { defaultContext } from '../../../src/core/users/context';

describe('training data', () => {
  it('chat examples and DPO pairs from real sessions', { timeout: 60_000 }, async () => {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
    const index = buildCatalogIndex(catalog);
    const simulator = () => simulators.get('rule-based').create();
    const rival = createRecommender('random');
    rival.fit?.({ catalog, users: personas }, fitRng(1, 'random'));
    let pairsSeen = 0;
    for (const user of personas.slice(0, 4)) {
      const rec = createRecommender('content+follow');
      rec.fit?.({ catalog, users: personas }, fitRng(1, rec.name));
      const observations: Observation[] = [];
      const t = await runSession(
        { catalog, index, user, context: defaultContext(user), simulator: simulator(), recommender: rec, seed: 11, listSize: 6, maxTurns: 6, instructionsEnabled: true,
          onStep: (s) => observations.push(s.observation) },
      );
      const ex = chatExample(t, observations, 6, index);
      expect(ex.messages[0]).toEqual({ role: 'system', content: RECOMMENDER_SYSTEM_PROMPT });
      expect(ex.messages).toHaveLength(1 + 2 * t.turns.length);
      expect(JSON.parse(ex.messages[2].content)).toEqual({ items: t.turns[0].slate.itemIds });
      expect(JSON.parse(ex.messages[1].content)).toMatchObject({ turn: 0, k: 6, instruction: null, shown: [] });

      const cfg = { index, user, context: defaultContext(user), simulator, seed: 11, listSize: 6, maxTurns: 6, instructionsEnabled: true };
      const pairs = await preferencePairs(t, rival, cfg);
      for (const p of pairs) {
        pairsSeen++;
        expect(p.chosen[0].content).not.toBe(p.rejected[0].content);
        // Replay: the same prefix, then each list; the chosen one keeps the user, the rejected one loses them.
        const outcome = async (content: string) => {
          const env = new RecoEnv({ catalog, index, user, context: defaultContext(user), simulator: simulator(), maxTurns: 6, instructionsEnabled: true });
          await env.reset({ seed: 11 });
          for (const s of t.turns.slice(0, p.meta.turn)) await env.step(s.slate);
          const slate: Slate = { itemIds: JSON.parse(content).items };
          const r = await env.step(slate);
          return r.info.decisions.some((d) => d.actions.includes('leave'));
        };
        expect(await outcome(p.chosen[0].content)).toBe(false);
        expect(await outcome(p.rejected[0].content)).toBe(true);
        // The pair's prompt is the observation before that turn in the real trajectory.
        expect(JSON.parse(p.prompt[1].content).shown).toEqual(observations[p.meta.turn].shown);
      }
    }
    expect(pairsSeen).toBeGreaterThan(0);
  });
});
