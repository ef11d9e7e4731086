/**
 * Out-of-network candidates from the chosen recommender. Calling a recommender for each of
 * 10,000 users at each session would dominate the run, so it is called once per simulated
 * day for each archetype (base profile) of the population, on that archetype's visible
 * profile and an evening context; the archetype's users walk through the list from their own
 * cursor, skipping what they have seen. (A simplification, said in docs/population.md:
 * variants of one persona share one out-of-network list per day.)
 */
import type { Recommender, Rng, UserProfile } from '../types';
import { firstObservation } from '../env/observation';
import { defaultContext } from '../users/context';
import type { WorldItems } from './world-items';
import type { OonPools } from './week';

/** Build the pools: `days` days x bases, `size` items each (ids the world does not hold are dropped). */
export async function buildOonPools(
  recommender: Recommender,
  bases: readonly UserProfile[],
  items: WorldItems,
  days: number,
  size: number,
  rng: Rng,
): Promise<OonPools> {
  const index = new Map<string, number>();
  for (let i = 0; i < items.catalogCount; i++) index.set(items.ids[i], i);
  const pools: Int32Array[][] = [];
  for (let d = 0; d < days; d++) {
    const row: Int32Array[] = [];
    for (let b = 0; b < bases.length; b++) {
      const user = bases[b];
      const ctx = { ...defaultContext(user), dayOfWeek: (1 + d) % 7 };
      const obs = { ...firstObservation(user, ctx), userId: `${user.id}#day${d}` };
      const slate = await recommender.recommend(obs, size, rng.fork(`oon-${d}-${b}`));
      const ids: number[] = [];
      for (const id of slate.itemIds) {
        const i = index.get(id);
        if (i !== undefined) ids.push(i);
      }
      row.push(Int32Array.from(ids));
    }
    pools.push(row);
  }
  return { pools };
}
