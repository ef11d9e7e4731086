/**
 * A `ChatEngine` over WebLLM's engine (normally a `WebWorkerMLCEngine` talking to
 * worker.ts). Streams with usage, constrains replies with `response_format:
 * {type:'json_object', schema}`, stops with `interruptGenerate()` and keeps reading the
 * stream until it ends (WebLLM's documented way), and reports a lost GPU device as
 * `ChatEngineError('device_lost')` so `RecoveringEngine` can recreate it. Like the HTTP
 * engine, a call has an overall deadline and a cap on the reply's length: a generation
 * that never ends (a stuck GPU, a looping model) is interrupted and fails with a clear error.
 */
import { ChatEngineError, type ChatCallOptions, type ChatEngine, type ChatRequest, type ChatResponse } from '../../core/llm/chat-engine';
import { watchAbort } from '../abort';
import { validUsage } from '../openai-stream';

/** The part of WebLLM's `MLCEngineInterface` used here (a stand-in can implement it in tests). */
export interface MlcEngineLike {
  chat: { completions: { create(req: Record<string, unknown>): Promise<AsyncIterable<MlcChunk>> } };
  interruptGenerate(): void;
  unload(): Promise<void>;
}

/** One streamed chunk (OpenAI-shaped). */
export interface MlcChunk {
  model?: string;
  choices: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}

/** True for WebLLM's device-lost errors (mostly out of GPU memory). */
export function isDeviceLost(e: unknown): boolean {
  const name = typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '';
  const msg = e instanceof Error ? e.message : String(e);
  return name === 'DeviceLostError' || /device (was |is )?lost/i.test(msg);
}

/** Bounds of one WebLLM call. */
export interface WebLlmLimits {
  /** Overall deadline per call in ms. Default 300 000. */
  deadlineMs?: number;
  /** Most characters of reply text. Default 200 000. */
  maxReplyChars?: number;
}

export class WebLlmEngine implements ChatEngine {
  readonly id: string;
  constructor(
    private readonly mlc: MlcEngineLike,
    readonly modelId: string,
    private readonly now: () => number = () => performance.now(),
    private readonly limits: WebLlmLimits = {},
  ) {
    this.id = `webllm:${modelId}`;
  }

  async chat(req: ChatRequest, opts: ChatCallOptions = {}): Promise<ChatResponse> {
    if (opts.signal?.aborted) throw new ChatEngineError('aborted', 'Stopped');
    const body: Record<string, unknown> = {
      messages: req.messages,
      stream: true,
      stream_options: { include_usage: true },
    };
    if (req.temperature !== undefined) body.temperature = req.temperature;
    if (req.maxTokens !== undefined) body.max_tokens = req.maxTokens;
    if (req.seed !== undefined) body.seed = req.seed;
    if (req.responseFormat?.schema) body.response_format = { type: 'json_object', schema: JSON.stringify(req.responseFormat.schema) };
    const t0 = this.now();
    let interrupted = false;
    const unwatch = watchAbort(opts.signal, () => {
      interrupted = true;
      this.mlc.interruptGenerate();
    });
    let text = '';
    let finishReason = 'stop';
    let usage = { promptTokens: 0, completionTokens: 0 };
    let model = this.modelId;
    const deadlineMs = this.limits.deadlineMs ?? 300_000;
    const maxReplyChars = this.limits.maxReplyChars ?? 200_000;
    let limit: ChatEngineError | null = null;
    const stopFor = (e: ChatEngineError) => {
      if (limit || interrupted) return;
      limit = e;
      this.mlc.interruptGenerate();
    };
    const reading = (async () => {
      const stream = await this.mlc.chat.completions.create(body);
      // After interruptGenerate() the stream still ends by itself; read it to the end so the engine is left idle.
      for await (const chunk of stream) {
        if (typeof chunk.model === 'string' && chunk.model) model = chunk.model;
        const choice = chunk.choices[0];
        const piece = choice?.delta?.content ?? '';
        if (piece && !interrupted && !limit) {
          if (text.length + piece.length > maxReplyChars) {
            stopFor(new ChatEngineError('too_long', `The reply grew past ${maxReplyChars} characters and was stopped (the model may be looping; lower max tokens).`));
          } else {
            text += piece;
            opts.onDelta?.(piece);
          }
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        // Kept only when both counts are non-negative safe integers (as for the HTTP engine).
        if (chunk.usage) usage = validUsage(chunk.usage) ?? usage;
      }
    })();
    // A generation that does not end by the deadline is interrupted; the call fails then,
    // without waiting for the stream (a stuck GPU may never end it).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        stopFor(new ChatEngineError('timeout', `WebLLM did not finish its reply within ${Math.round(deadlineMs / 1000)} s (the deadline per call) and was stopped after ${text.length} characters.`));
        resolve();
      }, deadlineMs);
    });
    try {
      await Promise.race([reading, deadline]);
    } catch (e) {
      if (isDeviceLost(e)) throw new ChatEngineError('device_lost', 'The GPU device was lost (often out of memory, or the GPU was reset). The engine is being recreated.');
      if (interrupted) throw new ChatEngineError('aborted', 'Stopped');
      throw new ChatEngineError('bad_response', `WebLLM failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      clearTimeout(timer);
      unwatch();
      reading.catch(() => {}); // still draining after a deadline: its outcome no longer matters
    }
    if (interrupted) throw new ChatEngineError('aborted', 'Stopped');
    if (limit) throw limit;
    return { text, usage, model, finishReason, latencyMs: this.now() - t0 };
  }

  unload(): Promise<void> {
    return this.mlc.unload();
  }
}
