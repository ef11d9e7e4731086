/**
 * The worker's side of training, kept apart from the entry so it runs in Node tests:
 * one Trainer at a time, trained chunk by chunk, a curve point every `evalEvery` episodes.
 */
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../core/catalog/builtin';
import { Trainer } from '../../core/rl/train';
import type { Handlers } from '../../worker/rpc';
import type { TrainApi, TrainChunk, TrainStart } from './train-protocol';

export function trainHandlers(): Handlers<TrainApi> {
  let trainer: Trainer | null = null;
  let cfg: TrainStart | null = null;
  const chunk = (points: TrainChunk['points']): TrainChunk => ({ episode: trainer!.episode, points, theta: Array.from(trainer!.policy.theta) });
  return {
    async start(start) {
      const [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
      cfg = start;
      trainer = new Trainer({ catalog, personas, seed: start.seed, objective: start.objective, evalUsers: start.evalUsers, trainUsers: 200, init: start.theta });
      return chunk([await trainer.point()]);
    },
    async run({ episodes }, { signal, progress }) {
      if (!trainer || !cfg) throw new Error('Training not started: call start first');
      const points = [];
      for (let i = 0; i < episodes && !signal.aborted; i++) {
        await trainer.trainEpisode();
        if (trainer.episode % cfg.evalEvery === 0) {
          const p = await trainer.point();
          points.push(p);
          progress(p);
        }
      }
      return chunk(points);
    },
  };
}
