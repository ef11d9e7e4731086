/**
 * The prompt representation for a mode name ('text' | 'sid' | 'sid-counts'), fitted on a
 * catalog: the offline embedding (memoised per catalog and seed) and semantic IDs on it.
 * One function so the CLI and the playground build the same codes: they are fitted with
 * `representationRng()` (a fixed seed), so a catalog's codes do not depend on the run's seed
 * and every entry point shows the model the same codes for the same catalog.
 */
import { offlineEmbeddingFor } from '../../embed/cache';
import { fitSemanticIds } from '../../embed/semantic-ids';
import { createRng } from '../../rng';
import type { Catalog, Rng } from '../../types';
import type { LlmUserSimulator } from './llm-simulator';
import { sidRepresentation, type PromptRepresentation, type RepresentationMode } from './representation';

/** The mode names, in menu order. */
export const REPRESENTATION_MODES: readonly RepresentationMode[] = ['text', 'sid', 'sid-counts'];

/** True when `s` names a representation mode. */
export function isRepresentationMode(s: unknown): s is RepresentationMode {
  return typeof s === 'string' && (REPRESENTATION_MODES as readonly string[]).includes(s);
}

/**
 * The representation for `mode` on `catalog`; undefined for 'text' (the default prompt).
 * The codes are drawn from `rng` (fork it from the run's seed): same seed, same codes.
 */
export function representationFor(mode: RepresentationMode, catalog: Catalog, rng: Rng): PromptRepresentation | undefined {
  if (mode === 'text') return undefined;
  const emb = offlineEmbeddingFor(catalog, rng.fork('embedding'));
  const sid = fitSemanticIds(emb.vectors, catalog.items, rng.fork('semantic-ids'));
  return sidRepresentation(sid, catalog, mode);
}

/** The rng the codes are fitted with (fixed: the codes are a property of the catalog). */
export function representationRng(): Rng {
  return createRng(0x5eed).fork('llm-representation');
}

/**
 * An 'llm' simulator whose prompt representation is fitted on the catalog of each session
 * (the playground's panel builds the simulator before it knows the catalog). `make` builds
 * the inner simulator for a representation; one per catalog, memoised.
 */
export function perCatalogRepresentation(mode: RepresentationMode, make: (rep: PromptRepresentation | undefined) => LlmUserSimulator): LlmUserSimulator {
  const base = make(undefined);
  if (mode === 'text') return base;
  const inner = new WeakMap<Catalog, LlmUserSimulator>();
  return {
    name: 'llm',
    templates: base.templates,
    engine: base.engine,
    startSession(start) {
      let sim = inner.get(start.catalog);
      if (!sim) inner.set(start.catalog, (sim = make(representationFor(mode, start.catalog, representationRng()))));
      return sim.startSession(start);
    },
  };
}
