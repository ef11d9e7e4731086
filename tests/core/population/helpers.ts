/** Small worlds for the population tests: the built-in catalog, a few users, one post. */
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { createRng } from '../../../src/core/rng';
import { graphFromEdges, type Edge, FRIEND } from '../../../src/core/population/graph';
import { buildPopulation } from '../../../src/core/population/users';
import { buildWorldItems, NEW_CREATOR } from '../../../src/core/population/world-items';
import type { WeekSetup } from '../../../src/core/population/week';

export async function builtin() {
  const [catalog, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
  return { catalog, personas };
}

/** A world of `n` users tied by `edges` (friends), one post seeded to `seeds`, textbook cascade (view and share always). */
export async function cascadeSetup(n: number, pairs: [number, number][], seeds: number[], share = 1): Promise<WeekSetup> {
  const { catalog, personas } = await builtin();
  const items = buildWorldItems(catalog, [{ title: 'Test post', topic: 'fishing', format: 'short_video', durationSec: 30 }]);
  const pop = buildPopulation({ n, bases: personas, topicIds: items.topicIds }, createRng(1));
  const edges: Edge[] = pairs.map(([a, b]) => ({ a, b, kind: FRIEND }));
  const graph = graphFromEdges(n, items.creatorIds, edges, []);
  return {
    pop, graph, items,
    response: { kind: 'fixed', view: 1, like: 0, comment: 0, share, follow: 0 },
    oon: null,
    focusCreator: items.creatorIds.indexOf(NEW_CREATOR),
    posts: [{ item: items.n - 1, publishMin: 0, audience: Int32Array.from(seeds) }],
    alwaysOpen: true,
  };
}
