/** A TrainRunner over the worker's own handlers, in-process (the Train view's tests use it instead of a Worker). */
import { trainHandlers } from '../../src/ui/train/train-session';
import type { TrainRunner } from '../../src/ui/train/train-state.svelte';

export function inProcessTrainRunner(): TrainRunner {
  const h = trainHandlers();
  const ctx = (onPoint: (p: never) => void) => ({ signal: new AbortController().signal, progress: onPoint });
  return {
    start: (s) => Promise.resolve(h.start(s, ctx(() => undefined))),
    run: (n, onPoint) => Promise.resolve(h.run({ episodes: n }, ctx(onPoint as never))),
    close: () => undefined,
  };
}
