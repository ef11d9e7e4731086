/**
 * A contract checker, like Gymnasium's `check_env`: for a simulator, a recommender, a
 * catalog and a few users it runs every user's session three times with the same seed
 * (twice by hand on `RecoEnv`, once through `runSession`) and reports what breaks the
 * contract:
 *
 * - determinism: the same seed must give the same trajectory (and the runner the same
 *   one as the env driven by hand);
 * - actions: known action types, watch seconds within [0, duration], 'leave' only last
 *   and always with a reflection;
 * - observations: the visible profile only, no held-out interactions, history and
 *   `shown` consistent with the lists shown, the right instruction;
 * - slates: k or fewer known, distinct, unseen ids;
 * - steps: finite rewards, exactly one terminating step, terminated/truncated agreeing
 *   with the end reason, no step after the end;
 * - events: session_start first, session_end last, one list event per turn.
 *
 * Returns the problems found (empty: the pair honours the contract).
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { buildCatalogIndex } from '../catalog/catalog-index';
import type { UserSimulator } from '../simulator/simulator';
import type { Catalog, Context, Observation, Recommender, Slate, TrainingData, Trajectory, UserProfile } from '../types';
import { checkEvents, checkObservation, checkSlate, checkSteps, checkTrajectory } from './check-rules';
import type { SessionEvent, StepResult } from './environment';
import { RecoEnv } from './reco-env';
import { recommenderRng, runSession } from './runner';
import { fitRng } from './fit-rng';

export interface CheckEnvOptions {
  catalog: Catalog;
  index?: CatalogIndex;
  /** A few users (personas, MovieLens profiles with held-out data, ...). */
  users: UserProfile[];
  contextFor: (user: UserProfile) => Context;
  /** A fresh simulator per run. */
  simulator: () => UserSimulator;
  /** A fresh, unfitted recommender per run (the checker fits it). */
  recommender: () => Recommender;
  /** Training data for `fit` (default: the catalog and `users`). */
  training?: TrainingData;
  seed?: number;
  listSize?: number;
  maxTurns?: number;
  /** Modes to check (default both: instructions on and off). */
  instructionModes?: boolean[];
}

interface HandRun {
  trajectory: Trajectory | null;
  steps: StepResult[];
  problems: string[];
}

async function runByHand(o: CheckEnvOptions, index: CatalogIndex, user: UserProfile, seed: number, instructionsEnabled: boolean): Promise<HandRun> {
  const listSize = o.listSize ?? 6;
  const maxTurns = o.maxTurns ?? 4;
  const problems: string[] = [];
  const steps: StepResult[] = [];
  const recommender = o.recommender();
  recommender.fit?.(o.training ?? { catalog: o.catalog, users: o.users }, fitRng(seed, recommender.name));
  recommender.resetSession?.(user.id);
  const env = new RecoEnv({
    catalog: o.catalog,
    index,
    user,
    context: o.contextFor(user),
    simulator: o.simulator(),
    recommenderName: recommender.name,
    maxTurns,
    instructionsEnabled,
  });
  const rng = recommenderRng(seed);
  let observation: Observation = (await env.reset({ seed })).observation;
  const slates: Slate[] = [];
  let instruction: string | null = null;
  for (let guard = 0; guard <= maxTurns + 1; guard++) {
    problems.push(...checkObservation(observation, user, slates, instruction).map((m) => `turn ${slates.length}: ${m}`));
    const slate = await recommender.recommend(observation, listSize, rng);
    const bad = checkSlate(slate, observation, listSize, index);
    if (bad.length > 0) {
      problems.push(...bad.map((m) => `turn ${slates.length}: ${m}`));
      // Unknown or repeated ids must be refused by the env (a too-long slate is the recommender's fault only).
      const mustThrow = bad.some((m) => !m.startsWith('slate has ') || m.includes('unknown') || m.includes('repeats'));
      let threw = false;
      try {
        await env.step(slate);
      } catch {
        threw = true;
      }
      if (mustThrow && !threw) problems.push(`turn ${slates.length}: env.step accepted an invalid slate`);
      return { trajectory: null, steps, problems };
    }
    const r = await env.step(slate);
    steps.push(r);
    if (slate.itemIds.length > 0) slates.push(slate);
    recommender.observe?.({ observation, slate, decisions: r.info.decisions });
    if (r.terminated || r.truncated) break;
    instruction = instructionsEnabled ? (r.info.reflection?.instruction?.text ?? null) : null;
    observation = r.observation;
  }
  const trajectory = env.trajectory();
  if (!steps.some((s) => s.terminated || s.truncated)) problems.push(`the session did not end within maxTurns + 1 steps`);
  try {
    await env.step({ itemIds: [] });
    problems.push('env.step after the end did not throw');
  } catch {
    // expected: the session is over
  }
  problems.push(...checkSteps(steps, trajectory, maxTurns), ...checkTrajectory(trajectory, index));
  return { trajectory, steps, problems };
}

/** Run the checks; returns the problems, each prefixed with user and mode. */
export async function checkEnv(o: CheckEnvOptions): Promise<string[]> {
  const index = o.index ?? buildCatalogIndex(o.catalog);
  const seed = o.seed ?? 7;
  const out: string[] = [];
  for (const instructionsEnabled of o.instructionModes ?? [true, false]) {
    for (const user of o.users) {
      const where = `[user ${user.id}, instructions ${instructionsEnabled ? 'on' : 'off'}]`;
      const report = (ms: string[]) => {
        for (const m of ms.slice(0, 20)) out.push(`${where} ${m}`);
        if (ms.length > 20) out.push(`${where} ... and ${ms.length - 20} more`);
      };
      try {
        const a = await runByHand(o, index, user, seed, instructionsEnabled);
        report(a.problems);
        if (!a.trajectory) continue;
        const b = await runByHand(o, index, user, seed, instructionsEnabled);
        if (JSON.stringify(a.trajectory) !== JSON.stringify(b.trajectory)) report(['the same seed gave a different trajectory']);
        if (JSON.stringify(a.steps) !== JSON.stringify(b.steps)) report(['the same seed gave different step results']);

        const recommender = o.recommender();
        recommender.fit?.(o.training ?? { catalog: o.catalog, users: o.users }, fitRng(seed, recommender.name));
        const events: SessionEvent[] = [];
        const c = await runSession(
          {
            catalog: o.catalog,
            index,
            user,
            context: o.contextFor(user),
            simulator: o.simulator(),
            recommender,
            seed,
            listSize: o.listSize ?? 6,
            maxTurns: o.maxTurns ?? 4,
            instructionsEnabled,
          },
          (e) => {
            events.push(e);
          },
        );
        if (JSON.stringify(c) !== JSON.stringify(a.trajectory)) report(['runSession gave a different trajectory than the env driven by hand']);
        report(checkEvents(events, c));
      } catch (err) {
        report([`threw: ${(err as Error)?.message ?? String(err)}`]);
      }
    }
  }
  return out;
}
