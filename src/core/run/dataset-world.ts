/**
 * The world of an imported dataset (MovieLens): its catalog and its users, no personas (a
 * population of N is its first N users; trainable recommenders learn from all of them), with
 * the learned response model attached (docs/movielens.md, "The response model"). Every entry
 * point that runs sessions on an imported dataset (Live, Compare, the Batch and leaderboard
 * workers, `npm run simulate` and `npm run evaluate`) prepares its world here, so the model is
 * fitted the one way (default weights, ALS seeded by `RESPONSE_MODEL_SEED`) and the same run
 * description gives the same decisions wherever it runs.
 */
import { responseModelFor, type MovieResponseModel } from '../simulator/movie-response';
import { attachFittedResponseModel } from '../simulator/response-fit';
import type { Catalog, UserProfile } from '../types';
import type { RunWorld } from './build-run';

/**
 * The seed of the response model's fit. Fixed, not the run's seed: the model describes the
 * dataset's users, not a run, so one fit serves every run on the dataset (and every entry
 * point fits the same model).
 */
export const RESPONSE_MODEL_SEED = 0;

/** True when the users carry real rating histories the response model learns from. */
export function hasRealHistories(users: readonly UserProfile[]): boolean {
  return users.some((u) => u.source === 'movielens');
}

/**
 * Attach the response model to the dataset's catalog, fitting it unless one is attached
 * already (the app fits it once after an import). Returns the model, or null when the users
 * have no real histories (a JSON catalog). Synchronous: a few seconds on ml-latest-small, so
 * the app calls it in a worker.
 */
export function ensureResponseModel(catalog: Catalog, users: readonly UserProfile[]): MovieResponseModel | null {
  if (!hasRealHistories(users)) return null;
  return responseModelFor(catalog) ?? attachFittedResponseModel(catalog, users, RESPONSE_MODEL_SEED);
}

/** The run world of an imported dataset, its response model attached (see the file's comment). */
export function prepareDatasetWorld(catalog: Catalog, users: readonly UserProfile[]): RunWorld {
  ensureResponseModel(catalog, users);
  return { catalog, users };
}
