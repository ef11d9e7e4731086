/**
 * The environment as a service for RL code outside the browser (`npm run serve-env`):
 * Gym-style `reset` / `step` / `spec` on JSON values, over one `RecoEnv` at a time. The
 * transport (node:http in src/cli/serve-env.ts) only moves JSON; every rule is here, so
 * the same seed gives the same episode whoever drives it (tests drive it in-process, over
 * HTTP from Node and from Python).
 *
 * Errors are `EnvServiceError`s with an HTTP status and one plain sentence.
 */
import { buildCatalogIndex, type CatalogIndex } from '../catalog/catalog-index';
import { RecoEnv } from '../env/reco-env';
import { REWARD_NAMES, type RewardName } from '../env/reward';
import { simulators } from '../simulator/registry';
import type { Catalog, Observation, Trajectory, UserProfile } from '../types';
import { defaultContext } from '../users/context';

/** A request the service refuses: `status` is the HTTP status to answer with. */
export class EnvServiceError extends Error {
  override readonly name = 'EnvServiceError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface EnvServiceConfig {
  catalog: Catalog;
  /** Users a reset may name (personas, then population variants); the first is the default. */
  users: UserProfile[];
  /** Items per slate. */
  listSize: number;
  maxTurns: number;
  instructionsEnabled: boolean;
  reward: RewardName;
}

/** Version of the wire format (spec, reset, step). */
export const ENV_API_VERSION = '1.0';

/** A refused value as JSON, cut to 200 characters (a 60 KB value was echoed back whole). */
function quoted(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 200 ? `${s.slice(0, 200)}...` : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export class EnvService {
  private readonly index: CatalogIndex;
  private readonly byId: Map<string, UserProfile>;
  private env: RecoEnv | null = null;
  private done = true;
  private steps = 0;

  constructor(private readonly cfg: EnvServiceConfig) {
    if (cfg.users.length === 0) throw new Error('EnvService needs at least one user');
    this.index = buildCatalogIndex(cfg.catalog);
    this.byId = new Map(cfg.users.map((u) => [u.id, u]));
  }

  /** `GET /spec`: the spaces and settings. */
  spec(): Record<string, unknown> {
    const c = this.cfg;
    return {
      version: ENV_API_VERSION,
      catalogId: c.catalog.id,
      k: c.listSize,
      maxTurns: c.maxTurns,
      instructionsEnabled: c.instructionsEnabled,
      reward: c.reward,
      rewards: REWARD_NAMES,
      users: c.users.map((u) => u.id),
      action: {
        type: 'slate',
        description: `{"items": [item ids], "message"?: text}: at most ${c.listSize} distinct catalog ids not yet shown in this session; an empty list ends the session (catalog exhausted)`,
        k: c.listSize,
        itemIds: c.catalog.items.map((i) => i.id),
      },
      observation: {
        type: 'object',
        description: 'What the built-in recommenders see: userId, profile (visible), context, history, turn, shown, instruction, implicit (feedback on the last list). Same fields as the recommender API request (docs/recommender-api.md).',
      },
      routes: {
        'POST /reset': '{"seed": integer, "user"?: user id, "recommender"?: name recorded in the trajectory} -> {"observation", "info"}',
        'POST /step': '{"items": [ids], "message"?: text} -> {"observation", "reward", "terminated", "truncated", "info"}',
        'GET /spec': 'this description',
      },
    };
  }

  /** `POST /reset`. */
  async reset(body: unknown): Promise<{ observation: Observation; info: Record<string, unknown> }> {
    if (!isObject(body)) throw new EnvServiceError(400, 'reset: the body must be a JSON object like {"seed": 42}');
    const seed = body.seed;
    if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new EnvServiceError(400, `reset: "seed" must be a whole number from 0 to 4294967295 (got ${quoted(seed)})`);
    }
    let user = this.cfg.users[0];
    if (body.user !== undefined) {
      const u = typeof body.user === 'string' ? this.byId.get(body.user) : undefined;
      if (!u) {
        const known = this.cfg.users.slice(0, 5).map((x) => x.id).join(', ');
        throw new EnvServiceError(400, `reset: "user" ${quoted(body.user)} is not one of the ${this.cfg.users.length} users (GET /spec lists them; e.g. ${known})`);
      }
      user = u;
    }
    const name = body.recommender === undefined ? 'agent' : body.recommender;
    if (typeof name !== 'string' || !/^[\w.:/+-]{1,200}$/.test(name)) throw new EnvServiceError(400, 'reset: "recommender" must be a short name (letters, digits, . _ : / + -)');
    this.env = new RecoEnv({
      catalog: this.cfg.catalog,
      index: this.index,
      user,
      context: defaultContext(user),
      simulator: simulators.get('rule-based').create(),
      recommenderName: name,
      maxTurns: this.cfg.maxTurns,
      instructionsEnabled: this.cfg.instructionsEnabled,
      reward: this.cfg.reward,
    });
    const r = await this.env.reset({ seed });
    this.done = false;
    this.steps = 0;
    return { observation: r.observation, info: { ...r.info, userId: user.id, seed, k: this.cfg.listSize, catalogId: this.cfg.catalog.id } };
  }

  /** `POST /step`. */
  async step(body: unknown): Promise<Record<string, unknown>> {
    if (!this.env) throw new EnvServiceError(409, 'step: no episode yet; POST /reset first');
    if (this.done) throw new EnvServiceError(409, 'step: the episode has ended; POST /reset to start another');
    if (!isObject(body) || !Array.isArray(body.items)) throw new EnvServiceError(400, 'step: the body must be {"items": [item ids], "message"?: text}');
    const items = body.items as unknown[];
    if (items.length > this.cfg.listSize) throw new EnvServiceError(400, `step: ${items.length} items; at most k = ${this.cfg.listSize}`);
    if (!items.every((x) => typeof x === 'string')) throw new EnvServiceError(400, 'step: "items" must be item id strings');
    if (body.message !== undefined && typeof body.message !== 'string') throw new EnvServiceError(400, 'step: "message" must be text');
    let r;
    try {
      r = await this.env.step({ itemIds: items as string[], ...(typeof body.message === 'string' ? { message: body.message.slice(0, 2000) } : {}) });
    } catch (e) {
      const msg = (e as Error).message;
      // An invalid slate is refused before anything happens: the episode goes on.
      if (msg.startsWith('Invalid slate')) throw new EnvServiceError(400, `step: ${msg.replace(/^Invalid slate: /, '')}`);
      throw e;
    }
    this.steps++;
    const ended = r.terminated || r.truncated;
    if (ended) this.done = true;
    const t: Trajectory | null = ended ? this.env.trajectory() : null;
    return {
      observation: r.observation,
      reward: r.reward,
      terminated: r.terminated,
      truncated: r.truncated,
      info: { ...r.info, step: this.steps, ...(t ? { metrics: t.metrics } : {}) },
    };
  }
}
