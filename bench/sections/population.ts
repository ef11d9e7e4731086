/**
 * population: one simulated week of 10,000 rule-based users with their social graph,
 * diffusion of one post (seeded to 200 followers) and the 'popular' recommender's
 * out-of-network pools. Reported: seconds for the week, user-days per second, the world
 * state's size, and the process's peak resident memory (process-wide: run
 * `npm run bench -- --only population` for this section's alone). Also the seconds of one
 * creator-lab replicate at the default 2,000 users.
 */
import { createRng } from '../../src/core/rng';
import { recommenders } from '../../src/core/recommenders/registry';
import { resolveParams } from '../../src/core/simulator/rule-params';
import { buildPopulation, generateGraph, buildWorldItems, buildOonPools, initialWorld, advance, NEW_CREATOR, FOLLOW, type WorldState } from '../../src/core/population';
import { parseExperiment, prepareExperiment, runReplicate } from '../../src/core/creator';
import { builtinWorld, now, type SectionResult } from './common';

export const title = 'Population week (10,000 users, rule-based, diffusion)';

function stateBytes(w: WorldState): number {
  let b = 0;
  for (const v of Object.values(w)) if (ArrayBuffer.isView(v)) b += v.byteLength;
  return b;
}

export async function run(): Promise<SectionResult> {
  const { catalog, personas } = await builtinWorld();
  const N = 10_000;
  const DAYS = 7;
  const rng = createRng(1);
  const items = buildWorldItems(catalog, [{ title: 'Hauling lobster traps at sunrise', topic: 'fishing', format: 'short_video', durationSec: 35 }]);
  const t0 = now();
  const pop = buildPopulation({ n: N, bases: personas, topicIds: items.topicIds }, rng);
  const you = items.creatorIds.indexOf(NEW_CREATOR);
  const extra = Array.from({ length: 200 }, (_, k) => ({ a: k * 37, b: you, kind: FOLLOW }));
  const graph = generateGraph(pop, items.creatorIds, { creatorTopic: items.creatorTopic, creatorWeight: items.creatorWeight, extraCreatorFollows: extra }, rng);
  const rec = recommenders.get('popular').create();
  rec.fit?.({ catalog, users: personas }, rng.fork('fit'));
  const oon = await buildOonPools(rec, personas, items, DAYS + 1, 120, rng.fork('oon'));
  const buildSec = (now() - t0) / 1000;
  const setup = { pop, graph, items, response: { kind: 'rule' as const, params: resolveParams() }, oon, focusCreator: you, posts: [{ item: items.n - 1, publishMin: 18 * 60, audience: 'followers' as const }] };
  const w0 = initialWorld(setup);
  const t1 = now();
  const w = advance(w0, setup, DAYS * 1440, createRng(2));
  const weekSec = (now() - t1) / 1000;
  const exp = parseExperiment({ users: 2000, run: { seed: 3, recommender: { name: 'popular' } }, strategies: [{ post: { title: 'Hauling lobster traps at sunrise', topic: 'fishing' } }] });
  const prep = await prepareExperiment(exp, { catalog, personas });
  runReplicate(prep, 0, 0); // warm-up
  const t2 = now();
  const reps = 5;
  for (let r = 1; r <= reps; r++) runReplicate(prep, 0, r);
  const replicateSec = (now() - t2) / 1000 / reps;
  return {
    populationWeekSeconds: Math.round(weekSec * 100) / 100,
    populationUserDaysPerSecond: Math.round((N * DAYS) / weekSec),
    populationBuildSeconds: Math.round(buildSec * 100) / 100,
    populationSessions: w.sessions,
    populationExposures: w.totalExposures,
    populationExposuresPerSecond: Math.round(w.totalExposures / weekSec),
    populationWorldStateMB: Math.round(stateBytes(w) / 1e5) / 10,
    populationPeakRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
    creatorReplicateSeconds2000Users: Math.round(replicateSec * 1000) / 1000,
  };
}
