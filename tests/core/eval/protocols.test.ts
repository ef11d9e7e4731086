import { parseRunDescription } from '../../../src/core/run/description';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { instructionVerdict, runCompare } from '../../../src/core/eval/compare';
import { offlineScore, quadrant, withHeldOut } from '../../../src/core/eval/ndcg-retention';
import { reorderByPlan, reorderSession, runReorder } from '../../../src/core/eval/reorder';
import { buildLexicon } from '../../../src/core/recommenders/agentic/lexicon';
import { emptyPlan } from '../../../src/core/recommenders/agentic/plan';
import { rulePlanner } from '../../../src/core/recommenders/agentic/rule-planner';
import { createRng } from '../../../src/core/rng';
import { simulators } from '../../../src/core/simulator/registry';
import type { SimSession, UserSimulator } from '../../../src/core/simulator/simulator';
import { defaultContext } from '../../../src/core/users/context';
import { samplePopulation } from '../../../src/core/users/population';
import type { Catalog, Item, ItemDecision, Trajectory, UserProfile } from '../../../src/core/types';

let catalog: Catalog;
let personas: UserProfile[];

beforeAll(async () => {
  catalog = await loadBuiltinCatalog();
  personas = await loadBuiltinPersonas();
});

function readFixture(dir: string): Record<string, string> {
  const full = join(__dirname, '../../fixtures/movielens', dir);
  return Object.fromEntries(readdirSync(full).map((f) => [f, readFileSync(join(full, f), 'utf8')]));
}

describe('traditional versus agentic (compare)', () => {
  it('runs each base plain and with +follow on the same seeded users, with CIs and the user verdict', async () => {
    // A comparison is one run description per recommender (buildRun): 12 users, personas first.
    const world = { catalog, users: personas, personas };
    const run = parseRunDescription({ users: { kind: 'population', size: 12 }, seed: 3, listSize: 6, turns: 6 });
    const res = await runCompare({ world, run, simulator: simulators.get('rule-based').create(), bases: ['popular'] });
    expect(res.rows.map((r) => r.recommender)).toEqual(['popular', 'popular+follow']);
    for (const r of res.rows) {
      expect(r.sessions).toBe(12);
      expect(r.watchSec.lo).toBeLessThanOrEqual(r.watchSec.mean);
      expect(r.watchSec.hi).toBeGreaterThanOrEqual(r.watchSec.mean);
      expect(Number.isFinite(r.retention.mean)).toBe(true);
      expect(r.verdict.recovered).toBeLessThanOrEqual(r.verdict.instructions);
    }
    const again = await runCompare({ world, run, bases: ['popular'] });
    expect(again.rows.map((r) => r.watchSec.mean)).toEqual(res.rows.map((r) => r.watchSec.mean));
  });

  it('verdict: recovery is satisfaction at the end of the next list above the satisfaction when instructing', () => {
    const d = (sat: number, actions: ItemDecision['actions'] = ['watch']) => ({ mindset: { satisfaction: sat }, actions }) as unknown as ItemDecision;
    const traj = {
      turns: [
        { decisions: [d(0.5), d(0.2, ['skip', 'leave'])], reflection: { reasons: ['bored'], instruction: { text: 'x' } } },
        { decisions: [d(0.3), d(0.4), d(0.6)], reflection: null },
      ],
    } as unknown as Trajectory;
    expect(instructionVerdict([traj])).toEqual({ instructions: 1, recovered: 1, wentOn: 1 });
  });
});

describe('NDCG versus retention', () => {
  it('splits personas 80/20 by time and scores recommenders offline', async () => {
    const split = withHeldOut(personas);
    for (const u of split) {
      const lastTrain = Math.max(...u.history.map((h) => h.at));
      for (const h of u.heldOut ?? []) expect(h.at).toBeGreaterThanOrEqual(lastTrain);
    }
    const s = await offlineScore('popular', catalog, personas, defaultContext);
    expect(s.users).toBeGreaterThan(10);
    expect(s.ndcg).toBeGreaterThanOrEqual(0);
    expect(s.ndcg).toBeLessThanOrEqual(1);
    expect(quadrant(0.5, 0.2, 0.3, 0.4)).toBe('repetitive');
    expect(quadrant(0.1, 0.6, 0.3, 0.4)).toBe('exploration');
  });
});

describe('list reordering (MovieLens fixtures)', () => {
  it('reorderByPlan moves the requested genre up and keeps every item', () => {
    const index = buildCatalogIndex(catalog);
    const ids = catalog.items.slice(0, 30).map((i) => i.id);
    const target = catalog.items[29].topic;
    const plan = { ...emptyPlan('test'), moreTopics: [target] };
    const out = reorderByPlan(ids, plan, index);
    expect([...out].sort()).toEqual([...ids].sort());
    expect(index.byId.get(out[0])!.topic).toBe(target);
  });

  it('a user who instructs at a break point gets the rest of the list reordered', async () => {
    const ml = importMovieLens(readFixture('ml-latest'));
    const index = buildCatalogIndex(ml.catalog);
    const initial = ml.catalog.items.map((i) => i.id);
    const wanted = ml.catalog.items[ml.catalog.items.length - 1].topic;
    const label = ml.catalog.topics.find((t) => t.id === wanted)?.label ?? wanted;
    // A scripted user: leaves on the first item with "Show me more <genre>", then never again.
    let instructed = false;
    const scripted: UserSimulator = {
      name: 'scripted',
      startSession: () =>
        ({
          mindset: { satisfaction: 0.5, timeLeftSec: 100, boredom: 0, interests: {}, fatigue: {} },
          decide: (item: Item, position: number) => ({ itemId: item.id, position, actions: instructed ? ['watch'] : ['skip', 'leave'], watchSec: 0, reasons: [], interest: 0, mindsetNote: 'neutral', mindset: { satisfaction: 0.5, timeLeftSec: 100, boredom: 0, interests: {}, fatigue: {} } }),
          reflect: () => {
            const first = !instructed;
            instructed = true;
            return { reasons: ['off_interest'], instruction: first ? { text: `Show me more ${label}` } : null };
          },
          end: () => ({}) as never,
        }) as unknown as SimSession,
    };
    const user = ml.users[0];
    const res = await reorderSession(user, initial, { catalog: ml.catalog, users: ml.users, contextFor: defaultContext, simulator: scripted, seed: 1 }, index, rulePlanner, buildLexicon(index));
    expect(res.instructions).toBe(1);
    expect(res.final[0]).toBe(initial[0]);
    expect(index.byId.get(res.final[1])!.topic).toBe(wanted);
    expect([...res.final].sort()).toEqual([...initial].sort());
  });

  it('runReorder reports recall and NDCG before and after, on both layouts', async () => {
    for (const dir of ['ml-latest', 'ml-100k']) {
      const ml = importMovieLens(readFixture(dir));
      const r = await runReorder({ catalog: ml.catalog, users: ml.users, contextFor: defaultContext, simulator: simulators.get('rule-based').create(), seed: 1, base: 'popular', listLength: 8, n: 5 });
      expect(r.users).toBeGreaterThan(0);
      for (const k of ['recallInitial', 'recallFinal', 'ndcgInitial', 'ndcgFinal'] as const) {
        expect(r[k]).toBeGreaterThanOrEqual(0);
        expect(r[k]).toBeLessThanOrEqual(1);
      }
    }
  });
});
