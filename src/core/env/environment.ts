/**
 * The Gymnasium-style contract of RecoWorld, in TypeScript.
 *
 *   const env = new RecoEnv(config);
 *   let { observation, info } = await env.reset({ seed: 42 });
 *   while (true) {
 *     const slate = await recommender.recommend(observation, k, rng);        // the agent acts
 *     const r = await env.step(slate);                                        // the user responds
 *     if (r.terminated || r.truncated) break;
 *     observation = r.observation;
 *   }
 *
 * - action: a Slate (ordered item ids, optional message/plan for the user)
 * - observation: what a recommender may see (types.ts `Observation`)
 * - reward: configurable, default watch seconds of this step (finite, >= 0 for the built-ins)
 * - terminated: the user left without an instruction (or time ran out, or instructions off)
 * - truncated: the turn limit was reached
 * - info: the step's per-item decisions and the reflection/instruction
 *
 * `step` is async because an LLM user answers asynchronously; the rule-based simulator
 * resolves at once.
 */
import type { EndReason, ItemDecision, Observation, Reflection, Slate, Trajectory } from '../types';

export interface ResetOptions {
  seed: number;
  options?: Record<string, unknown>;
}

export interface ResetResult {
  observation: Observation;
  info: { sessionIndex: number };
}

export interface StepInfo {
  decisions: ItemDecision[];
  reflection: Reflection | null;
  endReason: EndReason | null;
}

export interface StepResult {
  observation: Observation;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: StepInfo;
}

/** The environment contract; implemented by `RecoEnv`. */
export interface Env {
  reset(opts: ResetOptions): Promise<ResetResult>;
  step(action: Slate): Promise<StepResult>;
  /** The trajectory so far (complete after termination/truncation). */
  trajectory(): Trajectory;
}

/** Events the session runner emits for the UI, in order. The UI may await them to pace or pause. */
export type SessionEvent =
  | {
      type: 'session_start';
      trajectoryId: string;
      userId: string;
      seed: number;
      /** The user's mindset as the session starts (before the first item), when the runner knows it: gauges show it instead of a made-up full mark. */
      start?: { satisfaction: number; timeLeftSec: number };
    }
  | { type: 'list'; turn: number; slate: Slate }
  | { type: 'item_start'; turn: number; position: number; itemId: string }
  | { type: 'thought_delta'; turn: number; position: number; text: string }
  | { type: 'decision'; turn: number; decision: ItemDecision }
  | { type: 'leave'; turn: number; position: number }
  | { type: 'reflection'; turn: number; reflection: Reflection }
  | { type: 'instruction'; turn: number; text: string }
  | { type: 'reply'; turn: number; message: string; slate: Slate }
  | { type: 'session_end'; trajectory: Trajectory };

/** Event sink; returning a promise lets the UI hold the run (pause, step, pacing). */
export type EventSink = (event: SessionEvent) => void | Promise<void>;
