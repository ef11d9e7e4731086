/**
 * A recommender behind the common API (protocol.ts): an HTTP server or a JS module, as an
 * ordinary `Recommender`. The transport is injected (`RecommenderEndpoint`): the core never
 * touches the network; the CLI and the app pass a fetch-based or module-based endpoint.
 *
 * `fit` and `resetSession` are synchronous in the `Recommender` interface, so their calls
 * are queued and the next `recommend` waits for them. Any failure (unreachable, slow,
 * HTTP error, malformed JSON, a list that breaks the rules) rejects `recommend` with a
 * `RemoteRecommenderError` that names every problem: the runner turns it into a session
 * that ends with 'error', never a crash. Optional calls (`fit`, `reset`) a server does not
 * implement (HTTP 404/405/501) are skipped.
 */
import { buildCatalogIndex, type CatalogIndex } from '../../catalog/catalog-index';
import type { Observation, Recommender, Rng, Slate, TrainingData } from '../../types';
import { fitRequest, recommendRequest, resetRequest, type ApiRequest } from './protocol';
import { RemoteRecommenderError, readRecommendReply, replyValue, type EndpointReply } from './reply';

/** How a remote recommender is reached. Implementations enforce `timeoutMs` and reject with a plain message. */
export interface RecommenderEndpoint {
  /** The recommender's name as runs keep it ("http://..." or "module:..."). */
  readonly name: string;
  call(request: ApiRequest, opts: { timeoutMs: number }): Promise<EndpointReply>;
}

export interface RemoteOptions {
  /** Per call (default 10 s). */
  timeoutMs?: number;
  /** For `fit` (default ten times `timeoutMs`: a server may train on the whole catalog; the check passes a shorter one). */
  fitTimeoutMs?: number;
  /** Whether it reads `instruction` (default true: it is sent; following it is the server's business). */
  followsInstructions?: boolean;
}

/** Thrown by an endpoint whose call got no reply within its deadline (not for a reply that was wrong). */
export class EndpointTimeoutError extends Error {
  override readonly name = 'EndpointTimeoutError';
}

/** HTTP statuses that mean "this optional call is not implemented". */
const NOT_IMPLEMENTED = new Set([404, 405, 501]);

export class RemoteRecommender implements Recommender {
  readonly name: string;
  readonly followsInstructions: boolean;
  private readonly timeoutMs: number;
  private readonly fitTimeoutMs: number;
  private index: CatalogIndex | null = null;
  /** Queued optional calls (fit, reset); `recommend` waits for them. */
  private pending: Promise<void> = Promise.resolve();
  private failure: RemoteRecommenderError | null = null;

  constructor(
    private readonly endpoint: RecommenderEndpoint,
    options: RemoteOptions = {},
  ) {
    this.name = endpoint.name;
    this.followsInstructions = options.followsInstructions ?? true;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fitTimeoutMs = options.fitTimeoutMs ?? this.timeoutMs * 10;
  }

  fit(data: TrainingData, _rng: Rng): void {
    this.index = buildCatalogIndex(data.catalog);
    this.failure = null;
    this.enqueue(fitRequest(data), this.fitTimeoutMs);
  }

  resetSession(userId: string): void {
    // A failed fit stays reported; otherwise each session starts clean.
    if (this.failure?.problems[0]?.startsWith('fit:') !== true) this.failure = null;
    this.enqueue(resetRequest(userId, this.requireIndex().catalog.id), this.timeoutMs);
  }

  async recommend(obs: Observation, k: number, _rng: Rng): Promise<Slate> {
    const index = this.requireIndex();
    await this.pending;
    if (this.failure) throw this.failure;
    const req = recommendRequest(obs, k, index.catalog.id);
    const raw = await this.send(req, this.timeoutMs);
    const { value, problems } = replyValue(raw);
    if (problems.length > 0) throw new RemoteRecommenderError(this.name, problems);
    const read = readRecommendReply(value, req, index);
    if (!read.slate) throw new RemoteRecommenderError(this.name, read.problems);
    return read.slate;
  }

  private requireIndex(): CatalogIndex {
    if (!this.index) throw new Error(`Recommender "${this.name}": call fit(data, rng) before recommend()`);
    return this.index;
  }

  private async send(req: ApiRequest, timeoutMs: number): Promise<EndpointReply> {
    try {
      return await this.endpoint.call(req, { timeoutMs });
    } catch (e) {
      const unanswered = e instanceof EndpointTimeoutError ? { op: req.op, timeoutMs } : undefined;
      throw new RemoteRecommenderError(this.name, [`${req.op}: ${(e as Error)?.message ?? String(e)}`], !!unanswered, unanswered);
    }
  }

  private enqueue(req: ApiRequest, timeoutMs: number): void {
    this.pending = this.pending.then(async () => {
      if (this.failure) return;
      try {
        const raw = await this.send(req, timeoutMs);
        if (raw.kind === 'text' && NOT_IMPLEMENTED.has(raw.status)) return;
        // Any 2xx is fine and its body ignored (docs/recommender-api.md): a 204, or 200 "ok",
        // failed every session as "not valid JSON".
        if (raw.kind === 'text' && raw.status >= 200 && raw.status <= 299) return;
        const { problems } = replyValue(raw);
        if (problems.length > 0) this.failure = new RemoteRecommenderError(this.name, problems.map((p) => `${req.op}: ${p}`));
      } catch (e) {
        this.failure = e instanceof RemoteRecommenderError ? e : new RemoteRecommenderError(this.name, [`${req.op}: ${String(e)}`]);
      }
    });
  }
}
