/**
 * `RecoEnv`: the Gymnasium-style RecoWorld environment (contract in environment.ts).
 *
 * One instance is one user in one situation; `reset` starts a session, `step(slate)`
 * walks the simulated user through the slate item by item. The user's memory (and the
 * interactions of earlier sessions) carry over from one reset to the next, so several
 * sessions of one instance are several visits of the same person.
 *
 * Per step:
 * - the slate is validated (unknown id, duplicate, already shown: a clear error);
 * - each item: `item_start`, the simulator's `decide` (thought deltas stream through
 *   the simulator hooks), `decision`; on 'leave': `leave`, `reflect()`, `reflection`,
 *   and `instruction` when the user asks for something;
 * - the user left with an instruction (instructions on): the session goes on, the next
 *   observation carries the instruction text;
 * - the user left without one: `terminated`, endReason 'left_silent' (or 'time_up'
 *   when the reflection/decision says time ran out);
 * - instructions off: `terminated` after the first list (endReason 'no_instructions'
 *   unless the user left, as above);
 * - the user reached the end of the list: the session goes on with the next list
 *   (instruction null);
 * - an empty slate: `terminated`, endReason 'catalog_exhausted';
 * - the turn limit: `truncated`, endReason 'turn_limit';
 * - the abort signal: `truncated`, endReason 'stopped' (the partial list is kept).
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { buildCatalogIndex } from '../catalog/catalog-index';
import { createRng } from '../rng';
import type { AbortLike, SimSession, UserSimulator } from '../simulator/simulator';
import type { UserMemory } from '../simulator/memory';
import { appendSession, memoryFromHistory } from '../simulator/memory-ops';
import { returnModel } from '../simulator/retention';
import type {
  Catalog,
  Context,
  EndReason,
  ImplicitSignals,
  Interaction,
  ItemDecision,
  Observation,
  Reflection,
  SessionSummary,
  Slate,
  Trajectory,
  Turn,
  UserProfile,
} from '../types';
import { itemSeconds, sessionMetrics, type ReturnEstimate } from '../metrics/session-metrics';
import type { Env, EventSink, ResetOptions, ResetResult, SessionEvent, StepResult } from './environment';
import { implicitSignals, interactionsOf, visibleProfile } from './observation';
import { rewardOf, type RewardName } from './reward';

/** Configuration of one environment (one user, one simulator). */
export interface RecoEnvConfig {
  catalog: Catalog;
  /** Prebuilt index of `catalog` (built when absent; pass it to share one across envs). */
  index?: CatalogIndex;
  user: UserProfile;
  context: Context;
  simulator: UserSimulator;
  /** Name of the recommender acting on this env (for the trajectory record). */
  recommenderName?: string;
  /** Most lists per session; reaching it truncates. */
  maxTurns: number;
  /** The paper's instructions on/off. Off: one list, then the session ends. */
  instructionsEnabled: boolean;
  /**
   * Memory carried across sessions. When absent, one is built from the user's prior
   * history (`memoryFromHistory`) and kept across resets of this instance.
   */
  memory?: UserMemory;
  /** Step reward (default 'watch': seconds watched). */
  reward?: RewardName;
  /** Epoch ms the first session starts at (default `catalog.now`). */
  startedAt?: number;
  /** Receives the per-item events, awaited (the UI may hold the run there). */
  onEvent?: EventSink;
  /** Cancellation: checked before every item and passed to the simulator. */
  signal?: AbortLike;
  /** Streaming thought text of LLM simulators. */
  onThoughtDelta?: (turn: number, position: number, text: string) => void;
  /** Retention model (default: the simulator's `returnModel`). */
  retention?: (sessions: SessionSummary[]) => ReturnEstimate;
}

/**
 * `reset` options (all optional): `startedAt` (epoch ms), `context` (replaces the
 * configured one for this session), `trajectoryId`.
 */
export interface RecoResetOptions {
  startedAt?: number;
  context?: Context;
  trajectoryId?: string;
}

interface SessionState {
  id: string;
  seed: number;
  index: number;
  startedAt: number;
  context: Context;
  sim: SimSession;
  turns: Turn[];
  interactions: Interaction[];
  shown: string[];
  shownSet: Set<string>;
  instruction: string | null;
  implicit: ImplicitSignals | undefined;
  elapsedSec: number;
  endReason: EndReason | null;
  metricsRetention: ReturnEstimate | undefined;
  summary: SessionSummary | null;
}

/** The environment. See the module comment for the step semantics. */
export class RecoEnv implements Env {
  readonly index: CatalogIndex;
  readonly memory: UserMemory;
  private readonly cfg: RecoEnvConfig;
  private readonly reward: RewardName;
  /** Interactions of earlier sessions of this instance (the user's history grows). */
  private readonly past: Interaction[] = [];
  private state: SessionState | null = null;

  constructor(cfg: RecoEnvConfig) {
    if (!(cfg.maxTurns >= 1)) throw new Error(`maxTurns must be at least 1 (got ${cfg.maxTurns})`);
    this.cfg = cfg;
    this.index = cfg.index ?? buildCatalogIndex(cfg.catalog);
    this.memory = cfg.memory ?? memoryFromHistory(cfg.user, cfg.catalog);
    this.reward = cfg.reward ?? 'watch';
  }

  /** Whether the current session has ended (or none was started). */
  get done(): boolean {
    return !this.state || this.state.endReason !== null;
  }

  /** The current session's 0-based index in the user's memory, or -1 before the first reset. */
  get sessionIndex(): number {
    return this.state ? this.state.index : -1;
  }

  /** Start a session. An unfinished previous session is closed as 'stopped' first. */
  async reset(opts: ResetOptions): Promise<ResetResult> {
    if (this.state && this.state.endReason === null) this.finish('stopped');
    const o = (opts.options ?? {}) as RecoResetOptions;
    const seed = opts.seed;
    const index = this.memory.sessions.length;
    const context = o.context ?? this.cfg.context;
    const startedAt = o.startedAt ?? this.cfg.startedAt ?? this.cfg.catalog.now;
    const root = createRng(seed);
    const hooks = {
      signal: this.cfg.signal,
      onThoughtDelta: (position: number, text: string) => this.thoughtDelta(position, text),
    };
    const sim = this.cfg.simulator.startSession({
      user: this.cfg.user,
      context,
      memory: this.memory,
      catalog: this.cfg.catalog,
      rng: root.fork('simulator'),
      instructionsEnabled: this.cfg.instructionsEnabled,
      hooks,
      startedAt,
    });
    const id = o.trajectoryId ?? `${this.cfg.recommenderName ?? 'agent'}/${this.cfg.user.id}/${seed}/${index}`;
    this.state = {
      id,
      seed,
      index,
      startedAt,
      context,
      sim,
      turns: [],
      interactions: [],
      shown: [],
      shownSet: new Set(),
      instruction: null,
      implicit: undefined,
      elapsedSec: 0,
      endReason: null,
      metricsRetention: undefined,
      summary: null,
    };
    return { observation: this.observe(), info: { sessionIndex: index } };
  }

  /** Show a slate to the user. Throws on an invalid slate or when the session is over. */
  async step(action: Slate): Promise<StepResult> {
    const s = this.state;
    if (!s) throw new Error('RecoEnv.step() called before reset()');
    if (s.endReason !== null) throw new Error(`RecoEnv.step() called after the session ended (${s.endReason}); call reset()`);
    this.validate(action, s);

    const turnIndex = s.turns.length;
    if (action.itemIds.length === 0) return this.endStep(s, action, [], null, 'catalog_exhausted', false);
    if (action.message && s.instruction !== null) s.sim.hearReply?.(action.message);
    for (const id of action.itemIds) {
      s.shown.push(id);
      s.shownSet.add(id);
    }

    const decisions: ItemDecision[] = [];
    const turn: Turn = { index: turnIndex, slate: action, decisions, reflection: null, reward: 0 };
    s.turns.push(turn);
    let reflection: Reflection | null = null;
    let left = false;
    try {
      for (let position = 0; position < action.itemIds.length; position++) {
        if (this.cfg.signal?.aborted) return this.endStep(s, action, decisions, null, 'stopped', true);
        const item = this.index.byId.get(action.itemIds[position])!;
        await this.emit({ type: 'item_start', turn: turnIndex, position, itemId: item.id });
        const d = await s.sim.decide(item, position, turnIndex);
        decisions.push(d);
        const at = s.startedAt + Math.round(s.elapsedSec * 1000);
        s.elapsedSec += itemSeconds(d);
        for (const it of interactionsOf(d, at)) s.interactions.push(it);
        await this.emit({ type: 'decision', turn: turnIndex, decision: d });
        if (d.actions.includes('leave')) {
          left = true;
          await this.emit({ type: 'leave', turn: turnIndex, position });
          reflection = await s.sim.reflect();
          turn.reflection = reflection;
          await this.emit({ type: 'reflection', turn: turnIndex, reflection });
          if (reflection.instruction && this.cfg.instructionsEnabled) {
            await this.emit({ type: 'instruction', turn: turnIndex, text: reflection.instruction.text });
          }
          break;
        }
      }
    } catch (err) {
      if (this.cfg.signal?.aborted) return this.endStep(s, action, decisions, reflection, 'stopped', true);
      this.finish('error');
      throw err;
    }

    const instruction = this.cfg.instructionsEnabled && reflection?.instruction ? reflection.instruction.text : null;
    let end: EndReason | null = null;
    if (left && instruction === null) end = timeRanOut(decisions, reflection) ? 'time_up' : 'left_silent';
    else if (!this.cfg.instructionsEnabled) end = 'no_instructions';
    if (end) return this.endStep(s, action, decisions, reflection, end, false);
    if (turnIndex + 1 >= this.cfg.maxTurns) return this.endStep(s, action, decisions, reflection, 'turn_limit', true);

    turn.reward = rewardOf(this.reward, decisions);
    s.instruction = instruction;
    s.implicit = implicitSignals(decisions, this.index.byId);
    return {
      observation: this.observe(),
      reward: turn.reward,
      terminated: false,
      truncated: false,
      info: { decisions, reflection, endReason: null },
    };
  }

  /**
   * End the current session now, as 'stopped' (the person pressed stop) or 'error' (the
   * run failed outside the env), and return the trajectory. When the session already
   * ended, the trajectory is returned as it is.
   */
  stop(reason: 'stopped' | 'error' = 'stopped'): Trajectory {
    if (this.state && this.state.endReason === null) this.finish(reason);
    return this.trajectory();
  }

  /** The trajectory so far; `metrics` and `endReason` are final once the session ended. */
  trajectory(): Trajectory {
    const s = this.state;
    if (!s) throw new Error('RecoEnv.trajectory() called before reset()');
    const endReason = s.endReason ?? 'stopped';
    return {
      id: s.id,
      seed: s.seed,
      userId: this.cfg.user.id,
      recommender: this.cfg.recommenderName ?? 'agent',
      simulator: this.cfg.simulator.name,
      catalogId: this.cfg.catalog.id,
      context: s.context,
      instructionsEnabled: this.cfg.instructionsEnabled,
      turns: [...s.turns],
      endReason,
      metrics: sessionMetrics(s.turns, endReason, s.metricsRetention),
      startedAt: s.startedAt,
    };
  }

  /** The simulated user's satisfaction and time left right now (null before reset). */
  mindsetNow(): { satisfaction: number; timeLeftSec: number } | null {
    const m = this.state?.sim.mindset;
    return m ? { satisfaction: m.satisfaction, timeLeftSec: m.timeLeftSec } : null;
  }

  /** The summary the simulator stored for the last finished session (null before). */
  lastSummary(): SessionSummary | null {
    return this.state?.summary ?? null;
  }

  // -------------------------------------------------------------------------

  private validate(action: Slate, s: SessionState): void {
    if (!action || !Array.isArray(action.itemIds)) throw new Error('Invalid slate: expected { itemIds: string[] }');
    const seen = new Set<string>();
    for (const id of action.itemIds) {
      if (typeof id !== 'string' || !this.index.byId.has(id)) {
        // Quoted to 200 characters: a 60 KB id came back whole (serve-env's step, a recommender's reply).
        const q = JSON.stringify(id) ?? String(id);
        throw new Error(`Invalid slate: unknown item id ${q.length > 200 ? `${q.slice(0, 201)}..."` : q} (not in catalog "${this.cfg.catalog.id}")`);
      }
      if (seen.has(id)) throw new Error(`Invalid slate: item "${id}" appears twice in the slate`);
      if (s.shownSet.has(id)) throw new Error(`Invalid slate: item "${id}" was already shown in this session`);
      seen.add(id);
    }
  }

  private endStep(
    s: SessionState,
    action: Slate,
    decisions: ItemDecision[],
    reflection: Reflection | null,
    reason: EndReason,
    truncated: boolean,
  ): StepResult {
    const last = s.turns[s.turns.length - 1];
    const turn = last && last.slate === action ? last : null;
    let reward = 0;
    if (turn && decisions.length === 0 && reflection === null) {
      // A stop before the first item leaves no list worth keeping.
      s.turns.pop();
      s.shown.length -= action.itemIds.length;
      for (const id of action.itemIds) s.shownSet.delete(id);
    } else if (turn) {
      reward = turn.reward = rewardOf(this.reward, decisions);
      s.implicit = implicitSignals(decisions, this.index.byId);
    }
    this.finish(reason);
    return {
      observation: this.observe(),
      reward,
      terminated: !truncated,
      truncated,
      info: { decisions, reflection, endReason: reason },
    };
  }

  private finish(reason: EndReason): void {
    const s = this.state!;
    s.endReason = reason;
    const before = this.memory.sessions.length;
    let summary: SessionSummary | null = null;
    try {
      summary = s.sim.end(reason);
    } catch {
      summary = null; // a failing simulator must not hide the original end reason
    }
    // Simulators may or may not record the summary themselves: keep exactly one.
    if (summary && this.memory.sessions.length === before && !this.memory.sessions.includes(summary)) {
      appendSession(this.memory, summary);
    }
    s.summary = summary;
    const model = this.cfg.retention ?? returnModel;
    s.metricsRetention = model(this.memory.sessions);
    for (const it of s.interactions) this.past.push(it);
  }

  private observe(): Observation {
    const s = this.state!;
    const history = this.cfg.user.history.concat(this.past, s.endReason === null ? s.interactions : []);
    return {
      userId: this.cfg.user.id,
      profile: visibleProfile(this.cfg.user),
      context: s.context,
      history,
      turn: s.turns.length,
      shown: [...s.shown],
      instruction: s.instruction,
      ...(s.implicit ? { implicit: s.implicit } : {}),
    };
  }

  private thoughtDelta(position: number, text: string): void {
    const turn = this.state ? this.state.turns.length - 1 : 0;
    this.cfg.onThoughtDelta?.(turn, position, text);
    const r = this.cfg.onEvent?.({ type: 'thought_delta', turn, position, text });
    // The hook is synchronous: a sink's promise cannot be awaited here, only kept from failing loudly.
    if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch(() => undefined);
  }

  private async emit(e: SessionEvent): Promise<void> {
    if (this.cfg.onEvent) await this.cfg.onEvent(e);
  }
}

function timeRanOut(decisions: readonly ItemDecision[], reflection: Reflection | null): boolean {
  if (reflection?.reasons.includes('time_up')) return true;
  const last = decisions[decisions.length - 1];
  return !!last && last.reasons.includes('time_up');
}
