/**
 * sessionsPerSecond: whole sessions through the runner (RecoEnv + recommender + events
 * off) with the rule-based simulator on the built-in catalog: lists of 10, at most 10
 * turns, instructions on, personas in turn. Reported for 'popular' (the headline figure)
 * and for every recommender.
 */
import { runSession } from '../../src/core/env/runner';
import { buildCatalogIndex } from '../../src/core/catalog/catalog-index';
import { recommenders } from '../../src/core/recommenders/registry';
import { createRng } from '../../src/core/rng';
import { createRuleBasedSimulator } from '../../src/core/simulator/rule-based';
import { defaultContext } from '../../src/core/users/context';
import { builtinWorld, now, type SectionResult } from './common';

export const title = 'Sessions through the runner';

async function measure(name: string, budgetMs: number): Promise<number> {
  const { catalog, personas } = await builtinWorld();
  const index = buildCatalogIndex(catalog);
  const recommender = recommenders.get(name).create();
  recommender.fit?.({ catalog, users: personas }, createRng(1));
  const simulator = createRuleBasedSimulator();
  let sessions = 0;
  const t0 = now();
  while (now() - t0 < budgetMs) {
    const user = personas[sessions % personas.length];
    await runSession({
      catalog, index, user, context: defaultContext(user), simulator, recommender,
      seed: sessions, listSize: 10, maxTurns: 10, instructionsEnabled: true,
    });
    sessions++;
  }
  return Math.round(sessions / ((now() - t0) / 1000));
}

export async function run(): Promise<SectionResult> {
  await measure('popular', 300); // warm-up
  const byRecommender: Record<string, number> = {};
  for (const name of recommenders.names()) byRecommender[name] = await measure(name, name === 'popular' ? 2000 : 700);
  return { sessionsPerSecond: byRecommender.popular, sessionsPerSecondByRecommender: byRecommender };
}
