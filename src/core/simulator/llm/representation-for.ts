/**
 * The prompt representation for a mode name ('text' | 'sid' | 'sid-counts'), fitted on a
 * catalog: the offline embedding (memoised per catalog and seed) and semantic IDs on it.
 * One function so the CLI and the playground build the same codes from the same seed.
 */
import { offlineEmbeddingFor } from '../../embed/cache';
import { fitSemanticIds } from '../../embed/semantic-ids';
import type { Catalog, Rng } from '../../types';
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
