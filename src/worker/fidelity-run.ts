/**
 * The work of the fidelity worker: fit the response model on the dataset (as of each
 * user's cut-off), then run the protocol with the rule-based simulator, or with an LLM at
 * an OpenAI-compatible endpoint. Plain function so tests call it without a worker.
 */
import { defaultUserCap, runFidelityProtocol } from '../core/eval/fidelity-protocol';
import { SESSION_RECOMMENDERS, movieSessionStats, sessionSample } from '../core/eval/fidelity-sessions';
import { createRng } from '../core/rng';
import { buildResponseModel } from '../core/simulator/response-fit';
import { createRuleBasedSimulator } from '../core/simulator/rule-based';
import type { Catalog, UserProfile } from '../core/types';
import { buildRatingLog } from '../core/simulator/rating-log';
import { LLM_DEFAULT_USERS, type FidelityLlm, type FidelityProgress, type FidelityRequest, type FidelityViewReport, type FittedModelParts } from './fidelity-protocol';

/** Fit the response model with the default weights; its parts as plain, cloneable data. */
export function fitModelParts(req: { catalog: Catalog; users: UserProfile[]; seed: number }): FittedModelParts {
  const m = buildResponseModel(req.catalog, req.users, createRng(req.seed).fork('response-model'));
  return { log: m.log, content: m.content, checkpoints: m.checkpoints, weights: m.weights, foldIn: m.foldIn };
}

const NO_FIGURES = (n: number) => `No figures: ${n} user(s) qualify; at least 2 are needed (one per split). A user qualifies with a held-out movie rated 4 or more that someone had rated before the user's cut-off.`;

type RunOptions = { onProgress?: (p: FidelityProgress) => void; signal?: { readonly aborted: boolean } };

/** Yield to the event loop now and then, so a cancel message can arrive between users. */
const yielding = (o: RunOptions) => async (stage: string, done: number, total: number) => {
  o.onProgress?.({ stage, done, total });
  if (done % 5 === 0) await new Promise((r) => setTimeout(r, 0));
};

/**
 * The protocol with an LLM as the simulated user (no response model; the users' histories
 * summarised in the prompt; no session statistics). A failed call is retried, then that
 * decision is the rule-based fallback's and counted in `fallbackShare`; a server that
 * cannot be reached at all stops the run with its error.
 */
async function runWithLlm(req: FidelityRequest & { llm: FidelityLlm }, o: RunOptions): Promise<FidelityViewReport> {
  const [{ OpenAiCompatibleEngine }, { createLlmSimulator }, { redactUrl }] = await Promise.all([import('../llm/openai-engine'), import('../core/simulator/llm/llm-simulator'), import('../llm/redact')]);
  let at = { done: 0, total: 1 };
  const engine = new OpenAiCompatibleEngine({
    baseUrl: req.llm.baseUrl,
    model: req.llm.model,
    apiKey: req.llm.apiKey || undefined,
    timeoutMs: Math.max(1, req.llm.timeoutSec) * 1000,
    // Said in the progress line, so a slow or failing server is visible while the run waits.
    onRetry: ({ attempt, waitMs, error }) => o.onProgress?.({ stage: `LLM call failed (${error.message}); retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s`, ...at }),
  });
  const sim = createLlmSimulator({ engine, fallback: createRuleBasedSimulator({ snapshots: 'scalars' }), model: req.llm.model });
  const seeds = Array.from({ length: req.seeds }, (_, k) => req.seed + k);
  const step = yielding(o);
  const rep = await runFidelityProtocol(req.catalog, req.users, buildRatingLog(req.users), sim, null, {
    seeds,
    maxUsers: req.maxUsers ?? LLM_DEFAULT_USERS,
    bootstrap: req.bootstrap,
    signal: o.signal,
    summariseHistory: 15,
    onProgress: (stage, done, total) => ((at = { done, total }), step(`${stage} (LLM ${req.llm.model})`, done, total)),
  });
  if (rep.test.users < 1 || rep.tuning.users < 1) throw new Error(NO_FIGURES(rep.test.users + rep.tuning.users));
  return { ...rep, llm: { model: req.llm.model, baseUrl: redactUrl(req.llm.baseUrl) } };
}

export async function runFidelityRequest(req: FidelityRequest, o: RunOptions = {}): Promise<FidelityViewReport> {
  if (req.llm) return runWithLlm(req as FidelityRequest & { llm: FidelityLlm }, o);
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
    onProgress: yielding(o),
  });
  if (rep.test.users < 1 || rep.tuning.users < 1) throw new Error(NO_FIGURES(rep.test.users + rep.tuning.users));
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
