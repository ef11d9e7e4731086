/**
 * Survives a lost GPU device: when the inner engine reports 'device_lost', the engine is
 * recreated (the model reloads from the browser cache) and the same request is sent again,
 * so the session goes on from its last completed item instead of ending.
 */
import { ChatEngineError, type ChatCallOptions, type ChatEngine, type ChatRequest, type ChatResponse } from '../core/llm/chat-engine';

export interface RecoveringEngineOptions {
  /** Make a fresh engine (e.g. a new worker and `reload`). */
  create: () => Promise<ChatEngine>;
  /** Told when recovery starts and ends, for the status line. */
  onRecover?: (state: 'recovering' | 'recovered' | 'failed', detail: string) => void;
  /** Recoveries allowed per call. Default 1. */
  maxRecoveries?: number;
}

export class RecoveringEngine implements ChatEngine {
  private inner: ChatEngine | null;
  private creating: Promise<ChatEngine> | null = null;
  /** How many times the engine was recreated. */
  recoveries = 0;

  constructor(first: ChatEngine | null, private readonly opts: RecoveringEngineOptions) {
    this.inner = first;
  }

  get id(): string {
    return this.inner?.id ?? 'recovering';
  }

  private async engine(): Promise<ChatEngine> {
    if (this.inner) return this.inner;
    this.creating ??= this.opts.create().finally(() => (this.creating = null));
    this.inner = await this.creating;
    return this.inner;
  }

  async chat(req: ChatRequest, opts?: ChatCallOptions): Promise<ChatResponse> {
    const max = this.opts.maxRecoveries ?? 1;
    for (let attempt = 0; ; attempt++) {
      const engine = await this.engine();
      try {
        return await engine.chat(req, opts);
      } catch (e) {
        if (!(e instanceof ChatEngineError && e.kind === 'device_lost') || attempt >= max || opts?.signal?.aborted) {
          if (e instanceof ChatEngineError && e.kind === 'device_lost') this.opts.onRecover?.('failed', e.message);
          throw e;
        }
        this.opts.onRecover?.('recovering', e.message);
        this.inner = null;
        this.recoveries++;
        try {
          await this.engine();
        } catch (err) {
          this.opts.onRecover?.('failed', err instanceof Error ? err.message : String(err));
          throw new ChatEngineError('device_lost', `The GPU device was lost and the engine could not be recreated: ${err instanceof Error ? err.message : String(err)}`);
        }
        this.opts.onRecover?.('recovered', 'The engine was recreated; continuing from the last completed item.');
      }
    }
  }
}
