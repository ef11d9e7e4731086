/**
 * The rule-based user simulator (the default): seeded, synchronous, fast. See
 * docs/simulator.md for the model; rule-session.ts for one session's logic.
 */
import type { ItemVectors } from '../embed/vectors';
import type { Catalog, Item, ItemDecision, Reflection } from '../types';
import { EmbeddingSimilarity } from './embedding-similarity';
import type { SessionStart, SimSession, UserSimulator } from './simulator';
import { resolveParams, type RuleParams } from './rule-params';
import { RuleSession, type SnapshotMode } from './rule-session';

export type { SnapshotMode } from './rule-session';

/** Options of `createRuleBasedSimulator` (also accepted as the registry's plain options record). */
export interface RuleBasedOptions {
  /**
   * 'full' (default): every decision carries the whole mindset (interests and fatigue records)
   * for charts and stored sessions. 'scalars': satisfaction, time left and boredom only, with
   * interests/fatigue as a shared empty object; for benchmarks and large batch runs.
   * `SimSession.mindset` is always full.
   */
  snapshots?: SnapshotMode;
  /** Overrides of the model constants (see rule-params.ts). */
  params?: Partial<RuleParams>;
  /**
   * Optional item vectors of the catalog: "related topic" then also counts topics with
   * close item centroids, and near-identical items count as seen (embedding-similarity.ts).
   * Used only for the catalog they belong to (`catalogId`); absent: behaviour unchanged.
   */
  itemVectors?: ItemVectors;
}

/** A session whose answers are plain values (the rule-based fast path). */
export interface SyncSimSession extends SimSession {
  decide(item: Item, position: number, turn: number): ItemDecision;
  reflect(): Reflection;
}

/** The rule-based simulator: a `UserSimulator` whose sessions answer synchronously. */
export interface RuleBasedSimulator extends UserSimulator {
  startSession(start: SessionStart): SyncSimSession;
}

/** Create the rule-based simulator. */
export function createRuleBasedSimulator(options: RuleBasedOptions = {}): RuleBasedSimulator {
  const params = resolveParams(options.params);
  const snapshots: SnapshotMode = options.snapshots === 'scalars' ? 'scalars' : 'full';
  const vectors = options.itemVectors;
  const sims = new WeakMap<Catalog, EmbeddingSimilarity>();
  const similarityFor = (catalog: Catalog): EmbeddingSimilarity | undefined => {
    if (!vectors || vectors.catalogId !== catalog.id) return undefined;
    let s = sims.get(catalog);
    if (!s) sims.set(catalog, (s = new EmbeddingSimilarity(vectors, catalog)));
    return s;
  };
  return {
    name: 'rule-based',
    startSession(start: SessionStart): SyncSimSession {
      return new RuleSession(start, params, snapshots, similarityFor(start.catalog));
    },
  };
}
