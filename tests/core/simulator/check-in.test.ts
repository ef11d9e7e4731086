import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { createRng } from '../../../src/core/rng';
import { emptyMemory } from '../../../src/core/simulator/memory';
import { simulators } from '../../../src/core/simulator/registry';
import type { SimSession } from '../../../src/core/simulator/simulator';
import { defaultContext } from '../../../src/core/users/context';
import type { Catalog, ItemDecision, Reflection, UserProfile } from '../../../src/core/types';

let catalog: Catalog;
let maya: UserProfile;

beforeAll(async () => {
  catalog = await loadBuiltinCatalog();
  maya = (await loadBuiltinPersonas()).find((p) => p.id === 'persona-maya')!;
});

function session(seed: number, instructionsEnabled = true): SimSession {
  const user = { ...maya, traits: { ...maya.traits, timeBudgetSec: 1e6 } };
  return simulators.get('rule-based').create().startSession({ user, context: defaultContext(user), memory: emptyMemory(user.id), catalog, rng: createRng(seed), instructionsEnabled });
}

function feed(s: SimSession, topics: string[]): ItemDecision[] {
  const out: ItemDecision[] = [];
  topics.forEach((t, i) => {
    const item = catalog.items.filter((x) => x.topic === t)[Math.floor(i / topics.length)] ?? catalog.items.find((x) => x.topic === t)!;
    const pool = catalog.items.filter((x) => x.topic === t);
    out.push(s.decide(pool[i % pool.length] ?? item, i, 0) as ItemDecision);
  });
  return out;
}

describe('check-in at a break point (list reordering)', () => {
  it('after a run of off-interest items the user says what to change, without leaving', () => {
    let instructed = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const s = session(seed);
      const ds = feed(s, ['hairstyling', 'makeup', 'hairstyling']);
      if (ds.some((d) => d.actions.includes('leave'))) continue;
      const r = s.checkIn!() as Reflection;
      if (r.instruction) {
        instructed++;
        expect(r.reasons).not.toContain('satisfied');
      }
    }
    expect(instructed).toBeGreaterThanOrEqual(5);
  });

  it('a content user at a break point says nothing; instructions off means never', () => {
    const s = session(3);
    feed(s, ['fishing', 'ufc', 'boating']);
    expect((s.checkIn!() as Reflection).instruction).toBeNull();
    const off = session(3, false);
    feed(off, ['hairstyling', 'makeup', 'hairstyling']);
    expect((off.checkIn!() as Reflection).instruction).toBeNull();
  });
});
