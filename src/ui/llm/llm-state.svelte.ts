/**
 * The LLM panel's state (runes): settings (persisted, the API key excepted), GPU report,
 * model cache status, load progress, status messages, live call figures and the loaded
 * engine. One instance for the page, so a loaded model survives the panel being hidden.
 */
import type { ChatEngine } from '../../core/llm/chat-engine';
import type { CallFigures } from '../../llm/metered-engine';
import type { LoadProgress } from '../../llm/webllm/progress';
import type { TjsProgress } from '../../llm/transformers/progress';
import type { GpuReport } from '../../llm/webllm/webgpu';
import type { ModelOption } from '../../llm/webllm/catalogue';
import { loadLlmSettings, saveLlmSettings, type LlmSettings } from './settings-store';

/** A status line: what happened and, where needed, what to do. */
export interface StatusMessage {
  level: 'info' | 'warn' | 'error';
  text: string;
  /** Stable code for tests and styling. */
  code: string;
}

export class LlmState {
  settings = $state<LlmSettings>(loadLlmSettings());
  /**
   * Keep the API key in sessionStorage for this tab (otherwise memory only). A key loaded from
   * there was remembered: the box showed unticked after a reload, and the next save dropped it.
   */
  rememberKey = $state(this.settings.openai.apiKey !== '');
  gpu = $state.raw<GpuReport | null>(null);
  models = $state.raw<ModelOption[]>([]);
  cached = $state<Record<string, boolean>>({});
  phase = $state<'idle' | 'detecting' | 'loading' | 'ready' | 'error'>('idle');
  progress = $state.raw<LoadProgress | null>(null);
  /** Transformers.js: load progress and which offered models have files in the cache. */
  tjsProgress = $state.raw<TjsProgress | null>(null);
  tjsCached = $state<Record<string, boolean>>({});
  messages = $state<StatusMessage[]>([]);
  calls = $state<CallFigures[]>([]);
  /** The loaded engine (WebLLM model in its worker, or the endpoint client). */
  engine = $state.raw<ChatEngine | null>(null);
  /** Id of what `engine` is (model id or endpoint), to know when settings changed under it. */
  engineKey = $state('');
  /**
   * The endpoint settings the connected OpenAI-compatible engine was made with (memory only,
   * like the key it holds): an edit since then means the engine shown is not the one asked for.
   */
  connectedEndpoint: string | null = null;
  unload: (() => Promise<void>) | null = null;

  /** Figures of the last call and averages over the successful ones. */
  get figures() {
    const ok = this.calls.filter((c) => c.ok);
    const last = this.calls.at(-1) ?? null;
    const mean = (f: (c: CallFigures) => number) => (ok.length ? ok.reduce((s, c) => s + f(c), 0) / ok.length : 0);
    return {
      last,
      n: ok.length,
      failed: this.calls.length - ok.length,
      meanLatencyMs: mean((c) => c.latencyMs),
      meanTokensPerSec: mean((c) => c.tokensPerSec),
      meanPromptTokens: mean((c) => c.promptTokens),
      meanCompletionTokens: mean((c) => c.completionTokens),
      estimated: ok.some((c) => c.estimated),
    };
  }

  save(): void {
    saveLlmSettings($state.snapshot(this.settings) as LlmSettings, this.rememberKey);
  }

  say(code: string, level: StatusMessage['level'], text: string): void {
    this.messages = [...this.messages.filter((m) => m.code !== code), { code, level, text }];
  }

  clear(...codes: string[]): void {
    this.messages = this.messages.filter((m) => !codes.includes(m.code));
  }

  record(f: CallFigures): void {
    this.calls = [...this.calls.slice(-199), f];
  }
}

/** The page's LLM state. */
export const llmState = new LlmState();
