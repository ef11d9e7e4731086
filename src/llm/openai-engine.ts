/**
 * A `ChatEngine` for any OpenAI-compatible chat-completions endpoint (Ollama, LM Studio,
 * llama.cpp server, vLLM, hosted APIs): fetch + server-sent events, an idle timeout (no
 * byte for `timeoutMs` fails the call), cancel, JSON-schema constrained replies with a
 * fallback to plain prompting when the server rejects `response_format`.
 *
 * The API key lives only in this object (it is sent as a header, never in the URL).
 */
import { ChatEngineError, type ChatCallOptions, type ChatEngine, type ChatRequest, type ChatResponse } from '../core/llm/chat-engine';
import { watchAbort } from './abort';
import { sseData } from './sse';

export interface OpenAiEngineConfig {
  /** Base URL up to and including the API version, e.g. "http://127.0.0.1:11434/v1". */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Milliseconds without any byte from the server before the call fails. Default 60 000. */
  timeoutMs?: number;
  /** Send the JSON schema as `response_format` (default true); turned off for the session when the server rejects it. */
  useJsonSchema?: boolean;
  /** For tests and non-browser hosts. */
  fetch?: typeof fetch;
  /** Milliseconds clock (default performance.now). */
  now?: () => number;
}

/** Trim and drop trailing slashes; "…/v1/chat/completions" pasted whole is accepted too. */
export function normalizeBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
}

interface StreamChunk {
  model?: string;
  choices?: { delta?: { content?: string | null }; message?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: { message?: string };
}

export class OpenAiCompatibleEngine implements ChatEngine {
  readonly id: string;
  private schemaSupported: boolean;
  private readonly cfg: OpenAiEngineConfig;

  constructor(cfg: OpenAiEngineConfig) {
    this.cfg = { ...cfg, baseUrl: normalizeBaseUrl(cfg.baseUrl) };
    this.id = `openai:${cfg.model}`;
    this.schemaSupported = cfg.useJsonSchema !== false;
  }

  /** The endpoint URL (without credentials). */
  get url(): string {
    return `${this.cfg.baseUrl}/chat/completions`;
  }

  async chat(req: ChatRequest, opts: ChatCallOptions = {}): Promise<ChatResponse> {
    const withSchema = Boolean(req.responseFormat?.schema) && this.schemaSupported;
    try {
      return await this.call(req, opts, withSchema);
    } catch (e) {
      // Servers without structured output answer 400/422 (or 500 on some llama.cpp builds) naming the field.
      if (withSchema && e instanceof ChatEngineError && e.kind === 'http' && /response_format|json_schema|schema|grammar/i.test(e.message) && (e.status ?? 0) >= 400) {
        this.schemaSupported = false;
        const res = await this.call(req, opts, false);
        return { ...res, schemaIgnored: true };
      }
      throw e;
    }
  }

  private body(req: ChatRequest, withSchema: boolean): string {
    const body: Record<string, unknown> = {
      model: req.model ?? this.cfg.model,
      messages: req.messages,
      stream: true,
      stream_options: { include_usage: true },
    };
    if (req.temperature !== undefined) body.temperature = req.temperature;
    if (req.maxTokens !== undefined) body.max_tokens = req.maxTokens;
    if (req.seed !== undefined) body.seed = req.seed;
    if (withSchema && req.responseFormat?.schema) {
      body.response_format = {
        type: 'json_schema',
        json_schema: { name: req.responseFormat.name ?? 'reply', schema: req.responseFormat.schema, strict: true },
      };
    }
    return JSON.stringify(body);
  }

  private async call(req: ChatRequest, opts: ChatCallOptions, withSchema: boolean): Promise<ChatResponse> {
    const now = this.cfg.now ?? (() => performance.now());
    const doFetch = this.cfg.fetch ?? fetch;
    const timeoutMs = this.cfg.timeoutMs ?? 60_000;
    const ctrl = new AbortController();
    let why: 'timeout' | 'aborted' | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        why = 'timeout';
        ctrl.abort();
      }, timeoutMs);
    };
    const unwatch = watchAbort(opts.signal, () => {
      why ??= 'aborted';
      ctrl.abort();
    });
    const fail = (e: unknown): never => {
      if (why === 'aborted') throw new ChatEngineError('aborted', 'Stopped');
      if (why === 'timeout') throw new ChatEngineError('timeout', `No answer from ${this.url} for ${Math.round(timeoutMs / 1000)} s (timeout). Is the model loaded? Raise the timeout for slow machines.`);
      if (e instanceof ChatEngineError) throw e;
      throw new ChatEngineError('network', `Cannot reach ${this.url} (${e instanceof Error ? e.message : String(e)}). Is the server running, and does it allow this page's origin (CORS)?`);
    };
    const t0 = now();
    arm();
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
      if (this.cfg.apiKey) headers.Authorization = `Bearer ${this.cfg.apiKey}`;
      let res: Response;
      try {
        res = await doFetch(this.url, { method: 'POST', headers, body: this.body(req, withSchema), signal: ctrl.signal });
      } catch (e) {
        return fail(e);
      }
      if (!res.ok) throw await httpError(res);
      let text = '';
      let model = req.model ?? this.cfg.model;
      let finishReason = 'stop';
      let usage: { promptTokens: number; completionTokens: number } | null = null;
      const take = (chunk: StreamChunk) => {
        if (chunk.error) throw new ChatEngineError('bad_response', `The server reported an error mid-stream: ${chunk.error.message ?? 'unknown'}`);
        if (chunk.model) model = chunk.model;
        const choice = chunk.choices?.[0];
        const piece = choice?.delta?.content ?? choice?.message?.content ?? '';
        if (piece) {
          text += piece;
          opts.onDelta?.(piece);
        }
        if (choice?.finish_reason) finishReason = choice.finish_reason;
        if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens ?? 0, completionTokens: chunk.usage.completion_tokens ?? 0 };
      };
      try {
        if (!res.body) throw new ChatEngineError('bad_response', 'The server sent no body');
        if ((res.headers.get('content-type') ?? '').includes('application/json')) {
          // A server that ignored stream: true answers with one JSON object.
          take(JSON.parse(await res.text()) as StreamChunk);
        } else {
          for await (const data of sseData(res.body)) {
            arm();
            if (data.trim() === '[DONE]') break;
            let chunk: StreamChunk;
            try {
              chunk = JSON.parse(data) as StreamChunk;
            } catch {
              throw new ChatEngineError('bad_response', `The server sent a stream event that is not JSON: ${data.slice(0, 80)}`);
            }
            take(chunk);
          }
        }
      } catch (e) {
        return fail(e);
      }
      if (why) return fail(null);
      const latencyMs = now() - t0;
      const u = usage as { promptTokens: number; completionTokens: number } | null;
      return {
        text,
        model,
        finishReason,
        latencyMs,
        usage: u ?? { promptTokens: estimateTokens(req.messages.map((m) => m.content).join('\n')), completionTokens: estimateTokens(text) },
        usageEstimated: u === null,
      };
    } finally {
      clearTimeout(timer);
      unwatch();
    }
  }

  /** Model ids the server lists (GET /models), for the settings panel's connection test. */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    const doFetch = this.cfg.fetch ?? fetch;
    const headers: Record<string, string> = {};
    if (this.cfg.apiKey) headers.Authorization = `Bearer ${this.cfg.apiKey}`;
    let res: Response;
    try {
      res = await doFetch(`${this.cfg.baseUrl}/models`, { headers, signal });
    } catch (e) {
      throw new ChatEngineError('network', `Cannot reach ${this.cfg.baseUrl}/models (${e instanceof Error ? e.message : String(e)}). Is the server running, and does it allow this page's origin (CORS)?`);
    }
    if (!res.ok) throw await httpError(res);
    const json = (await res.json()) as { data?: { id?: string }[] };
    return (json.data ?? []).map((m) => m.id ?? '').filter(Boolean);
  }
}

/** About four characters per token: used only when the server reports no usage (flagged as estimated). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** A clear error for a non-2xx answer, with the server's own message when it sent one. */
async function httpError(res: Response): Promise<ChatEngineError> {
  let detail = '';
  try {
    const body = await res.text();
    try {
      const j = JSON.parse(body) as { error?: { message?: string } | string; message?: string; detail?: string };
      detail = (typeof j.error === 'string' ? j.error : j.error?.message) ?? j.message ?? j.detail ?? body;
    } catch {
      detail = body;
    }
  } catch {
    // no body
  }
  detail = detail.trim().slice(0, 300);
  const s = res.status;
  const hint =
    s === 401 || s === 403 ? 'The server refused the request: check the API key.'
    : s === 404 ? 'Not found: check the base URL (it usually ends in /v1) and the model name.'
    : s === 429 ? 'Rate limited: the server asks to slow down.'
    : s >= 500 ? `Server error ${s}.`
    : `The server rejected the request (${s}).`;
  return new ChatEngineError('http', `${hint}${detail ? ` Server said: ${detail}` : ''}`, s);
}
