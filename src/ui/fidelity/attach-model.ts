/**
 * Fit the movie response model for an imported MovieLens dataset in the fidelity worker
 * (a few seconds of work kept off the page's thread) and attach it to the catalog, so Live
 * sessions over it judge the real users' movies with the model (docs/movielens.md).
 */
import { RESPONSE_MODEL_SEED } from '../../core/run/dataset-world';
import { MovieResponseModel, attachResponseModel } from '../../core/simulator/movie-response';
import type { Catalog, UserProfile } from '../../core/types';
import type { FidelityApi, FittedModelParts } from '../../worker/fidelity-protocol';
import { connect, type Endpoint } from '../../worker/rpc';

/** Fits the parts (the worker by default; tests pass the in-process function). */
export type ModelFitter = (req: { catalog: Catalog; users: UserProfile[]; seed: number }) => Promise<FittedModelParts>;

const workerFitter: ModelFitter = async (req) => {
  const worker = new Worker(new URL('../../worker/fidelity.worker.ts', import.meta.url), { type: 'module' }) as unknown as Endpoint;
  const client = connect<FidelityApi>(worker, 'Fidelity worker');
  try {
    return await client.call('fit', req);
  } finally {
    client.close();
  }
};

/** Fit and attach; resolves to the model. Rejects (with the worker's message) on failure. */
export async function fitAndAttach(catalog: Catalog, users: UserProfile[], fitter: ModelFitter = workerFitter): Promise<MovieResponseModel> {
  // The seed every entry point fits with (core/run/dataset-world.ts), so the same runs everywhere.
  const p = await fitter({ catalog, users, seed: RESPONSE_MODEL_SEED });
  const model = new MovieResponseModel(p.log, p.content, p.checkpoints, p.weights, p.foldIn);
  attachResponseModel(catalog, model);
  return model;
}
