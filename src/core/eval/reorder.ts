/**
 * The paper's list-reordering protocol (§2, "Evaluating User Simulators"): the simulated
 * user reviews an initial list item by item, stops at break points (every `breakEvery`
 * items, through the simulator's optional `checkIn`, and whenever it is about to leave)
 * and instructs; the
 * instruction-following recommender reorders the remaining items (no new items); this
 * goes on until the user leaves without an instruction or the list ends. The final list
 * (the items reviewed, in order, then the last reordering of the rest) is compared with
 * the initial one by Recall@N and NDCG@N against the user's held-out items.
 */
import { buildCatalogIndex, type CatalogIndex } from '../catalog/catalog-index';
import { firstObservation, implicitSignals, visibleProfile } from '../env/observation';
import { ndcgAtN, recallAtN } from '../metrics/offline';
import { createRecommender } from '../recommenders/agentic';
import { buildLexicon } from '../recommenders/agentic/lexicon';
import { planScore } from '../recommenders/agentic/rerank';
import { rulePlanner, type Planner } from '../recommenders/agentic/rule-planner';
import { fitRng } from '../env/fit-rng';
import { createRng, hashString } from '../rng';
import { emptyMemory } from '../simulator/memory';
import type { UserSimulator } from '../simulator/simulator';
import type { Catalog, Context, ItemDecision, Plan, UserProfile } from '../types';
import { isPositive, withHeldOut } from './ndcg-retention';

export interface ReorderConfig {
  catalog: Catalog;
  users: UserProfile[];
  contextFor: (u: UserProfile) => Context;
  simulator: UserSimulator;
  /** Recommender that makes the initial list (default 'mf-bpr'). */
  base?: string;
  planner?: Planner;
  /** Length of the initial list (default 20). */
  listLength?: number;
  /** Cut-off of the metrics (default 10). */
  n?: number;
  seed: number;
  /** At most this many users (default all with held-out positives). */
  maxUsers?: number;
  /** A break point every this many items, where a simulator with `checkIn` may instruct (default 5; 0: only when leaving). */
  breakEvery?: number;
}

export interface ReorderResult {
  n: number;
  users: number;
  recallInitial: number;
  recallFinal: number;
  ndcgInitial: number;
  ndcgFinal: number;
  /** Mean instructions (reorderings) per user. */
  instructions: number;
  base: string;
}

/** Reorder `ids` by the plan: original order as a base score plus the plan's score. Stable. */
export function reorderByPlan(ids: string[], plan: Plan, index: CatalogIndex): string[] {
  const seen = new Set<string>();
  const scored = ids.map((id, rank) => {
    const item = index.byId.get(id);
    return { id, rank, s: (1 - rank / Math.max(1, ids.length)) + (item ? planScore(item, plan, index, seen) : 0) };
  });
  return scored.sort((a, b) => b.s - a.s || a.rank - b.rank).map((x) => x.id);
}

/** Run the protocol for one user; returns the final list and the number of reorderings. */
export async function reorderSession(
  user: UserProfile,
  initial: string[],
  cfg: ReorderConfig,
  index: CatalogIndex,
  planner: Planner,
  lexicon: ReturnType<typeof buildLexicon>,
): Promise<{ final: string[]; instructions: number }> {
  const rng = createRng(hashString(`${cfg.seed}|reorder|${user.id}`));
  // The protocol judges a list, not a time-limited session: the user has time for the
  // whole list, and at a break point instructs rather than leaving silently.
  const reviewer: UserProfile = {
    ...user,
    traits: { ...user.traits, timeBudgetSec: 1e6, instructionPropensity: Math.max(user.traits.instructionPropensity, 0.9) },
  };
  const session = cfg.simulator.startSession({
    user: reviewer,
    context: cfg.contextFor(user),
    memory: emptyMemory(user.id),
    catalog: cfg.catalog,
    rng: rng.fork('sim'),
    instructionsEnabled: true,
  });
  let list = [...initial];
  let pos = 0;
  let instructions = 0;
  let decisionsSinceBreak: ItemDecision[] = [];
  const breakEvery = cfg.breakEvery ?? 5;
  while (pos < list.length) {
    const item = index.byId.get(list[pos]);
    if (!item) break;
    const d = await session.decide(item, pos, instructions);
    decisionsSinceBreak.push(d);
    pos++;
    const leaving = d.actions.includes('leave');
    const breakPoint = !leaving && breakEvery > 0 && decisionsSinceBreak.length >= breakEvery && pos < list.length;
    if (!leaving && !(breakPoint && session.checkIn)) continue;
    const reflection = leaving ? await session.reflect() : await session.checkIn!();
    if (!reflection.instruction) {
      if (leaving) break;
      decisionsSinceBreak = [];
      continue;
    }
    instructions++;
    const plan = await planner.plan({
      instruction: reflection.instruction.text,
      observation: {
        userId: user.id,
        profile: visibleProfile(user),
        context: cfg.contextFor(user),
        history: user.history,
        turn: instructions,
        shown: list.slice(0, pos),
        instruction: reflection.instruction.text,
        implicit: implicitSignals(decisionsSinceBreak, index.byId),
      },
      index,
      lexicon,
    });
    list = [...list.slice(0, pos), ...reorderByPlan(list.slice(pos), plan, index)];
    session.hearReply?.('Reordered the rest of your list.');
    decisionsSinceBreak = [];
  }
  session.end('left_silent');
  return { final: list, instructions };
}

/** Run the protocol over the users that have held-out positives. */
export async function runReorder(cfg: ReorderConfig): Promise<ReorderResult> {
  const n = cfg.n ?? 10;
  const len = cfg.listLength ?? 20;
  const baseName = cfg.base ?? 'mf-bpr';
  const index = buildCatalogIndex(cfg.catalog);
  const lexicon = buildLexicon(index);
  const planner = cfg.planner ?? rulePlanner;
  const users = withHeldOut(cfg.users).filter((u) => (u.heldOut ?? []).some(isPositive));
  const picked = cfg.maxUsers ? users.slice(0, cfg.maxUsers) : users;
  const base = createRecommender(baseName);
  // The one fitting stream of every run (it was createRng(seed).fork('fit') here: issue 9).
  base.fit?.({ catalog: cfg.catalog, users: withHeldOut(cfg.users).map((u) => ({ ...u, heldOut: undefined })) }, fitRng(cfg.seed, baseName));
  const out: ReorderResult = { n, users: 0, recallInitial: 0, recallFinal: 0, ndcgInitial: 0, ndcgFinal: 0, instructions: 0, base: baseName };
  for (const u of picked) {
    const relevant = new Set((u.heldOut ?? []).filter(isPositive).map((h) => h.itemId));
    const slate = await base.recommend(
      firstObservation(u, cfg.contextFor(u)),
      len,
      createRng(cfg.seed).fork(u.id),
    );
    const initial = slate.itemIds;
    const { final, instructions } = await reorderSession(u, initial, cfg, index, planner, lexicon);
    out.users++;
    out.instructions += instructions;
    out.recallInitial += recallAtN(initial, relevant, n);
    out.recallFinal += recallAtN(final, relevant, n);
    out.ndcgInitial += ndcgAtN(initial, relevant, n);
    out.ndcgFinal += ndcgAtN(final, relevant, n);
  }
  if (out.users) {
    for (const k of ['recallInitial', 'recallFinal', 'ndcgInitial', 'ndcgFinal', 'instructions'] as const) out[k] /= out.users;
  }
  return out;
}
