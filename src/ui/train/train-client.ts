/** The page side of the training worker, as a `TrainRunner`. */
import { connect, type Endpoint } from '../../worker/rpc';
import type { TrainApi } from './train-protocol';
import type { TrainRunner } from './train-state.svelte';

export function createTrainRunner(
  endpoint: Endpoint = new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' }) as unknown as Endpoint,
): TrainRunner {
  const client = connect<TrainApi>(endpoint, 'Training worker');
  return {
    start: (s) => client.call('start', s),
    run: (episodes, onPoint) => client.call('run', { episodes }, { onProgress: onPoint }),
    close: () => client.close('Training worker closed'),
  };
}
