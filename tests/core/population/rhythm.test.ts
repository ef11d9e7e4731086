import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { resolveParams } from '../../../src/core/simulator/rule-params';
import { buildPopulation, generateGraph, buildWorldItems, initialWorld, advance, type WeekSetup } from '../../../src/core/population';
import { builtin } from './helpers';

async function setup(n: number): Promise<WeekSetup> {
  const { catalog, personas } = await builtin();
  const items = buildWorldItems(catalog);
  const rng = createRng(31);
  const pop = buildPopulation({ n, bases: personas, topicIds: items.topicIds, nightOwlShare: 0.3 }, rng);
  const graph = generateGraph(pop, items.creatorIds, { creatorTopic: items.creatorTopic, creatorWeight: items.creatorWeight }, rng);
  return { pop, graph, items, response: { kind: 'rule', params: resolveParams() }, oon: null, focusCreator: -1, posts: [] };
}

describe('when users open the app', () => {
  it('follows their rhythm: night owls open at night, evening people in the evening', async () => {
    const s = await setup(400);
    let w = initialWorld(s);
    const owl = (u: number) => s.pop.peakHour[u] >= 23 || s.pop.peakHour[u] <= 2;
    const evening = (u: number) => s.pop.peakHour[u] >= 18 && s.pop.peakHour[u] <= 22;
    const counts = { owlNight: 0, owlEvening: 0, eveNight: 0, eveEvening: 0 };
    for (let h = 0; h < 48; h++) {
      const before = w.lastOpenMin.slice();
      w = advance(w, s, (h + 1) * 60, createRng(4));
      const hod = h % 24;
      const night = hod >= 23 || hod <= 2;
      const eve = hod >= 18 && hod <= 22;
      for (let u = 0; u < s.pop.n; u++) {
        if (w.lastOpenMin[u] === before[u]) continue;
        if (owl(u) && night) counts.owlNight++;
        if (owl(u) && eve) counts.owlEvening++;
        if (evening(u) && night) counts.eveNight++;
        if (evening(u) && eve) counts.eveEvening++;
      }
    }
    // Per user: owls open more at night than evening people do, and less in the evening.
    let owls = 0;
    let eves = 0;
    for (let u = 0; u < s.pop.n; u++) {
      if (owl(u)) owls++;
      if (evening(u)) eves++;
    }
    expect(owls).toBeGreaterThan(50);
    expect(counts.owlNight / owls).toBeGreaterThan(2 * (counts.eveNight / eves));
    expect(counts.eveEvening / eves).toBeGreaterThan(2 * (counts.owlEvening / owls));
  });

  it('follows the return model: users whose last sessions went well come back more', async () => {
    const s = await setup(400);
    const w0 = initialWorld(s);
    for (let u = 0; u < s.pop.n; u++) w0.quality[u] = u % 2 === 0 ? 0.95 : 0.05;
    const w = advance(w0, s, 6 * 60, createRng(5));
    let good = 0;
    let bad = 0;
    for (let u = 0; u < s.pop.n; u++) if (w.lastOpenMin[u] >= 0) (u % 2 === 0 ? good++ : bad++);
    expect(good).toBeGreaterThan(1.5 * bad);
  });
});
