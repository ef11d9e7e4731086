/**
 * The worker's side of training, kept apart from the entry so it runs in Node tests:
 * one Trainer at a time, trained chunk by chunk, a curve point every `evalEvery` episodes,
 * each with the policy's offline NDCG@10 for the NDCG-versus-retention chart.
 */
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../core/catalog/builtin';
import { offlineScore } from '../../core/eval/ndcg-retention';
import { createRecommender } from '../../core/recommenders/agentic';
import { setActivePolicy } from '../../core/rl/rl-recommender';
import { Trainer } from '../../core/rl/train';
import type { Catalog, UserProfile } from '../../core/types';
import { defaultContext } from '../../core/users/context';
import type { Handlers } from '../../worker/rpc';
import type { BaselinePoint, TrainApi, TrainChunk, TrainPoint, TrainStart } from './train-protocol';

export function trainHandlers(): Handlers<TrainApi> {
  let trainer: Trainer | null = null;
  let cfg: TrainStart | null = null;
  let world: { catalog: Catalog; personas: UserProfile[] } | null = null;
  const chunk = (points: TrainPoint[], baselines?: BaselinePoint[]): TrainChunk => ({
    episode: trainer!.episode,
    points,
    theta: Array.from(trainer!.policy.theta),
    ...(baselines ? { baselines } : {}),
  });
  const ndcgOf = async (name: string) => (await offlineScore(name, world!.catalog, world!.personas, defaultContext, 10, cfg!.seed)).ndcg;
  const point = async (): Promise<TrainPoint> => {
    // `rl-policy` in this worker is the policy being trained (the worker is training's alone).
    setActivePolicy(trainer!.toJson());
    return { ...(await trainer!.point()), ndcg: round(await ndcgOf('rl-policy')) };
  };
  return {
    async start(start) {
      const [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
      cfg = start;
      world = { catalog, personas };
      trainer = new Trainer({ catalog, personas, seed: start.seed, objective: start.objective, evalUsers: start.evalUsers, trainUsers: 200, init: start.theta });
      const baselines: BaselinePoint[] = [];
      for (const name of ['popular', 'random', 'linucb']) {
        const s = await trainer.evaluate(createRecommender(name));
        baselines.push({ name, ndcg: round(await ndcgOf(name)), retention: round(s.retention.mean) });
      }
      return chunk([await point()], baselines);
    },
    async run({ episodes }, { signal, progress }) {
      if (!trainer || !cfg) throw new Error('Training not started: call start first');
      const points: TrainPoint[] = [];
      for (let i = 0; i < episodes && !signal.aborted; i++) {
        await trainer.trainEpisode();
        if (trainer.episode % cfg.evalEvery === 0) {
          const p = await point();
          points.push(p);
          progress(p);
        }
      }
      return chunk(points);
    },
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
