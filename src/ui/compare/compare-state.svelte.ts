/**
 * State of the Compare view: the two sides' sessions, the last "Run both" and the many-seeds
 * run (progress, result, error). The app's view keeps one of these at module level (as Batch
 * and the leaderboard keep theirs), so leaving Compare and coming back finds the run, still
 * going or finished, where it was: the view used to be rebuilt empty and its runs stopped.
 */
import type { SessionMetrics } from '../../core/types';
import type { DataStore } from '../state/data.svelte';
import { LiveController } from '../state/live.svelte';
import type { Settings } from '../state/url-settings';
import { MIN_SEEDS, seedCount, summariseSeeds, type SeedsRow } from './many-seeds';

/** The name a side's table shows: the recommender, and whether it follows instructions. */
export const sideLabel = (rec: string, follows: boolean) => `${rec}${follows ? ' + follows instructions' : ''}`;

export class CompareState {
  readonly a = new LiveController();
  readonly b = new LiveController();
  /** "Run both" in progress. */
  running = $state(false);
  /** The many-seeds field (null: emptied). */
  nSeeds = $state<number | null>(20);
  seedsDone = $state(0);
  seedsRunning = $state(false);
  seedsError = $state<string | null>(null);
  seedsResult = $state<{ rows: SeedsRow[]; seeds: number[]; nameA: string; nameB: string } | null>(null);
  /** What the last "Run both" ran: its tables keep these names when the menus change. */
  ran = $state<{ nameA: string; nameB: string; seed: number } | null>(null);
  /** Seeds of the many-seeds run in progress (the typed number, bounded). */
  seedsTotal = $state(0);
  /** The many-seeds controller of A (while it runs), for its "waiting for the response model" line. */
  seedsA = $state.raw<LiveController | null>(null);
  private cancelSeeds = false;

  /** What a run waits for (an imported dataset's response model), in words; null when nothing. */
  get preparing(): string | null {
    return this.a.preparing ?? this.b.preparing ?? this.seedsA?.preparing ?? null;
  }

  /** Both sides at once, on the same seed (`sa` runs `sa.rec`, `sb` runs `sb.rec2`). */
  async run(sa: Settings, sb: Settings, data: DataStore): Promise<void> {
    this.running = true;
    this.ran = { nameA: sideLabel(sa.rec, sa.follow), nameB: sideLabel(sb.rec2, sb.follow), seed: sa.seed };
    try {
      await Promise.all([this.a.run(sa, data, { recommender: sa.rec }), this.b.run(sb, data, { recommender: sb.rec2 })]);
    } finally {
      this.running = false;
    }
  }

  /** The pair over `n` consecutive seeds from `sa.seed` (not stored), summarised with intervals. */
  async runSeeds(sa: Settings, sb: Settings, data: DataStore, n: number): Promise<void> {
    if (this.seedsRunning) return;
    this.seedsRunning = true;
    this.seedsError = null;
    this.seedsDone = 0;
    this.cancelSeeds = false;
    const total = seedCount(n);
    this.seedsTotal = total;
    const ca = new LiveController();
    const cb = new LiveController();
    ca.playback.instant = true;
    cb.playback.instant = true;
    this.seedsA = ca;
    const pairs: { a: SessionMetrics; b: SessionMetrics }[] = [];
    const seeds: number[] = [];
    try {
      for (let i = 0; i < total && !this.cancelSeeds; i++) {
        const seed = (sa.seed + i) % 4_294_967_296;
        await ca.run({ ...sa, seed }, data, { recommender: sa.rec, record: false });
        await cb.run({ ...sb, seed }, data, { recommender: sb.rec2, record: false });
        const ta = ca.session.trajectory;
        const tb = cb.session.trajectory;
        if (!ta || !tb) throw new Error(ca.session.error ?? cb.session.error ?? `seed ${seed}: a run did not finish`);
        pairs.push({ a: ta.metrics, b: tb.metrics });
        seeds.push(seed);
        this.seedsDone = i + 1;
        // Let the page breathe between seeds (progress bar, cancel).
        await new Promise((r) => setTimeout(r, 0));
      }
      // Cancelled after one seed: no interval to show (and "B worse" from one seed would mislead).
      if (pairs.length < MIN_SEEDS) throw new Error(`cancelled after ${pairs.length} seed${pairs.length === 1 ? '' : 's'}; an interval needs at least ${MIN_SEEDS}`);
      this.seedsResult = { rows: summariseSeeds(pairs), seeds, nameA: sideLabel(sa.rec, sa.follow), nameB: sideLabel(sb.rec2, sb.follow) };
    } catch (e) {
      this.seedsError = e instanceof Error ? e.message : String(e);
    } finally {
      this.seedsRunning = false;
      this.seedsA = null;
    }
  }

  /** Stop the many-seeds run after the seed in progress. */
  cancel(): void {
    this.cancelSeeds = true;
  }

  /** Stop everything (a view with its own state, going away). */
  async stop(): Promise<void> {
    this.cancelSeeds = true;
    await Promise.all([this.a.stop(), this.b.stop()]);
  }
}
