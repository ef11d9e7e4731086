/**
 * The work of the fidelity worker: fit the response model on the dataset (as of each
 * user's cut-off), then run the protocol with the rule-based simulator. Plain function so
 * tests call it without a worker.
 */
import { defaultUserCap, runFidelityProtocol } from '../core/eval/fidelity-protocol';
import { SESSION_RECOMMENDERS, movieSessionStats, sessionSample } from '../core/eval/fidelity-sessions';
import { createRng } from '../core/rng';
import { buildResponseModel } from '../core/simulator/response-fit';
import { createRuleBasedSimulator } from '../core/simulator/rule-based';
import type { Catalog, UserProfile } from '../core/types';
import type { FidelityProgress, FidelityRequest, FidelityViewReport, FittedModelParts } from './fidelity-protocol';

/** Fit the response model with the default weights; its parts as plain, cloneable data. */
export function fitModelParts(req: { catalog: Catalog; users: UserProfile[]; seed: number }): FittedModelParts {
  const m = buildResponseModel(req.catalog, req.users, createRng(req.seed).fork('response-model'));
  return { log: m.log, content: m.content, checkpoints: m.checkpoints, weights: m.weights, foldIn: m.foldIn };
}

export async function runFidelityRequest(req: FidelityRequest, o: { onProgress?: (p: FidelityProgress) => void; signal?: { readonly aborted: boolean } } = {}): Promise<FidelityViewReport> {
  const stage = 'fitting the response model';
  o.onProgress?.({ stage, done: 0, total: 1 });
  const model = buildResponseModel(req.catalog, req.users, createRng(req.seed).fork('response-model'), { onProgress: (done, total) => o.onProgress?.({ stage, done, total }) });
  const seeds = Array.from({ length: req.seeds }, (_, k) => req.seed + k);
  const sim = createRuleBasedSimulator({ snapshots: 'scalars' });
  const rep = await runFidelityProtocol(req.catalog, req.users, model.log, sim, model, {
    seeds,
    maxUsers: defaultUserCap(req.users.length, req.maxUsers),
    bootstrap: req.bootstrap,
    signal: o.signal,
    // Yield to the event loop so a cancel message can arrive between users.
    onProgress: async (stage, done, total) => {
      o.onProgress?.({ stage, done, total });
      if (done % 5 === 0) await new Promise((r) => setTimeout(r, 0));
    },
  });
  if (rep.test.users < 1 || rep.tuning.users < 1) throw new Error(`No figures: ${rep.test.users + rep.tuning.users} user(s) qualify; at least 2 are needed (one per split). A user qualifies with a held-out movie rated 4 or more that someone had rated before the user's cut-off.`);
  if (o.signal?.aborted) return rep;
  // How sessions of real users go under the model (the protocol left it attached to the
  // catalog): the CLI's `sessions.responseModel`, same sample and seed.
  const sessionStage = 'MovieLens sessions';
  o.onProgress?.({ stage: sessionStage, done: 0, total: 1 });
  const sample = sessionSample(req.users, createRng(req.seed).fork('sessions'));
  const stats = await movieSessionStats(req.catalog, sample, sim, [...SESSION_RECOMMENDERS], req.seed);
  o.onProgress?.({ stage: sessionStage, done: 1, total: 1 });
  return { ...rep, sessions: { users: sample.length, stats } };
}
