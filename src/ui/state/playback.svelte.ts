/**
 * The clock of a live session (the clock belongs to the UI, not the core): the runner
 * awaits `gate(event)` after each event, and this class decides how long to hold it —
 * pacing by speed, holding while paused, letting exactly one item through on "step".
 */
import type { SessionEvent } from '../../core/env/environment';

/** Base pauses in ms at speed 1, per event type (what a viewer needs to follow). */
const BASE_DELAY_MS: Partial<Record<SessionEvent['type'], number>> = {
  list: 600,
  item_start: 450,
  decision: 700,
  reflection: 1100,
  instruction: 900,
  reply: 1100,
};

/** Pacing and pause control, shared by the views that play a session. */
export class Playback {
  speed = $state(1);
  paused = $state(false);
  /** When true, no pacing delays (batch-like speed; used by tests and Compare). */
  instant = $state(false);

  private wake: (() => void) | null = null;
  private stepping = false;
  private aborted = false;

  /** Hold the run at `ev` as long as pacing and pause require (`pace` false: pause and step only, as in human mode). */
  async gate(ev: SessionEvent, pace = true): Promise<void> {
    if (this.aborted) return;
    if (this.stepping && ev.type === 'decision') {
      // One item went through: hold again.
      this.stepping = false;
      this.paused = true;
    }
    const base = BASE_DELAY_MS[ev.type] ?? 0;
    if (pace && !this.instant && base > 0) await this.sleep(base / Math.max(this.speed, 0.01));
    while (this.paused && !this.stepping && !this.aborted) await this.waitForWake();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.stepping = false;
    this.kick();
  }

  /** Let one item through, then hold. */
  step(): void {
    this.paused = true;
    this.stepping = true;
    this.kick();
  }

  /** Release everything now (the run is being stopped). */
  abort(): void {
    this.aborted = true;
    this.kick();
  }

  /** Ready for a new run. */
  rearm(): void {
    this.aborted = false;
    this.stepping = false;
    this.paused = false;
  }

  private kick(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private waitForWake(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        if (this.wake === done) this.wake = null;
        resolve();
      }, ms);
      // Abort or a step cuts the wait short.
      const done = () => {
        clearTimeout(t);
        resolve();
      };
      this.wake = done;
    });
  }
}
