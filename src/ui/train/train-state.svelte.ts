/**
 * The Train view's state: a training loop that asks the worker for one chunk of episodes
 * at a time, so pause takes effect after the current chunk and speed is the chunk size
 * (and a pause between chunks at the slowest speed). Episodes per second are measured here.
 */
import { firstProblem, isWholeIn, wholeNumberProblem } from '../shell/whole-number';
import type { Objective } from '../../core/rl/objective';
import type { PolicyJson } from '../../core/rl/policy';
import { FEATURE_NAMES } from '../../core/rl/features';
import type { BaselinePoint, TrainChunk, TrainPoint, TrainStart } from './train-protocol';

/** How the state reaches a trainer (the worker client, or in-process handlers in tests). */
export interface TrainRunner {
  start(s: TrainStart): Promise<TrainChunk>;
  run(episodes: number, onPoint: (p: TrainPoint) => void): Promise<TrainChunk>;
  close(): void;
}

export const SPEEDS = [
  { id: 'slow', label: 'Slow', chunk: 4, pauseMs: 400 },
  { id: 'normal', label: 'Normal', chunk: 20, pauseMs: 0 },
  { id: 'fast', label: 'Fast', chunk: 80, pauseMs: 0 },
] as const;

export class TrainState {
  seed = $state(42);
  objective = $state<Objective>('blend');
  evalUsers = $state(30);
  evalEvery = $state(40);
  speed = $state<(typeof SPEEDS)[number]['id']>('normal');
  points = $state<TrainPoint[]>([]);
  baselines = $state<BaselinePoint[]>([]);
  episode = $state(0);
  running = $state(false);
  started = $state(false);
  episodesPerSecond = $state(0);
  error = $state<string | null>(null);
  /** `error` says what is wrong with a field: it goes once the fields are fixed. */
  private inputError = $state(false);
  theta = $state<number[]>([]);
  /** Weights to start from at the next start (a loaded or imported policy), and its name. */
  init = $state<number[] | null>(null);
  initName = $state<string | null>(null);
  /** The episode at which leaving the view paused a running training (null: not paused that way). */
  pausedOnLeave = $state<number | null>(null);
  /** A start (or resume) is under way: Start is disabled meanwhile (a second press started a second trainer and loop). */
  starting = $state(false);
  private loop: Promise<void> | null = null;
  /** Bumped by reset: a start begun before it is dropped when it resumes. */
  private epoch = 0;
  /** The view was left while a start was under way: it ends paused instead of training unseen. */
  private leftWhileStarting = false;

  constructor(private readonly runner: TrainRunner, private readonly sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))) {}

  /** What is wrong with each of the form's numbers (an emptied field is null), in the form's order: said beside its field. */
  get problems(): Record<'seed' | 'evalEvery' | 'evalUsers', string | null> {
    return {
      seed: wholeNumberProblem('Seed', this.seed, 0, 4294967295),
      evalEvery: isWholeIn(this.evalEvery, 4, 10000) ? null : 'Evaluate every: enter a whole number of episodes from 4 to 10000.',
      evalUsers: wholeNumberProblem('Held-out users', this.evalUsers, 5, 500),
    };
  }

  /** The first of `problems`, or null when the numbers can start a run. */
  inputProblem(): string | null {
    return firstProblem(this.problems);
  }

  /** The error to show: a field's sentence goes once the fields are fixed (it stayed until the next Start). */
  get shownError(): string | null {
    return this.inputError && !this.inputProblem() ? null : this.error;
  }

  /** Start (or resume) training. */
  async start(): Promise<void> {
    if (this.running || this.starting) return;
    this.starting = true;
    this.leftWhileStarting = false;
    const epoch = this.epoch;
    this.error = null;
    this.inputError = false;
    this.pausedOnLeave = null;
    try {
      // Resume right after Pause: the paused loop may still await its chunk, and a new loop
      // beside it ran two chunks at once on one trainer (curve points twice, out of order).
      await this.loop;
      if (epoch !== this.epoch) return;
      if (!this.started) {
        // A cleared field reached the trainer as null: no curve points ever, a NaN progress bar.
        const problem = this.inputProblem();
        if (problem) {
          this.error = problem;
          this.inputError = true;
          return;
        }
        const c = await this.runner.start({ seed: this.seed, objective: this.objective, evalUsers: this.evalUsers, evalEvery: this.evalEvery, ...(this.init ? { theta: [...this.init] } : {}) });
        if (epoch !== this.epoch) return;
        this.points = c.points;
        this.baselines = c.baselines ?? [];
        this.episode = c.episode;
        this.theta = c.theta;
        this.started = true;
      }
      if (this.leftWhileStarting) {
        this.pausedOnLeave = this.episode;
        return;
      }
      this.running = true;
      this.loop = this.run();
    } catch (e) {
      this.error = `Training could not start: ${(e as Error).message}`;
    } finally {
      this.starting = false;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      const sp = SPEEDS.find((s) => s.id === this.speed) ?? SPEEDS[1];
      const t0 = performance.now();
      try {
        const c = await this.runner.run(sp.chunk, () => undefined);
        this.points = [...this.points, ...c.points];
        this.episodesPerSecond = Math.round((10 * (c.episode - this.episode)) / Math.max(0.001, (performance.now() - t0) / 1000)) / 10;
        this.episode = c.episode;
        this.theta = c.theta;
      } catch (e) {
        this.error = `Training failed: ${(e as Error).message}`;
        this.running = false;
        return;
      }
      // Always yield a macrotask: an in-process trainer resolves in microtasks only and would starve the page.
      await this.sleep(sp.pauseMs);
    }
  }

  /** Leaving the view: a running training pauses (it would otherwise use the CPU unseen) and says so on return. */
  async leave(): Promise<void> {
    // Left while starting (the baselines take seconds): it used to begin training once started, unseen.
    if (this.starting) this.leftWhileStarting = true;
    if (!this.running) return;
    this.pausedOnLeave = this.episode;
    await this.pause();
  }

  /** Pause after the current chunk. */
  async pause(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Forget the trainer and the curve (the next start begins from `init` or zeros). */
  async reset(): Promise<void> {
    this.epoch++;
    await this.pause();
    this.pausedOnLeave = null;
    this.started = false;
    this.points = [];
    this.baselines = [];
    this.episode = 0;
    this.theta = [];
    this.episodesPerSecond = 0;
  }

  /** The current weights as a policy file. */
  policy(): PolicyJson | null {
    if (!this.theta.length) return null;
    return { format: 'recoworld-rl-policy', version: 1, features: [...FEATURE_NAMES], theta: [...this.theta], meta: { episodes: this.episode, seed: this.seed, objective: this.objective, trainedIn: 'Train view' } };
  }
}
