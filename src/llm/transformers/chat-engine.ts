/**
 * A `ChatEngine` over a Transformers.js chat model: in the app the model runs in a Web
 * Worker (worker.ts, through the typed RPC), in Node in-process. Streams deltas, stops on
 * the signal, reports the real token counts. Transformers.js cannot constrain output to a
 * JSON schema, so `schemaIgnored` is set when one is asked for: the LLM simulator's reply
 * repair, retries and rule-based fallback (marked per decision) handle what comes back.
 */
import { ChatEngineError, type ChatCallOptions, type ChatEngine, type ChatRequest, type ChatResponse } from '../../core/llm/chat-engine';
import type { AbortLike } from '../../core/simulator/simulator';
import type { GenerateArgs, GenerateResult } from './runtime';

/** Where generation happens (a worker client or an in-process `Generator`). */
export interface GenerateBackend {
  readonly model: string;
  generate(args: GenerateArgs, opts: { onDelta?: (text: string) => void; signal?: AbortLike }): Promise<GenerateResult>;
}

/** Reply length when the request sets none. */
const DEFAULT_MAX_TOKENS = 400;

export class TransformersChatEngine implements ChatEngine {
  readonly id: string;

  constructor(
    private readonly backend: GenerateBackend,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.id = `transformers:${backend.model}`;
  }

  async chat(req: ChatRequest, opts: ChatCallOptions = {}): Promise<ChatResponse> {
    if (opts.signal?.aborted) throw new ChatEngineError('aborted', 'Stopped');
    const t0 = this.now();
    let res: GenerateResult;
    try {
      res = await this.backend.generate({ messages: req.messages, maxNewTokens: req.maxTokens ?? DEFAULT_MAX_TOKENS }, { onDelta: opts.onDelta, signal: opts.signal });
    } catch (e) {
      if (opts.signal?.aborted || (e as Error)?.name === 'AbortError') throw new ChatEngineError('aborted', 'Stopped');
      const msg = e instanceof Error ? e.message : String(e);
      if (/worker.*(failed|terminated)/i.test(msg)) throw new ChatEngineError('not_loaded', `The Transformers.js worker stopped: ${msg}`);
      throw new ChatEngineError('bad_response', `Transformers.js failed: ${msg}`);
    }
    if (res.finishReason === 'abort' || opts.signal?.aborted) throw new ChatEngineError('aborted', 'Stopped');
    return {
      text: res.text,
      usage: { promptTokens: res.promptTokens, completionTokens: res.completionTokens },
      model: this.backend.model,
      finishReason: res.finishReason,
      latencyMs: this.now() - t0,
      ...(req.responseFormat?.schema ? { schemaIgnored: true } : {}),
    };
  }
}
