/**
 * A `ChatEngine` for any OpenAI-compatible chat-completions endpoint (Ollama, LM Studio,
 * llama.cpp server, vLLM, hosted APIs): fetch + server-sent events, an idle timeout (no
 * byte for `timeoutMs` fails the call), an overall deadline per call and caps on the reply
 * (so a server that streams forever ends with an error), retries with jittered backoff and
 * `Retry-After` for refused connections, 429 and 5xx, cancel, JSON-schema constrained
 * replies with a fallback to plain prompting when the server rejects `response_format`.
 *
 * The API key lives only in this object (it is sent as a header, never in the URL).
 */
import { ChatEngineError, type ChatCallOptions, type ChatEngine, type ChatRequest, type ChatResponse } from '../core/llm/chat-engine';
import { watchAbort } from './abort';
import { htmlSummary, readJsonReply, readPrefix, readSse, readText, ReplyState, type ReplyLimits } from './openai-stream';
import { credentialsMessage, hasCredentials, redactUrl, serverSnippet } from './redact';
import { isRedirect, redirectSummary } from '../remote/redirect';
import { backoffMs, isRetryableStatus, parseRetryAfter, retryPolicy, type RetryPolicy } from './retry';

/**
 * In a browser (page or worker) a server that refuses the page's origin looks like one that
 * is not there; in Node (the CLI) there is no origin to refuse.
 */
export function corsHint(env: { process?: { versions?: { node?: string } } } = globalThis as object): string {
  return env.process?.versions?.node ? '' : ", and does it allow this page's origin (CORS)";
}
const CORS_HINT = corsHint();
import { DEFAULT_MAX_SSE_LINE_CHARS } from './sse';

export interface OpenAiEngineConfig {
  /** Base URL up to and including the API version, e.g. "http://127.0.0.1:11434/v1". Must not carry a user name or password. */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Milliseconds without any byte from the server (keep-alive comments count) before the call fails. Default 60 000. */
  timeoutMs?: number;
  /** Overall deadline of one call, retries and backoff included, in ms. Default 300 000 (and never below `timeoutMs`). */
  deadlineMs?: number;
  /** Most characters of reply text. Default 200 000. */
  maxReplyChars?: number;
  /** Most bytes of one response body (keep-alives and empty deltas included). Default 16 MiB. */
  maxResponseBytes?: number;
  /** Most characters of one stream line or event. Default 1 MiB. */
  maxLineChars?: number;
  /** Retries of refused connections, 408/429/5xx (before any reply text), with backoff; see `RetryPolicy`. */
  retry?: Partial<RetryPolicy>;
  /** Told before each retry (for a status line). */
  onRetry?: (info: { attempt: number; waitMs: number; error: ChatEngineError }) => void;
  /** Send the JSON schema as `response_format` (default true); turned off for the session when the server rejects it. */
  useJsonSchema?: boolean;
  /** For tests and non-browser hosts. */
  fetch?: typeof fetch;
  /** Milliseconds clock (default performance.now). */
  now?: () => number;
  /** Wall clock for `Retry-After` dates (default Date.now). */
  wallNow?: () => number;
}

/** Trim and drop trailing slashes; "…/v1/chat/completions" pasted whole is accepted too. */
export function normalizeBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '').replace(/\/chat\/completions$/, '');
}

const SCHEMA_REJECTED = /response_format|json_schema|schema|grammar/i;

export class OpenAiCompatibleEngine implements ChatEngine {
  readonly id: string;
  private schemaSupported: boolean;
  private readonly cfg: OpenAiEngineConfig;
  private readonly policy: RetryPolicy;
  private readonly limits: ReplyLimits;

  /** Throws a 'config' ChatEngineError for a URL with credentials (the message shows it redacted). */
  constructor(cfg: OpenAiEngineConfig) {
    if (hasCredentials(cfg.baseUrl)) throw new ChatEngineError('config', credentialsMessage(cfg.baseUrl));
    this.cfg = { ...cfg, baseUrl: normalizeBaseUrl(cfg.baseUrl) };
    this.id = `openai:${cfg.model}`;
    this.schemaSupported = cfg.useJsonSchema !== false;
    this.policy = retryPolicy(cfg.retry);
    this.limits = {
      maxReplyChars: cfg.maxReplyChars ?? 200_000,
      maxBytes: cfg.maxResponseBytes ?? 16 * 1024 * 1024,
      maxLineChars: cfg.maxLineChars ?? DEFAULT_MAX_SSE_LINE_CHARS,
    };
  }

  /** The endpoint URL (without credentials). */
  get url(): string {
    return redactUrl(`${this.cfg.baseUrl}/chat/completions`);
  }

  async chat(req: ChatRequest, opts: ChatCallOptions = {}): Promise<ChatResponse> {
    const now = this.cfg.now ?? (() => performance.now());
    const timeoutMs = this.cfg.timeoutMs ?? 60_000;
    const deadlineMs = Math.max(this.cfg.deadlineMs ?? 300_000, timeoutMs);
    const deadlineAt = now() + deadlineMs;
    const t0 = now();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.chatOnce(req, opts, deadlineAt, deadlineMs);
      } catch (e) {
        if (!(e instanceof ChatEngineError) || !e.details.transient || opts.signal?.aborted) throw e;
        const tries = `${attempt + 1} attempt${attempt ? 's' : ''} over ${((now() - t0) / 1000).toFixed(1)} s`;
        const final = (why: string) => new ChatEngineError(e.kind, `${e.message} Gave up after ${tries}${why}.`, e.status, { ...e.details, transient: false, attempts: attempt + 1 });
        if (attempt >= this.policy.retries) throw final('');
        const asked = e.details.retryAfterMs;
        if (asked !== undefined && asked > this.policy.maxRetryAfterMs) {
          throw final(`: the server asks to retry after ${Math.round(asked / 1000)} s, longer than the ${Math.round(this.policy.maxRetryAfterMs / 1000)} s this app waits`);
        }
        const waitMs = asked ?? backoffMs(attempt, this.policy);
        if (now() + waitMs >= deadlineAt) throw final(`: the next try would pass the ${Math.round(deadlineMs / 1000)} s deadline`);
        this.cfg.onRetry?.({ attempt: attempt + 1, waitMs, error: e });
        await this.policy.sleep(waitMs, opts.signal);
      }
    }
  }

  /** One request, with the schema fallback (a rejected `response_format` is retried at once without it). */
  private async chatOnce(req: ChatRequest, opts: ChatCallOptions, deadlineAt: number, deadlineMs: number): Promise<ChatResponse> {
    const withSchema = Boolean(req.responseFormat?.schema) && this.schemaSupported;
    try {
      return await this.call(req, opts, withSchema, deadlineAt, deadlineMs);
    } catch (e) {
      // Servers without structured output answer 400/422 (or 500 on some llama.cpp builds) naming the field.
      if (withSchema && e instanceof ChatEngineError && e.kind === 'http' && SCHEMA_REJECTED.test(e.message) && (e.status ?? 0) >= 400) {
        this.schemaSupported = false;
        const res = await this.call(req, opts, false, deadlineAt, deadlineMs);
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

  private async call(req: ChatRequest, opts: ChatCallOptions, withSchema: boolean, deadlineAt: number, deadlineMs: number): Promise<ChatResponse> {
    const now = this.cfg.now ?? (() => performance.now());
    const doFetch = this.cfg.fetch ?? fetch;
    const timeoutMs = this.cfg.timeoutMs ?? 60_000;
    const ctrl = new AbortController();
    let why: 'timeout' | 'deadline' | 'aborted' | null = null;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const stop = (reason: 'timeout' | 'deadline') => {
      why ??= reason;
      ctrl.abort();
    };
    // The idle timer restarts on every chunk of bytes (keep-alive comments included).
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => stop('timeout'), timeoutMs);
    };
    const deadline = setTimeout(() => stop('deadline'), Math.max(0, deadlineAt - now()));
    const unwatch = watchAbort(opts.signal, () => {
      why ??= 'aborted';
      ctrl.abort();
    });
    const state = new ReplyState(this.limits, req.model ?? this.cfg.model, opts.onDelta);
    const fail = (e: unknown): never => {
      if (why === 'aborted') throw new ChatEngineError('aborted', 'Stopped');
      if (why === 'timeout') throw new ChatEngineError('timeout', `No answer from ${this.url} for ${Math.round(timeoutMs / 1000)} s (timeout). Is the model loaded? Raise the timeout for slow machines.`);
      if (why === 'deadline') throw new ChatEngineError('timeout', `${this.url} did not finish its reply within ${Math.round(deadlineMs / 1000)} s (the deadline per call) and was stopped${state.text ? ` after ${state.text.length} characters` : ''}.`);
      if (e instanceof ChatEngineError) throw e;
      const cause = errorCause(e);
      if (state.bytes > 0) throw new ChatEngineError('network', `The connection to ${this.url} broke in the middle of the reply (${cause}).`, undefined, { transient: !state.emitted });
      throw new ChatEngineError('network', `Cannot reach ${this.url} (${cause}). Is the server running${CORS_HINT}?`, undefined, { transient: true });
    };
    const t0 = now();
    arm();
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'text/event-stream' };
      if (this.cfg.apiKey) headers.Authorization = `Bearer ${this.cfg.apiKey}`;
      let res: Response;
      try {
        res = await doFetch(`${this.cfg.baseUrl}/chat/completions`, { method: 'POST', headers, body: this.body(req, withSchema), signal: ctrl.signal, redirect: 'manual' });
      } catch (e) {
        return fail(e);
      }
      arm();
      try {
        if (isRedirect(res)) throw redirectError(res, this.url, `${this.cfg.baseUrl}/chat/completions`);
        if (!res.ok) throw await httpError(res, this.cfg.wallNow?.() ?? Date.now(), arm);
        if (!res.body) throw new ChatEngineError('bad_response', 'The server sent no body.');
        const type = (res.headers.get('content-type') ?? '').toLowerCase();
        if (type.includes('text/html')) {
          const page = await readText(res.body, state, 256 * 1024, arm).catch(() => '');
          throw new ChatEngineError('bad_response', `The server answered with a web page, not a chat-completions stream${htmlSummary(page) ? ` ("${htmlSummary(page)}")` : ''}. Check the base URL (it usually ends in /v1).`);
        }
        // A server that ignored stream: true answers with one JSON object.
        if (type.includes('application/json')) await readJsonReply(res.body, state, this.limits, arm);
        else await readSse(res.body, state, this.limits, arm);
      } catch (e) {
        return fail(e);
      }
      if (why) return fail(null);
      const latencyMs = now() - t0;
      const finishReason = state.finishReason ?? (state.done ? 'stop' : 'incomplete');
      return {
        text: state.text,
        model: state.model,
        finishReason,
        latencyMs,
        usage: state.usage ?? { promptTokens: estimateTokens(req.messages.map((m) => m.content).join('\n')), completionTokens: estimateTokens(state.text) },
        usageEstimated: state.usage === null,
      };
    } finally {
      clearTimeout(idle);
      clearTimeout(deadline);
      unwatch();
    }
  }

  /** Model ids the server lists (GET /models), for the settings panel's connection test. */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    const doFetch = this.cfg.fetch ?? fetch;
    const headers: Record<string, string> = {};
    if (this.cfg.apiKey) headers.Authorization = `Bearer ${this.cfg.apiKey}`;
    const where = redactUrl(`${this.cfg.baseUrl}/models`);
    let res: Response;
    try {
      res = await doFetch(`${this.cfg.baseUrl}/models`, { headers, signal, redirect: 'manual' });
    } catch (e) {
      throw new ChatEngineError('network', `Cannot reach ${where} (${errorCause(e)}). Is the server running${CORS_HINT}?`);
    }
    if (isRedirect(res)) throw redirectError(res, where, `${this.cfg.baseUrl}/models`);
    if (!res.ok) throw await httpError(res, Date.now(), () => {});
    if (!res.body) return [];
    const state = new ReplyState(this.limits, '', undefined);
    const text = await readText(res.body, state, 4 * 1024 * 1024, () => {});
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ChatEngineError('bad_response', `${where} did not answer with JSON: ${serverSnippet(text, 80)}`);
    }
    const data = (json as { data?: unknown })?.data;
    if (!Array.isArray(data)) return [];
    return data.map((m) => (typeof (m as { id?: unknown })?.id === 'string' ? serverSnippet((m as { id: string }).id, 200) : '')).filter(Boolean);
  }
}

/** The reason a fetch failed, in words ("connection refused" rather than "fetch failed"). */
function errorCause(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const named: Record<string, string> = {
    ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset', ENOTFOUND: 'host not found', ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable', UND_ERR_SOCKET: 'connection closed by the server',
  };
  if (named[code]) return named[code];
  const msg = e instanceof Error ? e.message : String(e);
  return serverSnippet(typeof cause?.message === 'string' && msg === 'fetch failed' ? cause.message : msg, 160);
}

/** About four characters per token: used only when the server reports no usage (flagged as estimated). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * A redirect is said, not followed (as the HTTP recommenders' is): following it re-sent the
 * prompt, and the API key with it, to wherever the server pointed, and a 301/302 turned the
 * POST into a bodiless GET. Not retried: the address is wrong, not busy.
 */
function redirectError(res: Response, where: string, requestUrl: string): ChatEngineError {
  return new ChatEngineError('http', `${redirectSummary(where, res, requestUrl)}, which is not followed: use the address it points to as the base URL.`, res.status || undefined);
}

/** A clear error for a non-2xx answer, with the server's own message when it sent one (bounded, control characters removed). */
async function httpError(res: Response, wallNow: number, onBytes: () => void): Promise<ChatEngineError> {
  let detail = '';
  let body = '';
  if (res.body) {
    try {
      body = await readPrefix(res.body, 64 * 1024, onBytes);
    } catch {
      // no readable body (or too long): the status says enough
    }
  }
  if (/<html|<!doctype html/i.test(body)) detail = htmlSummary(body);
  else {
    try {
      const j = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown; detail?: unknown };
      const pick = (typeof j?.error === 'string' ? j.error : j?.error?.message) ?? j?.message ?? j?.detail;
      detail = typeof pick === 'string' ? pick : body;
    } catch {
      detail = body;
    }
    detail = serverSnippet(detail, 300);
  }
  const s = res.status;
  const hint =
    s === 401 || s === 403 ? 'The server refused the request: check the API key.'
    : s === 404 ? 'Not found: check the base URL (it usually ends in /v1) and the model name.'
    : s === 429 ? 'Rate limited: the server asks to slow down.'
    : s >= 500 ? `Server error ${s}.`
    : `The server rejected the request (${s}).`;
  const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), wallNow) ?? undefined;
  return new ChatEngineError('http', `${hint}${detail ? ` Server said: ${detail}` : ''}`, s, { transient: isRetryableStatus(s), retryAfterMs });
}
