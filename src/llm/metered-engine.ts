/**
 * Wraps an engine and reports every call's tokens and latency (the live figures in the
 * LLM panel). The simulator records the same figures per decision in `ItemDecision.llm`.
 */
import type { ChatCallOptions, ChatEngine, ChatRequest, ChatResponse } from '../core/llm/chat-engine';

/** One finished or failed call. */
export interface CallFigures {
  ok: boolean;
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  tokensPerSec: number;
  model: string;
  /** Token counts were estimated from text length (the server reported none). */
  estimated: boolean;
  error?: string;
}

export class MeteredEngine implements ChatEngine {
  constructor(
    readonly inner: ChatEngine,
    private readonly onCall: (f: CallFigures) => void,
  ) {}

  get id(): string {
    return this.inner.id;
  }

  async chat(req: ChatRequest, opts?: ChatCallOptions): Promise<ChatResponse> {
    try {
      const r = await this.inner.chat(req, opts);
      this.onCall({
        ok: true,
        promptTokens: r.usage.promptTokens,
        completionTokens: r.usage.completionTokens,
        latencyMs: r.latencyMs,
        tokensPerSec: r.latencyMs > 0 ? r.usage.completionTokens / (r.latencyMs / 1000) : 0,
        model: r.model,
        estimated: Boolean(r.usageEstimated),
      });
      return r;
    } catch (e) {
      this.onCall({ ok: false, promptTokens: 0, completionTokens: 0, latencyMs: 0, tokensPerSec: 0, model: this.inner.id, estimated: false, error: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  }
}
