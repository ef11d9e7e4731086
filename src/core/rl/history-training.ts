/**
 * Training data from stored sessions (History): keep the trajectories the rule-based judge
 * passes (rubric thresholds editable) and write them as chat fine-tuning JSONL, plus DPO
 * preference pairs against a rival recommender (training-data.ts does the formats).
 *
 * A stored trajectory holds the lists and decisions, not the observations before each
 * list, so the session is replayed: same user, context, seed and lists through a fresh
 * rule-based simulator. When the replay's decisions differ from the stored ones (an LLM or
 * human session, an edited persona, another simulator) the session is skipped, and the
 * reason is returned: training data must be what the user actually saw.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { RecoEnv } from '../env/reco-env';
import type { RewardName } from '../env/reward';
import { createRuleJudge, RUBRICS, type RubricId } from '../eval/judge';
import type { UserSimulator } from '../simulator/simulator';
import type { Context, Observation, Recommender, Trajectory, UserProfile } from '../types';
import { chatExample, preferencePairs } from './training-data';

/** One stored session: its trajectory and what the run was (from the session row). */
export interface StoredRun {
  trajectory: Trajectory;
  /** The session's list size and turn budget (its settings). */
  listSize: number;
  maxTurns: number;
  reward?: RewardName;
}

export interface HistoryTrainingOptions {
  index: CatalogIndex;
  /** The user profile of a trajectory's `userId` (null: not known here, the session is skipped). */
  userOf: (userId: string) => UserProfile | null;
  /** A fresh rule-based simulator. */
  simulator: () => UserSimulator;
  /** Least rubric scores to keep a trajectory (default 0.5 each). */
  minScores?: Partial<Record<RubricId, number>>;
  /** The other list of each preference pair (fitted); absent: no pairs. */
  rival?: Recommender;
  signal?: { readonly aborted: boolean };
  onProgress?: (done: number, total: number) => void;
}

export interface HistoryTrainingResult {
  /** Chat fine-tuning JSONL (one kept trajectory a line). */
  chat: string;
  /** DPO pairs JSONL (one pair a line). */
  dpo: string;
  judged: number;
  kept: number;
  pairs: number;
  /** Sessions not used, each with why (trajectory id: reason). */
  skipped: { id: string; reason: string }[];
}

const decisionsKey = (ds: readonly { itemId: string; actions: readonly string[] }[]) => JSON.stringify(ds.map((d) => [d.itemId, [...d.actions]]));

/** Replay a trajectory's lists; the observation before each, or why it does not reproduce. */
export async function replayObservations(run: StoredRun, user: UserProfile, context: Context, index: CatalogIndex, simulator: UserSimulator): Promise<Observation[] | string> {
  const t = run.trajectory;
  const env = new RecoEnv({ catalog: index.catalog, index, user, context, simulator, maxTurns: run.maxTurns, instructionsEnabled: t.instructionsEnabled, reward: run.reward });
  let obs = (await env.reset({ seed: t.seed })).observation;
  const out: Observation[] = [];
  for (const turn of t.turns) {
    out.push(obs);
    const r = await env.step(turn.slate);
    if (decisionsKey(r.info.decisions) !== decisionsKey(turn.decisions)) return `turn ${turn.index + 1} does not replay the same (an LLM, human or edited-persona session cannot be rebuilt)`;
    obs = r.observation;
    if ((r.terminated || r.truncated) && turn !== t.turns[t.turns.length - 1]) return `the replay ended at turn ${turn.index + 1}, before the stored session did`;
  }
  return out;
}

/** Judge, filter and export stored sessions (see the module comment). */
export async function historyTrainingData(runs: readonly StoredRun[], opts: HistoryTrainingOptions): Promise<HistoryTrainingResult> {
  const judge = createRuleJudge(opts.index);
  const mins: Record<RubricId, number> = { followed: 0.5, better_off: 0.5, ...opts.minScores };
  const chat: string[] = [];
  const dpo: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  let judged = 0;
  let kept = 0;
  for (let i = 0; i < runs.length && !opts.signal?.aborted; i++) {
    const run = runs[i];
    const t = run.trajectory;
    opts.onProgress?.(i, runs.length);
    const skip = (reason: string) => skipped.push({ id: t.id, reason });
    if (t.simulator !== 'rule-based') { skip(`simulated by "${t.simulator}": only rule-based sessions replay exactly`); continue; }
    if (t.catalogId !== opts.index.catalog.id) { skip(`catalog "${t.catalogId}", not "${opts.index.catalog.id}"`); continue; }
    if (t.endReason === 'error' || t.turns.length === 0) { skip('the session ended in an error or has no list'); continue; }
    const user = opts.userOf(t.userId);
    if (!user) { skip(`user "${t.userId}" is not a built-in persona`); continue; }
    const observations = await replayObservations(run, user, t.context, opts.index, opts.simulator()).catch((e: Error) => `the replay failed: ${e.message}`);
    if (typeof observations === 'string') { skip(observations); continue; }
    judged++;
    const v = await judge.judge(t);
    if (v.instructions > 0 && RUBRICS.every((r) => v.scores[r.id] >= mins[r.id])) {
      kept++;
      chat.push(JSON.stringify(chatExample(t, observations, run.listSize, opts.index)));
    }
    if (opts.rival) {
      const ps = await preferencePairs(t, opts.rival, {
        index: opts.index, user, context: t.context, simulator: opts.simulator, seed: t.seed,
        listSize: run.listSize, maxTurns: run.maxTurns, instructionsEnabled: t.instructionsEnabled, reward: run.reward,
      });
      for (const p of ps) dpo.push(JSON.stringify(p));
    }
  }
  opts.onProgress?.(runs.length, runs.length);
  const lines = (a: string[]) => (a.length ? a.join('\n') + '\n' : '');
  return { chat: lines(chat), dpo: lines(dpo), judged, kept, pairs: dpo.length, skipped };
}
