/**
 * The messages between the CLI and a recommender module's thread (`module-thread.mjs`, a
 * `node:worker_threads` Worker; the page side is `module-thread-endpoint.ts`). Plain data
 * only. The thread loads the file given as `workerData`, says what it exports, then
 * answers calls one message each. A `recommend` reply is held to the bounds an HTTP body
 * has before it is copied back: the list length first, then its size as JSON.
 */
import type { ApiRequest } from '../core/recommenders/remote/protocol';

/** What the thread is started with (`workerData`). */
export interface ModuleThreadData {
  /** The module's file URL. */
  url: string;
  /** True for a `.ts`/`.mts`/`.cts` file: the thread registers tsx first. */
  typescript: boolean;
}

/** `typeof` of each export the contract reads (of `default` when it has `recommend`, else of the namespace). */
export interface ModuleShape {
  recommend: string;
  reset: string;
  fit: string;
  name: string;
  /** The exported name when it is a string. */
  nameValue: string | null;
}

/** CLI -> thread. */
export interface CallMessage {
  kind: 'call';
  id: number;
  request: ApiRequest;
  /** Most items a reply may list (`maxListLength(k)`). */
  maxItems: number;
  /** Largest reply as JSON, in UTF-8 bytes (MAX_REPLY_BYTES). */
  maxBytes: number;
}

/** Why a call gave no usable reply: the CLI words it with the core's sentences. */
export type CallFailure =
  | { why: 'threw'; message: string }
  | { why: 'too-many'; items: number }
  | { why: 'too-big'; bytes: number }
  | { why: 'not-json'; message: string };

/** Thread -> CLI. */
export type ThreadMessage =
  | { kind: 'loaded'; shape: ModuleShape }
  | { kind: 'load-failed'; message: string }
  /** `json`: the recommend reply as JSON text; null for reset and fit (and absent functions). */
  | { kind: 'done'; id: number; json: string | null }
  | { kind: 'failed'; id: number; failure: CallFailure };
