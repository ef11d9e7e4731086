/**
 * "Check my recommender": the contract checker (env/check-env.ts) run on a user's own
 * recommender (HTTP or module), plus probes of the protocol's edges (k of 1, a catalog
 * nearly exhausted, an instruction). Reports each violation once, in plain words.
 */
import { checkEnv } from '../../env/check-env';
import { fitRng } from '../../env/fit-rng';
import { firstObservation } from '../../env/observation';
import { recommenderRng } from '../../env/session-driver';
import type { UserSimulator } from '../../simulator/simulator';
import type { Catalog, Context, Observation, Recommender, UserProfile } from '../../types';
import { RemoteRecommenderError } from './reply';
import type { RemoteOptions } from './remote-recommender';

/**
 * The check's own deadlines, shorter than a run's (fit's there is ten times a call's, 100 s):
 * a check is interactive, and a server that stays silent this long has a problem worth
 * reporting before anything else.
 */
export const CHECK_DEADLINES = { fitMs: 15_000, callMs: 10_000 } as const;

/** What a `RemoteRecommender` under check is given (the app and the CLI both pass it). */
export function checkRemoteOptions(d: { fitMs: number; callMs: number } = CHECK_DEADLINES): RemoteOptions {
  return { timeoutMs: d.callMs, fitTimeoutMs: d.fitMs };
}

/** "15 s" for whole seconds, else "150 ms". */
export function durationText(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

export interface CheckRecommenderOptions {
  catalog: Catalog;
  /** A few users (the built-in personas); the first ones are used. */
  users: UserProfile[];
  contextFor: (u: UserProfile) => Context;
  simulator: () => UserSimulator;
  /** A fresh, unfitted recommender (the checker fits it). */
  recommender: () => Recommender;
  seed?: number;
  /** How many users to run sessions for (default 2). */
  sessionUsers?: number;
  /** Called with a short label before each stage (progress). */
  onStage?: (label: string) => void;
  /**
   * Cancel: seen between calls (the adapter aborts the call in flight itself); the check
   * then rejects with `CheckCancelledError` instead of reporting the aborted calls.
   */
  signal?: { readonly aborted: boolean };
}

/** The check was cancelled (its `signal` aborted): no report. */
export class CheckCancelledError extends Error {
  override readonly name = 'CheckCancelledError';
  constructor() {
    super('Check cancelled');
  }
}

export interface CheckRecommenderReport {
  recommender: string;
  /** Plain-language violations, each once; empty: the recommender honours the contract. */
  problems: string[];
  /** What was checked, one line each (shown with a passing report too). */
  checks: string[];
  /** How many single-list probes got a list that honours the rules (0: nothing it serves could be shown, e.g. unreachable). */
  served: number;
  /** Why the remaining checks were skipped (also the last of `checks`); null when all ran. */
  skipped: string | null;
}

/** Strip "[user x, instructions on] turn 2: " prefixes and "Recommender NAME: " so repeats collapse. */
function core(message: string, name: string): string {
  return message
    .replace(/^\[[^\]]*\]\s*/, '')
    .replace(/^turn \d+:\s*/, '')
    .replace(/^threw:\s*/, '')
    .replace(/^Session \S+ failed:\s*/, '')
    .replace(`Recommender ${name}: `, '');
}

/** Run the checks; never throws for the recommender's faults (they are the report). */
export async function checkRecommender(o: CheckRecommenderOptions): Promise<CheckRecommenderReport> {
  const seed = o.seed ?? 7;
  const users = o.users.slice(0, o.sessionUsers ?? 2);
  const name = o.recommender().name;
  /** [where, message]: `where` names the probe ('' for sessions). */
  const raw: [string, string][] = [];
  const checks: string[] = [];
  // A call that got no reply within its deadline: every later call would wait the same
  // (fit's deadline is ten times a call's), so the remaining checks are skipped.
  let unanswered = false;
  /** The unanswered call was fit (a server may train for long: say how to live with the check's deadline). */
  let fitUnanswered = false;
  let skipped: string | null = null;
  let served = 0;

  // 1. Probes of the protocol on single calls.
  if (o.signal?.aborted) throw new CheckCancelledError();
  o.onStage?.('single lists');
  const stopIfCancelled = () => {
    if (o.signal?.aborted) throw new CheckCancelledError();
  };
  const probe = async (label: string, obs: Observation, k: number) => {
    stopIfCancelled();
    if (unanswered) return;
    checks.push(label);
    const rec = o.recommender();
    try {
      rec.fit?.({ catalog: o.catalog, users: o.users }, fitRng(seed, rec.name));
      rec.resetSession?.(obs.userId);
      await rec.recommend(obs, k, recommenderRng(seed));
      served++;
    } catch (e) {
      stopIfCancelled();
      const u = e instanceof RemoteRecommenderError ? e.unanswered : undefined;
      if (e instanceof RemoteRecommenderError && e.timedOut) unanswered = true;
      if (u?.op === 'fit') fitUnanswered = true;
      // Said with its deadline: "no reply to fit within 15 s", plus what the transport added after it.
      const tail = u ? (/within \d+ ms(.*)$/.exec((e as Error).message)?.[1] ?? '') : '';
      raw.push([label, u ? `no reply to ${u.op} within ${durationText(u.timeoutMs)}${tail}` : (e as Error)?.message ?? String(e)]);
    }
  };
  const user = users[0];
  if (user) {
    const first = firstObservation(user, o.contextFor(user));
    await probe('a first list of 6', first, 6);
    await probe('a list of 1', first, 1);
    const all = o.catalog.items.map((i) => i.id);
    const nearlyAll = all.slice(0, Math.max(0, all.length - 3));
    await probe('a list of 6 when only 3 unshown items remain', { ...first, shown: nearlyAll, turn: 1 }, 6);
    await probe('a list after an instruction', { ...first, instruction: 'Show me something different, less of the same please', turn: 1 }, 6);
  }

  // 2. Whole sessions through the contract checker (determinism, slates, steps).
  stopIfCancelled();
  if (unanswered) {
    skipped =
      'the other checks were skipped: the recommender did not answer in time (fix that first, then check again)' +
      (fitUnanswered ? '; a fit that trains longer can answer at once and train in the background, or the CLI gives it longer with --fit-timeout MS' : '');
    checks.push(skipped);
  } else {
    o.onStage?.('sessions');
    checks.push(`sessions of ${users.length} users with instructions on and off, each run three times with one seed (determinism)`);
    // After a session call got no reply, each later run gets a recommender that fails with the
    // same error at once and sends nothing: twelve runs would each wait out the deadline.
    let sessionTimeout: RemoteRecommenderError | null = null;
    const sessionRecommender = (): Recommender => {
      if (sessionTimeout) {
        const e = sessionTimeout;
        return { name, followsInstructions: false, recommend: () => Promise.reject(e) };
      }
      const rec = o.recommender();
      return {
        name: rec.name,
        followsInstructions: rec.followsInstructions,
        ...(rec.fit ? { fit: (d, r) => rec.fit?.(d, r) } : {}),
        ...(rec.observe ? { observe: (f) => rec.observe?.(f) } : {}),
        ...(rec.resetSession ? { resetSession: (id) => rec.resetSession?.(id) } : {}),
        recommend: async (obs, k, r) => {
          if (sessionTimeout) throw sessionTimeout;
          try {
            return await rec.recommend(obs, k, r);
          } catch (e) {
            if (e instanceof RemoteRecommenderError && e.timedOut) sessionTimeout ??= e;
            throw e;
          }
        },
      };
    };
    const sessions = await checkEnv({ catalog: o.catalog, users, contextFor: o.contextFor, simulator: o.simulator, recommender: sessionRecommender, seed, listSize: 6, maxTurns: 3 });
    // A cancel mid-sessions fails the remaining calls at once; they are not the recommender's faults.
    stopIfCancelled();
    const t = sessionTimeout as RemoteRecommenderError | null;
    const timeoutKey = t ? core(t.message, name) : null;
    for (const m of sessions) {
      const where = /^\[[^\]]*\]/.exec(m)?.[0] ?? 'sessions';
      // Said like a probe's: "no reply to recommend within 10 s".
      if (t?.unanswered && core(m, name) === timeoutKey) raw.push([where, `no reply to ${t.unanswered.op} within ${durationText(t.unanswered.timeoutMs)}${/within \d+ ms(.*)$/.exec(t.message)?.[1] ?? ''}`]);
      else raw.push([where, m]);
    }
    if (t) {
      skipped = 'the remaining sessions were skipped after a call got no reply in time (fix that first, then check again)';
      checks.push(skipped);
    }
  }

  const seen = new Set<string>();
  const problems: string[] = [];
  for (const [where, m] of raw) {
    const key = core(m, name);
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(`${key} (${where})`);
  }
  return { recommender: name, problems, checks, served, skipped };
}
