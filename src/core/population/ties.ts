/**
 * A population user's ties as the recommender may see them (`Observation.ties`): who they
 * know or follow, by kind, with a name, a gender for pronouns, and what each one recently
 * shared or posted (newest first). This is what lets the instruction-following planner
 * understand "show me what's new with her" or "the latest posts from my family".
 */
import type { SocialTie } from '../types';
import { TIE_KINDS, type SocialGraph } from './graph';
import { userName, type Population } from './users';
import type { WorldItems } from './world-items';
import { RECENT_SHARES, type WorldState } from './world';

const GENDER = ['', 'female', 'male'];

/** Ties of user u (user ties, then followed creators with their newest catalog items), at the world's clock. */
export function socialTies(pop: Population, graph: SocialGraph, items: WorldItems, world: WorldState, u: number): SocialTie[] {
  const out: SocialTie[] = [];
  const t = graph.ties;
  const seen = new Set<number>();
  for (let k = t.offsets[u]; k < t.offsets[u + 1]; k++) {
    const v = t.to[k];
    if (seen.has(v)) continue;
    seen.add(v);
    const shared: { id: string; at: number }[] = [];
    for (let j = 0; j < RECENT_SHARES; j++) {
      const i = world.recentShares[v * RECENT_SHARES + j];
      if (i >= 0) shared.push({ id: items.ids[i], at: world.recentSharesAt[v * RECENT_SHARES + j] });
    }
    shared.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
    out.push({ id: `pop-${v}`, name: userName(pop, v), kind: TIE_KINDS[t.kind[k]], gender: GENDER[pop.gender[v]], itemIds: shared.map((s) => s.id) });
  }
  const f = graph.following;
  for (let k = f.offsets[u]; k < f.offsets[u + 1]; k++) {
    const c = f.to[k];
    const list = items.byCreator[c] ?? new Int32Array(0);
    const ids: string[] = [];
    for (let j = 0; j < list.length && ids.length < 5; j++) if (items.publishedMin[list[j]] <= world.clockMin) ids.push(items.ids[list[j]]);
    out.push({ id: graph.creatorIds[c], name: graph.creatorIds[c], kind: 'creator', itemIds: ids });
  }
  return out;
}
