/**
 * State of the language-model try-out: a Transformers.js chat model in a worker (picker,
 * self-hosted URL, download progress, cache status), one prompt, a streamed reply, stop,
 * and the token counts the model reported.
 */
import { folderCredentialsMessage, hasCredentials } from '../../llm/redact';
import type { ChatEngine } from '../../core/llm/chat-engine';
import { TJS_CHAT_MODELS } from '../../llm/transformers/models';

export class LmState {
  model = $state(TJS_CHAT_MODELS[0].id);
  modelBase = $state('');
  device = $state<'auto' | 'wasm' | 'webgpu'>('auto');
  dtype = $state('');
  prompt = $state('In one sentence: would you watch a video about a backyard crab boil?');
  maxTokens = $state(48);

  loading = $state(false);
  fraction = $state<number | null>(null);
  progressText = $state('');
  loaded = $state<string | null>(null);
  cacheText = $state<string | null>(null);
  generating = $state(false);
  output = $state('');
  usage = $state<{ prompt: number; completion: number; ms: number; finish: string } | null>(null);
  error = $state<string | null>(null);

  private engine: ChatEngine | null = null;
  private worker: import('../../llm/transformers/client').TjsWorker | null = null;
  private loadAbort: AbortController | null = null;
  private genAbort: AbortController | null = null;

  async load(): Promise<void> {
    // An emptied field was sent to the hub as model "" and came back as "unreachable".
    if (!this.model.trim()) {
      this.error = `Enter a model id (for example ${TJS_CHAT_MODELS[0].id}); nothing was fetched.`;
      return;
    }
    if (hasCredentials(this.modelBase)) {
      this.error = folderCredentialsMessage(this.modelBase);
      return;
    }
    this.loading = true;
    this.error = null;
    this.fraction = 0;
    this.loaded = null;
    this.engine = null;
    const ctrl = (this.loadAbort = new AbortController());
    let worker: import('../../llm/transformers/client').TjsWorker | null = null;
    try {
      const { TjsWorker } = await import('../../llm/transformers/client');
      worker = this.worker ??= new TjsWorker();
      const model = this.model.trim();
      const r = await worker.loadChat({
        model,
        modelBase: this.modelBase.trim() || null,
        device: this.device,
        dtype: this.dtype.trim() || undefined,
        signal: ctrl.signal,
        onProgress: (p) => {
          this.fraction = p.fraction;
          this.progressText = p.phase === 'ready' ? 'ready' : `${p.file || '…'}: ${(p.fraction * 100).toFixed(0)}% (${p.mbDone.toFixed(1)} of ${p.mbTotal.toFixed(1)} MB)`;
        },
      });
      this.engine = r.engine;
      this.loaded = `${r.info.model} on ${r.info.device} (${r.info.dtype}), loaded in ${(r.info.ms / 1000).toFixed(1)} s`;
      await this.refreshCache();
    } catch (e) {
      // Cancel loading closes the worker, which rejected the load with "The Transformers.js
      // worker was closed", said as an error after the user's own Cancel.
      this.error = ctrl.signal.aborted ? 'Loading cancelled.' : e instanceof Error ? e.message : String(e);
      // Cancelled before its worker started (the device was being picked): the worker the
      // load then started is no one's now; it is closed rather than left running.
      if (ctrl.signal.aborted && worker && worker !== this.worker) worker.close();
    } finally {
      this.loading = false;
      this.fraction = null;
      this.loadAbort = null;
    }
  }

  async refreshCache(): Promise<void> {
    const { tjsCacheStatus } = await import('../../llm/transformers/cache');
    const s = await tjsCacheStatus(this.model.trim()).catch(() => null);
    this.cacheText = !s ? null : !s.available ? 'browser cache unavailable' : `${s.files} files in the browser cache (${(s.bytes / 1e6).toFixed(1)} MB)`;
  }

  cancelLoad(): void {
    this.loadAbort?.abort();
    this.worker?.close();
    this.worker = null;
  }

  async generate(): Promise<void> {
    if (!this.engine) return;
    // The field shows the number used: a whole count in 1..512, the default when emptied (null).
    const typed = Math.floor(Number(this.maxTokens));
    this.maxTokens = this.maxTokens === null || !Number.isFinite(typed) ? 48 : Math.max(1, Math.min(512, typed));
    this.generating = true;
    this.error = null;
    this.output = '';
    this.usage = null;
    this.genAbort = new AbortController();
    try {
      const r = await this.engine.chat(
        { messages: [{ role: 'system', content: 'You are a social-media user. Answer briefly.' }, { role: 'user', content: this.prompt }], maxTokens: this.maxTokens },
        { signal: this.genAbort.signal, onDelta: (d) => (this.output += d) },
      );
      this.usage = { prompt: r.usage.promptTokens, completion: r.usage.completionTokens, ms: r.latencyMs, finish: r.finishReason };
    } catch (e) {
      this.error = (e as { kind?: string })?.kind === 'aborted' ? 'Stopped.' : e instanceof Error ? e.message : String(e);
    } finally {
      this.generating = false;
      this.genAbort = null;
    }
  }

  stop(): void {
    this.genAbort?.abort();
  }

  dispose(): void {
    this.genAbort?.abort();
    this.worker?.close();
  }
}
