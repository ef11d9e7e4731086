/**
 * Reading one chat-completions answer, streamed (SSE) or whole (JSON), within bounds:
 * total bytes, reply characters and one stream line are capped; bytes must be UTF-8; every
 * event is checked for shape (choices an array, content a string); `usage` is kept only when
 * its counts are non-negative safe integers and `model` only when it is a string. Every
 * byte that arrives (keep-alive comments included) is reported, so the caller's idle timer
 * measures silence, not the gap between complete events.
 */
import { ChatEngineError, type ChatUsage } from '../core/llm/chat-engine';
import { serverSnippet, stripControlChars } from './redact';
import { SseLimitError, SseParser } from './sse';

export interface ReplyLimits {
  /** Most characters of reply text. */
  maxReplyChars: number;
  /** Most bytes of one response body (pings and empty deltas count too). */
  maxBytes: number;
  /** Most characters of one SSE line or event. */
  maxLineChars: number;
}

/** What has been read of a reply so far. */
export class ReplyState {
  text = '';
  model: string;
  finishReason: string | null = null;
  usage: ChatUsage | null = null;
  /** `data: [DONE]` was seen. */
  done = false;
  bytes = 0;
  /** At least one piece of text went to `onDelta` (a retry would repeat it). */
  emitted = false;

  constructor(
    private readonly limits: ReplyLimits,
    model: string,
    private readonly onDelta?: (text: string) => void,
  ) {
    this.model = model;
  }

  /** Apply one chunk (a parsed stream event or the whole JSON answer). Throws a clear error on a bad one. */
  take(chunk: unknown): void {
    if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk)) {
      throw new ChatEngineError('bad_response', `The server sent a stream event that is not a JSON object: ${serverSnippet(JSON.stringify(chunk) ?? String(chunk), 80)}`);
    }
    const c = chunk as Record<string, unknown>;
    if (c.error !== undefined && c.error !== null) {
      const e = c.error as { message?: unknown } | string;
      const msg = typeof e === 'string' ? e : typeof e?.message === 'string' ? e.message : 'unknown';
      throw new ChatEngineError('bad_response', `The server reported an error mid-stream: ${serverSnippet(msg)}`);
    }
    if (typeof c.model === 'string' && c.model.trim()) this.model = serverSnippet(c.model, 200);
    if (c.choices !== undefined && c.choices !== null && !Array.isArray(c.choices)) {
      throw new ChatEngineError('bad_response', `The server sent "choices" as ${typeName(c.choices)}, not a list.`);
    }
    const choice = (c.choices as unknown[] | undefined)?.[0] as Record<string, unknown> | undefined;
    if (choice && typeof choice === 'object') {
      const holder = (choice.delta ?? choice.message) as Record<string, unknown> | undefined | null;
      const piece = holder && typeof holder === 'object' ? holder.content : undefined;
      if (piece !== undefined && piece !== null && typeof piece !== 'string') {
        throw new ChatEngineError('bad_response', `The server sent reply content as ${typeName(piece)}, not text.`);
      }
      if (piece) this.add(piece);
      if (typeof choice.finish_reason === 'string' && choice.finish_reason) this.finishReason = serverSnippet(choice.finish_reason, 40);
    }
    if (c.usage !== undefined && c.usage !== null) this.usage = validUsage(c.usage) ?? this.usage;
  }

  private add(piece: string): void {
    if (this.text.length + piece.length > this.limits.maxReplyChars) {
      throw new ChatEngineError('too_long', `The reply grew past ${this.limits.maxReplyChars} characters and was stopped (the server may be looping; lower max tokens or raise the cap).`);
    }
    this.text += piece;
    this.emitted = true;
    this.onDelta?.(piece);
  }
}

/** `{promptTokens, completionTokens}` when both counts are non-negative safe integers; null otherwise (then estimated). */
export function validUsage(u: unknown): ChatUsage | null {
  if (typeof u !== 'object' || u === null) return null;
  const { prompt_tokens: p, completion_tokens: c } = u as Record<string, unknown>;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  return ok(p) && ok(c) ? { promptTokens: p, completionTokens: c } : null;
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : `a ${typeof v}`;
}

/** Decodes bytes as strict UTF-8 and counts them against the cap. */
class BoundedDecoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  constructor(private readonly state: ReplyState, private readonly maxBytes: number) {}

  decode(value: Uint8Array | undefined): string {
    if (value) {
      this.state.bytes += value.byteLength;
      if (this.state.bytes > this.maxBytes) {
        throw new ChatEngineError('too_long', `The server sent more than ${this.maxBytes} bytes for one reply and was stopped (an endless stream?).`);
      }
    }
    try {
      return value ? this.decoder.decode(value, { stream: true }) : this.decoder.decode();
    } catch {
      throw new ChatEngineError('bad_response', 'The server sent bytes that are not valid UTF-8.');
    }
  }
}

/** Read a text/event-stream body into `state`; `onBytes` is called for every chunk of bytes. */
export async function readSse(body: ReadableStream<Uint8Array>, state: ReplyState, limits: ReplyLimits, onBytes: () => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new BoundedDecoder(state, limits.maxBytes);
  const parser = new SseParser(limits.maxLineChars);
  const events = (datas: string[]): boolean => {
    for (const data of datas) {
      if (data.trim() === '[DONE]') {
        state.done = true;
        return true;
      }
      let chunk: unknown;
      try {
        chunk = JSON.parse(data);
      } catch {
        throw new ChatEngineError('bad_response', `The server sent a stream event that is not JSON: ${serverSnippet(data, 80)}`);
      }
      state.take(chunk);
    }
    return false;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      onBytes();
      if (done) {
        if (!events(parser.push(decoder.decode(undefined)))) events(parser.end());
        return;
      }
      const finished = events(parser.push(decoder.decode(value)));
      // Time spent here handling a big chunk is not the server being silent.
      onBytes();
      if (finished) return;
    }
  } catch (e) {
    if (e instanceof SseLimitError) throw new ChatEngineError('too_long', e.message);
    throw e;
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** Read a whole (non-streamed) body as text within the byte cap. */
export async function readText(body: ReadableStream<Uint8Array>, state: ReplyState, maxBytes: number, onBytes: () => void): Promise<string> {
  const reader = body.getReader();
  const decoder = new BoundedDecoder(state, maxBytes);
  const parts: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      onBytes();
      parts.push(decoder.decode(done ? undefined : value));
      if (done) return parts.join('');
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** At most `maxBytes` of a body as text (lenient UTF-8); the rest is dropped and the stream cancelled. For error pages. */
export async function readPrefix(body: ReadableStream<Uint8Array>, maxBytes: number, onBytes: () => void): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let n = 0;
  try {
    while (n < maxBytes) {
      const { done, value } = await reader.read();
      onBytes();
      if (done) break;
      const take = value.subarray(0, maxBytes - n);
      n += take.byteLength;
      parts.push(decoder.decode(take, { stream: true }));
    }
    parts.push(decoder.decode());
    return parts.join('');
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** Read a JSON answer (a server that ignored `stream: true`) into `state`. */
export async function readJsonReply(body: ReadableStream<Uint8Array>, state: ReplyState, limits: ReplyLimits, onBytes: () => void): Promise<void> {
  const text = await readText(body, state, limits.maxBytes, onBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ChatEngineError('bad_response', `The server answered with JSON that cannot be read: ${serverSnippet(text, 80) || '(empty)'}`);
  }
  state.take(value);
  state.done = true;
}

/** The `<title>` of an HTML page, or its text without tags, as one short line. */
export function htmlSummary(html: string): string {
  const title = /<title[^>]*>([\s\S]{0,400}?)<\/title>/i.exec(html)?.[1];
  const text = title ?? html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return serverSnippet(stripControlChars(text.replace(/&[a-z]+;|&#\d+;/gi, ' ')), 120);
}
