/**
 * The response model inside the rule-based simulator (issue 8): words agree with the act,
 * the card names what drove the decision and the rating the user would give, a movie watch
 * reads as a trailer, and satisfaction follows the predictions (a list of movies the user
 * would pass over ends the session dissatisfied; one of movies they want does not).
 */
import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { createRng } from '../../../src/core/rng';
import { emptyMemory } from '../../../src/core/simulator/memory';
import { attachResponseModel } from '../../../src/core/simulator/movie-response';
import { renderAction, renderReasons } from '../../../src/core/simulator/render';
import { buildResponseModel } from '../../../src/core/simulator/response-fit';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import type { UserProfile } from '../../../src/core/types';
import { defaultContext } from '../../../src/core/users/context';
import { movieWorldCsv } from './movie-fixture';

const POSITIVE = /^(Loved by people with my taste|I rate .+ high|Well rated|Lots of people watched it lately|People watch it right around the movies I just watched|It's from a series I've watched|Worth a look)/;
const NEGATIVE = /^(People with my taste rate it low|I rate .+ low|Poorly rated|Hardly anyone has seen it|Not for me|I've seen it before)/;

describe('rule-based simulator with the movie response model', () => {
  const { catalog, users } = importMovieLens(movieWorldCsv({ users: 40, movies: 300, seed: 4 }));
  const model = buildResponseModel(catalog, users, createRng(2));
  attachResponseModel(catalog, model);
  const user = users[3];
  const { heldOut: _h, ...visible } = user;
  const start = (seed: number) => createRuleBasedSimulator().startSession({ user: visible as UserProfile, context: defaultContext(visible as UserProfile), memory: emptyMemory(user.id), catalog, rng: createRng(seed), instructionsEnabled: true });
  const ur = model.user(user.id)!;
  // Unseen movies from least to most wanted (the model's engagement logit).
  const ranked = catalog.items.filter((it) => !ur.hasSeen(it.id)).map((it) => ({ it, z: ur.predict(it.id).engageLogit })).sort((a, b) => a.z - b.z);
  const mixed = ranked.slice(-12).reverse().flatMap((x, k) => [x.it, ranked[k * 7].it]);

  it('says what drove each decision, in words that agree with the act', () => {
    const s = start(1);
    let engaged = 0;
    let skipped = 0;
    for (const [p, it] of mixed.entries()) {
      const d = s.decide(it, p % 6, Math.floor(p / 6));
      if (d.actions.includes('leave')) break;
      const text = renderReasons(d, it);
      expect(d.rating).toBeGreaterThanOrEqual(0.5);
      expect(text).toMatch(/I'd rate it \d\.\d\/5$/);
      if (d.actions.includes('skip')) {
        skipped++;
        expect(text).toMatch(NEGATIVE);
        expect(d.interest).toBeLessThan(0.5);
      } else {
        engaged++;
        expect(text).toMatch(POSITIVE);
        expect(renderAction(d, it)).toMatch(/^(Click, )?Watch trailer \d+s \/ 150s/);
      }
      if (d.actions.includes('like')) expect(d.likes).toBe(true);
    }
    expect(engaged).toBeGreaterThan(0);
    expect(skipped).toBeGreaterThan(0);
  });

  it('satisfaction follows the predictions: unwanted lists end dissatisfied, wanted ones do not', () => {
    const run = (items: typeof catalog.items) => {
      const s = start(2);
      for (const [p, it] of items.entries()) {
        const d = s.decide(it, p % 6, Math.floor(p / 6));
        if (d.actions.includes('leave')) return d.reasons;
      }
      return [];
    };
    expect(run(ranked.slice(0, 30).map((x) => x.it))).toContain('dissatisfied');
    expect(run(ranked.slice(-12).reverse().map((x) => x.it))).toEqual([]);
  });
});
