/**
 * The chat-completions boundary every LLM engine implements (WebLLM in a worker, any
 * OpenAI-compatible HTTP endpoint, the scripted engine of the tests). Pure types: the
 * shapes follow OpenAI's chat-completions API so engines are thin adapters.
 */
import type { AbortLike } from '../simulator/simulator';

/** One chat message, OpenAI-shaped. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * Ask for a JSON reply. `schema` is a JSON Schema object; engines translate it to their
 * own form (WebLLM: `{type:'json_object', schema: JSON.stringify(schema)}`; OpenAI-compatible:
 * `{type:'json_schema', json_schema:{name, schema, strict}}`).
 */
export interface ResponseFormat {
  type: 'json_object';
  schema?: object;
  /** Name for engines that want one (OpenAI `json_schema.name`). */
  name?: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** Model id; engines that are bound to one model may ignore it. */
  model?: string;
  temperature?: number;
  maxTokens?: number;
  responseFormat?: ResponseFormat;
  /** Seed for engines that support deterministic sampling. */
  seed?: number;
}

/** Token accounting as the engine reports it (0 where it reports nothing). */
export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatResponse {
  /** The whole reply text. */
  text: string;
  usage: ChatUsage;
  /** Model that answered. */
  model: string;
  /** 'stop', 'length', 'abort', ... as the engine reports it. */
  finishReason: string;
  /** Milliseconds from the request to the last token, measured by the engine adapter. */
  latencyMs: number;
  /** True when the engine could not apply the JSON schema and answered from the prompt alone. */
  schemaIgnored?: boolean;
  /** True when the engine reported no token counts and they were estimated from the text length. */
  usageEstimated?: boolean;
}

export interface ChatCallOptions {
  /** Cancellation; when aborted the engine stops generating and rejects with a `ChatEngineError` of kind 'aborted'. */
  signal?: AbortLike;
  /** Each new piece of text as it is generated. */
  onDelta?: (text: string) => void;
}

/** An LLM behind the chat-completions boundary. */
export interface ChatEngine {
  /** Short id for traces ("webllm:Qwen2.5-0.5B-Instruct-q4f32_1-MLC", "openai:llama3.2"). */
  readonly id: string;
  chat(req: ChatRequest, opts?: ChatCallOptions): Promise<ChatResponse>;
}

/** Why an engine call failed. */
export type ChatErrorKind =
  | 'aborted'
  | 'timeout'
  | 'network'
  | 'http'
  | 'bad_response'
  | 'device_lost'
  | 'not_loaded'
  /** The reply broke a bound (length, bytes, one stream line): the server may be looping. */
  | 'too_long'
  /** The engine was configured wrongly (e.g. a URL with a password in it). */
  | 'config';

/** Details an engine adds to an error, for its own retry logic and for tests. */
export interface ChatErrorDetails {
  /** The failure may pass (refused connection, 429, 5xx before any reply text): worth retrying. */
  transient?: boolean;
  /** What the server's `Retry-After` asked for, in ms. */
  retryAfterMs?: number;
  /** Attempts made before giving up (1 = no retry). */
  attempts?: number;
}

/** A failed engine call, with a message written for the person using the app. */
export class ChatEngineError extends Error {
  readonly kind: ChatErrorKind;
  /** HTTP status for kind 'http'. */
  readonly status?: number;
  readonly details: ChatErrorDetails;

  constructor(kind: ChatErrorKind, message: string, status?: number, details: ChatErrorDetails = {}) {
    super(message);
    this.name = kind === 'aborted' ? 'AbortError' : 'ChatEngineError';
    this.kind = kind;
    this.status = status;
    this.details = details;
  }
}

/** True for errors that mean "the person stopped it" (never retried). */
export function isAbortError(e: unknown): boolean {
  return (
    (e instanceof ChatEngineError && e.kind === 'aborted') ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError')
  );
}
