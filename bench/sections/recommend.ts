/**
 * recommendP95Ms: p95 latency of one `recommend` call per recommender over a
 * 10,000-item catalog (the built-in one grown with `scaleCatalog`), training excluded.
 * Users: the personas plus 200 sampled variants; observations as the env builds them,
 * with 0-3 earlier lists shown.
 */
import { visibleProfile } from '../../src/core/env/observation';
import { recommenders } from '../../src/core/recommenders/registry';
import { scaleCatalog } from '../../src/core/recommenders/scale';
import { createRng } from '../../src/core/rng';
import type { Observation } from '../../src/core/types';
import { defaultContext } from '../../src/core/users/context';
import { samplePopulation } from '../../src/core/users/population';
import { builtinWorld, now, percentile, round, type SectionResult } from './common';

export const title = 'Recommend latency (10,000 items)';

const CALLS = 300;
const K = 10;

export async function run(): Promise<SectionResult> {
  const { catalog: base, personas } = await builtinWorld();
  const catalog = scaleCatalog(base, 10_000, createRng(3));
  const users = personas.concat(samplePopulation(personas, 200, createRng(4)));
  const rng = createRng(5);
  const observations: Observation[] = [];
  for (let i = 0; i < CALLS; i++) {
    const user = users[i % users.length];
    const turn = i % 4;
    const shown: string[] = [];
    for (let s = 0; s < turn * K; s++) shown.push(catalog.items[rng.int(catalog.items.length)].id);
    observations.push({
      userId: user.id, profile: visibleProfile(user), context: defaultContext(user), history: user.history,
      turn, shown: [...new Set(shown)], instruction: null,
    });
  }
  const p95: Record<string, number> = {};
  const mean: Record<string, number> = {};
  const fitSeconds: Record<string, number> = {};
  for (const name of recommenders.names()) {
    const rec = recommenders.get(name).create();
    const tf = now();
    rec.fit?.({ catalog, users }, createRng(6));
    fitSeconds[name] = round((now() - tf) / 1000);
    const r = createRng(7);
    for (let i = 0; i < 30; i++) await rec.recommend(observations[i], K, r); // warm-up
    const times: number[] = [];
    for (const obs of observations) {
      const t0 = now();
      await rec.recommend(obs, K, r);
      times.push(now() - t0);
    }
    p95[name] = round(percentile(times, 0.95));
    mean[name] = round(times.reduce((a, b) => a + b, 0) / times.length);
  }
  return { recommendP95Ms: p95, recommendMeanMs: mean, fitSeconds10k: fitSeconds, recommendCatalogItems: catalog.items.length };
}
