import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { parseExperiment, prepareExperiment, runExperiment } from '../../../src/core/creator';
import { runPool, type ReplicatesCall } from '../../../src/worker/creator-pool';
import { runReplicatesRequest } from '../../../src/worker/creator-run';

const POST = { title: 'Hauling lobster traps at sunrise', topic: 'fishing', durationSec: 35 };
/** An in-process call that finishes after a delay, so batches complete out of order. */
const call = (delayMs: number): ReplicatesCall => async (req, opts) => {
  await new Promise((r) => setTimeout(r, req.from === 0 ? delayMs : 0));
  return runReplicatesRequest(req, opts);
};

describe('the replicate pool', () => {
  it('gives the same figures as the single-threaded run, batches finishing out of order', async () => {
    const input = { users: 200, followers: 30, replicates: 25, run: { seed: 8, recommender: { name: 'popular' } }, strategies: [{ post: POST }, { post: POST, schedule: 'daily' }] };
    const exp = parseExperiment(input);
    const single = runExperiment(await prepareExperiment(exp, { catalog: await loadBuiltinCatalog(), personas: await loadBuiltinPersonas() }));
    const progress: number[] = [];
    const pooled = await runPool(input, exp.replicates, 2, [call(300), call(0), call(0)], { network: 300, onProgress: (p) => progress.push(p.done) });
    expect(pooled.result.strategies).toEqual(single.strategies);
    expect(pooled.result.difference).toEqual(single.difference);
    expect(pooled.result.replicates).toBe(25);
    expect(Math.max(...progress)).toBe(50);
    expect(pooled.network!.nodes.length).toBeGreaterThanOrEqual(200);
    expect(pooled.network!.nodes.some((n) => n.viewedAt >= 0)).toBe(true);
  });

  it('stops where the single-threaded run stops', async () => {
    const input = { users: 150, followers: 30, replicates: 40, stopWidth: 1, run: { seed: 9, recommender: { name: 'popular' } }, strategies: [{ post: POST }] };
    const exp = parseExperiment(input);
    const single = runExperiment(await prepareExperiment(exp, { catalog: await loadBuiltinCatalog(), personas: await loadBuiltinPersonas() }));
    const pooled = await runPool(input, 40, 1, [call(50), call(0)]);
    expect(single.stoppedEarly).toBe(true);
    expect(pooled.result.stoppedEarly).toBe(true);
    expect(pooled.result.replicates).toBe(single.replicates);
    expect(pooled.result.strategies).toEqual(single.strategies);
  });
});
