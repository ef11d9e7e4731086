/**
 * The instruction-following (agentic) recommender. It wraps any base recommender from the
 * registry and adds the paper's four capabilities (§4):
 * - perception: the observation's instruction (explicit), implicit signals, history, context;
 * - reasoning and planning: a Planner turns the instruction into a visible Plan;
 * - action: candidates from the base recommender plus a catalog search by the plan,
 *   re-ranked, with a one- or two-sentence reply to the user;
 * - memory: plans persist across turns and sessions, fading (x`turnDecay` per list without a
 *   new instruction, x`sessionDecay` per new session) until they stop mattering.
 */
import { buildCatalogIndex, type CatalogIndex } from '../../catalog/catalog-index';
import type { MaybePromise, Observation, Plan, Recommender, Rng, Slate, SlateFeedback, TrainingData } from '../../types';
import { offlineEmbeddingFor } from '../../embed/cache';
import { offlineTopicMatcher, type TextTopicMatcher } from '../../embed/topic-match';
import { createRng } from '../../rng';
import { buildLexicon, type Lexicon } from './lexicon';
import { isEmptyPlan, mergePlans, summarizePlan } from './plan';
import { replyFor } from './reply';
import { rerank } from './rerank';
import { rulePlanner, type Planner } from './rule-planner';

export interface InstructionFollowingOptions {
  /** Default: the rule-based planner. */
  planner?: Planner;
  /** Strength kept per list without a new instruction (default 0.75). */
  turnDecay?: number;
  /** Strength kept when a new session starts (default 0.4). */
  sessionDecay?: number;
  /** How many base candidates to ask for, as a multiple of k (default 4). */
  candidateFactor?: number;
  /**
   * Match free-form instructions to topics by embedding similarity when the lexicon finds
   * nothing (default true): the offline embedding of the catalog, fitted on first need
   * with a seed fixed by the catalog id. Or a matcher of your own (e.g. other vectors).
   */
  embedMatch?: boolean | TextTopicMatcher;
}

interface PlanMemory {
  plan: Plan;
  strength: number;
}

const FORGET_BELOW = 0.1;

function isPromise<T>(x: MaybePromise<T>): x is Promise<T> {
  return typeof (x as Promise<T>)?.then === 'function';
}

/** Run `f` on a value that may be a promise, staying synchronous when it is not. */
function then<T, U>(x: MaybePromise<T>, f: (v: T) => MaybePromise<U>): MaybePromise<U> {
  return isPromise(x) ? x.then(f) : f(x);
}

export class InstructionFollowingRecommender implements Recommender {
  readonly name: string;
  readonly followsInstructions = true;
  private index: CatalogIndex | null = null;
  private lexicon: Lexicon | null = null;
  private readonly memory = new Map<string, PlanMemory>();
  private readonly planner: Planner;
  private readonly turnDecay: number;
  private readonly sessionDecay: number;
  private readonly candidateFactor: number;
  private readonly embedMatch: boolean | TextTopicMatcher;
  private matcher: TextTopicMatcher | null = null;

  constructor(
    readonly base: Recommender,
    opts: InstructionFollowingOptions = {},
  ) {
    this.name = `${base.name}+follow`;
    this.planner = opts.planner ?? rulePlanner;
    this.turnDecay = opts.turnDecay ?? 0.75;
    this.sessionDecay = opts.sessionDecay ?? 0.4;
    this.candidateFactor = opts.candidateFactor ?? 4;
    this.embedMatch = opts.embedMatch ?? true;
  }

  /** The embedding matcher (built lazily: most instructions never need it). */
  private textMatch(text: string): ReturnType<TextTopicMatcher> {
    if (typeof this.embedMatch === 'function') return this.embedMatch(text);
    const index = this.index as CatalogIndex;
    this.matcher ??= offlineTopicMatcher(offlineEmbeddingFor(index.catalog, createRng(`planner-embedding:${index.catalog.id}`)), index);
    return this.matcher(text);
  }

  fit(data: TrainingData, rng: Rng): void {
    // The base sees the same rng as it would unwrapped: with no instruction, the wrapper
    // returns exactly the base recommender's lists.
    this.base.fit?.(data, rng);
    this.index = buildCatalogIndex(data.catalog);
    this.lexicon = buildLexicon(this.index);
    this.memory.clear();
    this.matcher = null;
  }

  /** The remembered plan of a user and its strength (for the UI and tests). */
  activePlan(userId: string): { plan: Plan; strength: number } | null {
    const m = this.memory.get(userId);
    return m ? { plan: m.plan, strength: m.strength } : null;
  }

  recommend(obs: Observation, k: number, rng: Rng): MaybePromise<Slate> {
    const index = this.index;
    const lexicon = this.lexicon;
    if (!index || !lexicon) throw new Error(`Recommender "${this.name}": call fit(data, rng) before recommend()`);
    const mem = this.memory.get(obs.userId);
    const instruction = obs.instruction?.trim() ? obs.instruction.trim() : null;

    const planned: MaybePromise<Plan | null> = instruction
      ? this.planSafely(instruction, obs, index, lexicon)
      : null;

    return then(planned, (fresh) => {
      let active: PlanMemory | null = null;
      if (fresh) {
        const merged = mem && mem.strength >= FORGET_BELOW ? mergePlans(mem.plan, fresh) : fresh;
        merged.summary = summarizePlan(merged, (t) => lexicon.topicLabel.get(t) ?? t, (c) => lexicon.creatorName.get(c) ?? c);
        active = { plan: merged, strength: 1 };
      } else if (mem) {
        const strength = mem.strength * this.turnDecay;
        active = strength >= FORGET_BELOW ? { plan: mem.plan, strength } : null;
      }
      if (active) this.memory.set(obs.userId, active);
      else this.memory.delete(obs.userId);

      const want = active && !isEmptyPlan(active.plan) ? Math.max(k * this.candidateFactor, k + 20) : k;
      return then(this.base.recommend(obs, want, rng), (baseSlate) => {
        if (!active || isEmptyPlan(active.plan)) {
          const ids = baseSlate.itemIds.slice(0, k);
          return fresh
            ? { itemIds: ids, plan: active?.plan, message: replyFor(active?.plan ?? fresh, ids.map((id) => index.byId.get(id)!).filter(Boolean), (t) => lexicon.topicLabel.get(t) ?? t, (c) => lexicon.creatorName.get(c) ?? c) }
            : { itemIds: ids };
        }
        const ids = rerank(obs, baseSlate.itemIds, active.plan, active.strength, index, k);
        const slate: Slate = { itemIds: ids, plan: active.plan };
        if (fresh) {
          slate.message = replyFor(
            active.plan,
            ids.map((id) => index.byId.get(id)!).filter(Boolean),
            (t) => lexicon.topicLabel.get(t) ?? t,
            (c) => lexicon.creatorName.get(c) ?? c,
          );
        }
        return slate;
      });
    });
  }

  /** Plan with the configured planner; if it throws or rejects, fall back to the rules. */
  private planSafely(instruction: string, obs: Observation, index: CatalogIndex, lexicon: Lexicon): MaybePromise<Plan> {
    const input = { instruction, observation: obs, index, lexicon, ...(this.embedMatch ? { textMatch: (t: string) => this.textMatch(t) } : {}) };
    try {
      const p = this.planner.plan(input);
      return isPromise(p) ? p.catch(() => rulePlanner.plan(input) as Plan) : p;
    } catch {
      return rulePlanner.plan(input) as Plan;
    }
  }

  observe(feedback: SlateFeedback): void {
    this.base.observe?.(feedback);
  }

  resetSession(userId: string): void {
    this.base.resetSession?.(userId);
    const m = this.memory.get(userId);
    if (!m) return;
    const strength = m.strength * this.sessionDecay;
    if (strength >= FORGET_BELOW) this.memory.set(userId, { plan: m.plan, strength });
    else this.memory.delete(userId);
  }
}

/** Wrap a base recommender so it follows instructions. */
export function withInstructionFollowing(base: Recommender, opts?: InstructionFollowingOptions): Recommender {
  return new InstructionFollowingRecommender(base, opts);
}
