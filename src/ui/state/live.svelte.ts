/**
 * Runs a session for a view: turns the settings into a run description (`describeRun`),
 * the description into a run (`buildRun`, the core function every entry point uses),
 * feeds the runner's events to a SessionState (through the playback clock) and to the
 * recorder. Restart aborts the current run (it ends 'stopped') before starting the next.
 */
import type { EventSink, SessionEvent } from '../../core/env/environment';
import type { RunDescription } from '../../core/run/description';
import { llmSessionMeta } from '../../core/simulator/llm/session-meta';
import type { UserSimulator } from '../../core/simulator/simulator';
import type { UserProfile } from '../../core/types';
import { createHumanSimulator, type HumanInputSource } from '../human/human-simulator';
import { HumanInput } from '../human/human-input.svelte';
import type { DataStore } from './data.svelte';
import { describeRun } from './describe-run';
import { splitFirstList } from './first-list-link';
import { engineOf, plannerFor } from './make-recommender';
import { Playback } from './playback.svelte';
import { applyEdits, pickUser } from './run-config';
import { SessionState } from './session.svelte';
import { createRecordingSink } from './storage-wiring';
import type { Settings } from './url-settings';

/** Options of one run beyond the settings. */
export interface RunOptions {
  /** Recommender name to use instead of settings.rec (Compare). */
  recommender?: string;
  /** Store the session in the history (default true). */
  record?: boolean;
  /** Start held, letting exactly one item through (step from idle). */
  stepFirst?: boolean;
}

/** One playable session: state, clock, human input, and the run itself. */
export class LiveController {
  readonly session = new SessionState();
  readonly playback: Playback;
  readonly human = new HumanInput();
  /** Simulator provided by the LLM panel when the simulator is 'llm'. */
  llmSimulator = $state.raw<UserSimulator | null>(null);
  /** Label of the current run's recommender (settings may change while it plays). */
  recommender = $state('');
  /** The user of the current run (with edits applied). */
  user = $state.raw<UserProfile | null>(null);
  /** What the run waits for before it starts (an imported dataset's response model), in words; null when nothing. */
  preparing = $state<string | null>(null);
  /** The run description of the current run (what a link, the CLI or a worker would run). */
  description = $state.raw<RunDescription | null>(null);
  /**
   * Whether the session shown is played by a person (human mode). The feed's controls follow it,
   * not the simulator menu: changing the menu mid-session took a person's buttons away while the
   * session waited for them, or put dead ones on a simulated session's card.
   */
  humanRun = $state(false);

  private abort: AbortController | null = null;
  private stopRecording: (() => Promise<void>) | null = null;
  private runId = 0;
  /** Calls of `run` so far (a later call supersedes one still stopping its predecessor). */
  private calls = 0;

  constructor(playback?: Playback) {
    this.playback = playback ?? new Playback();
  }

  /** Start (or restart) a run with these settings. Resolves when the run ends. */
  async run(settings: Settings, data: DataStore, opts: RunOptions = {}): Promise<void> {
    // The latest request wins: this one waits for the recorder of the run it stops, and a
    // later Run / Restart in that time took its run number first, so the later run was left
    // going unaborted (and recorded as "running" for good).
    const call = ++this.calls;
    await this.stop();
    if (call !== this.calls) return;
    const id = ++this.runId;
    const abort = new AbortController();
    this.abort = abort;
    this.playback.rearm();
    if (opts.stepFirst) this.playback.step();
    const s = this.session;
    try {
      const catalog = await data.use(settings.catalog);
      const index = data.index ?? undefined;
      const base = pickUser(data.users, settings.user);
      if (!base) throw new Error('No user to simulate: load a catalog with personas or import users.');
      const recName = opts.recommender ?? settings.rec;
      // A stale link names a user that is not there: the first user plays (as before), and
      // the description says which.
      // first= ids this catalog lacks are dropped here too (the shell drops them and says which
      // once the catalog loads; a Run in the moment before that failed on them).
      const snap = $state.snapshot(settings) as Settings;
      const firstList = splitFirstList(snap.firstList, catalog).kept;
      const description = describeRun({ ...snap, firstList }, { recommender: recName, userId: base.id });
      const [{ runSession }, { buildRun }] = await Promise.all([import('../../core/env/runner'), import('../../core/run/build-run')]);
      const simulator = await this.simulatorFor(settings, abort.signal);
      // The LLM planner uses the engine of the LLM panel; without one, the rules plan.
      const planner = plannerFor(description, engineOf(this.llmSimulator));
      // An imported dataset's movies are judged by its response model: wait for the fit (a
      // few seconds after an import) rather than run with another model than Batch and the CLI.
      if (data.responseModelFitting(catalog)) this.preparing = "Fitting the response model on this dataset's users (a few seconds)…";
      try {
        await data.responseModelReady(catalog);
      } finally {
        if (id === this.runId) this.preparing = null;
      }
      if (id !== this.runId) return;
      const built = buildRun(description, data.runWorld(catalog, base.id), { simulator, planner });
      const user = built.users[0];
      this.user = user;
      this.description = description;
      const context = built.contextFor(user);
      this.recommender = settings.follow ? `${recName}, following instructions` : recName;
      const recommender = built.recommender;
      if (id !== this.runId) return;

      const lookup = (itemId: string) => index?.byId.get(itemId);
      s.reset({ lookup, timeBudgetSec: user.traits.timeBudgetSec, interests: user.interests });
      s.status = 'running';
      const isHuman = settings.sim === 'human';
      this.humanRun = isHuman;
      let record: EventSink = () => {};
      const playback = this.playback;
      const sink: EventSink = async (ev: SessionEvent) => {
        if (id !== this.runId) return;
        if (ev.type === 'session_start' && opts.record !== false) {
          const r = await createRecordingSink(
            {
              id: ev.trajectoryId,
              startedAt: Date.now(),
              seed: settings.seed,
              userId: user.id,
              userName: user.name,
              // The stored name says whether instructions were followed ("content+follow").
              recommender: recommender.name,
              simulator: built.simulator.name,
              catalogId: catalog.id,
              instructionsEnabled: settings.instructions,
              context,
              // What a replay needs to start exactly where the live view started.
              start: {
                timeBudgetSec: user.traits.timeBudgetSec,
                interests: { ...user.interests },
                ...(ev.start ? { satisfaction: ev.start.satisfaction } : {}),
              },
              settings: { ...$state.snapshot(settings), rec: recName },
              // Prompt templates and model of an LLM run (never its API key).
              ...llmSessionMeta(built.simulator),
            },
            lookup,
            {
              onSaved: (at) => {
                if (id === this.runId) s.savedAt = at;
              },
              onError: (msg) => {
                s.storageError = msg;
              },
            },
          );
          // Stopped (Restart, New run) while the database opened: stop() found no recorder to
          // end, so end it here. Left alone it stayed "running" in the history with 0 items
          // and took the new run's place as the recorder to stop.
          if (id !== this.runId) {
            await r.stop();
            return;
          }
          record = r.sink;
          this.stopRecording = r.stop;
        }
        await record(ev);
        s.apply(ev);
        if (ev.type === 'session_end') this.stopRecording = null;
        // A person sets the pace in human mode: only pause and step apply (step holds after the person's next decision).
        if (isHuman) await playback.gate(ev, false);
        else if (ev.type !== 'thought_delta') await playback.gate(ev);
        s.status = s.status === 'ended' ? 'ended' : playback.paused ? 'paused' : 'running';
      };
      // No startedAt: the run uses the catalog's clock, so a shared link replays exactly.
      await runSession({ ...built.configFor(user), signal: abort.signal }, sink);
    } catch (e) {
      if (id === this.runId) {
        s.error = e instanceof Error ? e.message : String(e);
        s.status = 'ended';
      }
    }
  }

  /** Before any run: show the chosen user's budget and interests in the mindset panel. */
  preview(settings: Settings, data: DataStore): void {
    if (this.session.status !== 'idle') return;
    const base = pickUser(data.users, settings.user);
    if (!base) return;
    const user = applyEdits(base, settings.edits);
    this.user = user;
    this.session.timeBudgetSec = user.traits.timeBudgetSec;
    this.session.timeLeftSec = user.traits.timeBudgetSec;
    this.session.interests = { ...user.interests };
  }

  /** Stop the current run (it is stored as 'stopped' up to its last completed item). */
  async stop(): Promise<void> {
    const calls = this.calls;
    this.runId++;
    this.abort?.abort();
    this.abort = null;
    this.playback.abort();
    this.human.cancel();
    const stopRec = this.stopRecording;
    this.stopRecording = null;
    if (stopRec) await stopRec().catch(() => {});
    // A run asked for meanwhile owns the status now (its own stop said 'ended' before it started).
    if (calls === this.calls && (this.session.status === 'running' || this.session.status === 'paused')) this.session.status = 'ended';
  }

  /** Pause or resume. */
  toggle(): void {
    if (this.playback.paused) this.playback.resume();
    else this.playback.pause();
    if (this.session.status !== 'ended' && this.session.status !== 'idle') {
      this.session.status = this.playback.paused ? 'paused' : 'running';
    }
  }

  /** The simulator the page supplies (human, the LLM panel's), or undefined: `buildRun` makes the registered one. */
  private async simulatorFor(settings: Settings, signal: AbortSignal): Promise<UserSimulator | undefined> {
    if (settings.sim === 'human') {
      // A stopped run asks the person nothing more: its leftover questions (the instruction
      // after the leave that `stop` answered) would land in the next run's feed.
      const human = this.human;
      const source: HumanInputSource = {
        requestDecision: (item, position, turn) => (signal.aborted ? Promise.resolve({ actions: ['leave'], watchSec: 0 }) : human.requestDecision(item, position, turn)),
        requestInstruction: () => (signal.aborted ? Promise.resolve(null) : human.requestInstruction()),
      };
      return createHumanSimulator(source);
    }
    if (settings.sim === 'llm' && this.llmSimulator) return this.llmSimulator;
    if (settings.sim === 'llm') {
      // No engine connected yet: the rule-based simulator plays (the settings panel says so).
      const { simulators } = await import('../../core/simulator/registry');
      return simulators.get('rule-based').create();
    }
    return undefined;
  }
}
