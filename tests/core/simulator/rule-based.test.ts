/**
 * Behaviour of the rule-based simulator: determinism, valid actions, leaving and
 * reflecting, instructions, replies, snapshots and the registry.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, Item, ItemDecision, Reflection, UserProfile } from '../../../src/core/types';
import { ACTION_TYPES } from '../../../src/core/types';
import { createRng } from '../../../src/core/rng';
import { emptyMemory } from '../../../src/core/simulator/memory';
import { createRuleBasedSimulator, type RuleBasedOptions, type SyncSimSession } from '../../../src/core/simulator/rule-based';
import { simulators } from '../../../src/core/simulator/registry';
import { EVENING, makeCatalog, makeItem, maya } from './fixtures';

const catalog = makeCatalog();

function start(seed: number, user: UserProfile = maya(), opts: RuleBasedOptions = {}, instructionsEnabled = true, cat: Catalog = catalog): SyncSimSession {
  return createRuleBasedSimulator(opts).startSession({
    user,
    context: EVENING,
    memory: emptyMemory(user.id),
    catalog: cat,
    rng: createRng(seed),
    instructionsEnabled,
  });
}

/** Feed `items` as lists of `k` until the user leaves silently (or items run out). */
function play(s: SyncSimSession, items: Item[], k = 10): { decisions: ItemDecision[]; reflections: Reflection[] } {
  const decisions: ItemDecision[] = [];
  const reflections: Reflection[] = [];
  let turn = 0;
  let pos = 0;
  for (const it of items) {
    const d = s.decide(it, pos++, turn) as ItemDecision;
    decisions.push(d);
    if (d.actions.includes('leave')) {
      const r = s.reflect() as Reflection;
      reflections.push(r);
      if (!r.instruction) break;
      s.hearReply?.('Sure! Here is something different.');
      turn++;
      pos = 0;
    } else if (pos >= k) {
      turn++;
      pos = 0;
    }
  }
  return { decisions, reflections };
}

/** A deterministic shuffled copy of the catalog. */
function mixed(seed: number): Item[] {
  const rng = createRng(seed);
  const a = catalog.items.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('rule-based simulator', () => {
  it('is registered as rule-based and creates sessions', () => {
    expect(simulators.has('rule-based')).toBe(true);
    const sim = simulators.get('rule-based').create({ snapshots: 'scalars' });
    expect(sim.name).toBe('rule-based');
    const s = sim.startSession({ user: maya(), context: EVENING, memory: emptyMemory('maya'), catalog, rng: createRng(1), instructionsEnabled: true });
    const d = s.decide(catalog.items[0], 0, 0);
    expect(d).not.toBeInstanceOf(Promise);
  });

  it('gives identical decisions for the same seed and different ones for other seeds', () => {
    const items = mixed(7);
    const a = play(start(42), items);
    const b = play(start(42), items);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = play(start(43), items);
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('takes valid actions and never watches longer than the item', () => {
    for (let seed = 0; seed < 10; seed++) {
      const user = maya({ timeBudgetSec: 5000, activity: 1, curiosity: 1 });
      const { decisions } = play(start(seed, user), mixed(seed));
      for (const d of decisions) {
        const item = catalog.items.find((i) => i.id === d.itemId)!;
        expect(d.watchSec).toBeGreaterThanOrEqual(0);
        expect(d.watchSec).toBeLessThanOrEqual(item.durationSec);
        expect(d.actions.length).toBeGreaterThan(0);
        for (const a of d.actions) expect(ACTION_TYPES).toContain(a);
        expect(d.actions.includes('watch')).toBe(d.watchSec > 0);
        if (d.actions.includes('leave')) expect(d.actions[d.actions.length - 1]).toBe('leave');
        if (d.actions.includes('comment')) expect(d.comment).toMatch(/\w/);
        expect(d.interest).toBeGreaterThanOrEqual(0);
        expect(d.interest).toBeLessThanOrEqual(1);
        expect(d.mindset.satisfaction).toBeGreaterThanOrEqual(0);
        expect(d.mindset.satisfaction).toBeLessThanOrEqual(1);
      }
    }
  });

  it('leaves content when the time budget runs out', () => {
    const user = maya({ timeBudgetSec: 120 });
    user.interests = { ufc: 1, fishing: 1 };
    const loved = catalog.items.filter((i) => i.topic === 'ufc' || i.topic === 'fishing');
    const s = start(3, user);
    const { decisions, reflections } = play(s, loved);
    const last = decisions[decisions.length - 1];
    expect(last.actions[last.actions.length - 1]).toBe('leave');
    expect(last.reasons).toContain('time_up');
    expect(last.mindset.timeLeftSec).toBe(0);
    expect(reflections).toHaveLength(1);
    expect(reflections[0].reasons[0]).toBe('time_up');
    expect(reflections[0].instruction).toBeNull();
    const used = decisions.reduce((t, d) => t + d.watchSec, 0);
    expect(used).toBeLessThanOrEqual(user.traits.timeBudgetSec * 1.2 * 1.15);
  });

  it('reflects off_interest on an all-hairstyling feed and instructs about hairstyling', () => {
    const hair = catalog.items.filter((i) => i.topic === 'hairstyling');
    const more = Array.from({ length: 20 }, (_, k) => makeItem('hairstyling', `Salon trick ${k}`, { id: `hx-${k}` }));
    for (let seed = 0; seed < 10; seed++) {
      const s = start(seed, maya({ instructionPropensity: 1 }));
      let reflection: Reflection | null = null;
      let k = 0;
      for (const it of [...hair, ...more]) {
        const d = s.decide(it, k, 0);
        k++;
        if (d.actions.includes('leave')) {
          reflection = s.reflect() as Reflection;
          break;
        }
      }
      expect(reflection, `seed ${seed}`).not.toBeNull();
      expect(k).toBeLessThan(15);
      expect(reflection!.reasons).toContain('off_interest');
      expect(reflection!.reasons).not.toContain('time_up');
      expect(reflection!.instruction).not.toBeNull();
      expect(reflection!.instruction!.text.toLowerCase()).toContain('hairstyling');
      expect(reflection!.instruction!.targets).toContain('hairstyling');
    }
  });

  it('never instructs when instructions are disabled', () => {
    for (let seed = 0; seed < 15; seed++) {
      const s = start(seed, maya({ instructionPropensity: 1 }), {}, false);
      const hair = catalog.items.filter((i) => i.topic === 'hairstyling' || i.topic === 'makeup' || i.topic === 'cooking');
      const { reflections } = play(s, hair);
      expect(reflections.length).toBeGreaterThan(0);
      for (const r of reflections) expect(r.instruction).toBeNull();
    }
  });

  it('caps instructions per session and leaves silently in the end', () => {
    const boring = Array.from({ length: 200 }, (_, k) => makeItem(['hairstyling', 'makeup', 'cooking'][k % 3], `Meh ${k}`, { id: `meh-${k}` }));
    for (let seed = 0; seed < 5; seed++) {
      const s = start(seed, maya({ instructionPropensity: 1, timeBudgetSec: 100000 }));
      const { reflections } = play(s, boring);
      const given = reflections.filter((r) => r.instruction).length;
      expect(given).toBeGreaterThan(0);
      expect(given).toBeLessThanOrEqual(3);
      expect(reflections[reflections.length - 1].instruction).toBeNull();
      expect(s.end('left_silent').instructions).toHaveLength(given);
    }
  });

  it('gives the new list a look after a reply (grace items)', () => {
    const boring = Array.from({ length: 60 }, (_, k) => makeItem('cooking', `Soup ${k}`, { id: `soup-${k}` }));
    const s = start(5, maya({ instructionPropensity: 1 }));
    const { decisions, reflections } = play(s, boring);
    expect(reflections[0].instruction).not.toBeNull();
    const firstLeave = decisions.findIndex((d) => d.actions.includes('leave'));
    // The two items after the reply cannot end in another dissatisfied leave.
    for (const d of decisions.slice(firstLeave + 1, firstLeave + 3)) expect(d.actions).not.toContain('leave');
  });

  it("uses the user's location: local items get a bump and a 'local' reason", () => {
    const far = makeItem('f1', 'Pit stop', { id: 'far', locale: 'Tokyo, Japan' });
    const near = makeItem('f1', 'Pit stop', { id: 'near', locale: 'San Francisco, CA' });
    let sumNear = 0;
    let sumFar = 0;
    for (let seed = 0; seed < 20; seed++) {
      const dn = start(seed).decide(near, 0, 0) as ItemDecision;
      const df = start(seed).decide(far, 0, 0) as ItemDecision;
      expect(dn.reasons).toContain('local');
      expect(df.reasons).not.toContain('local');
      sumNear += dn.interest;
      sumFar += df.interest;
    }
    expect(sumNear).toBeGreaterThan(sumFar);
  });

  it('rewards novelty near strong interests more than unrelated novelty (curiosity)', () => {
    const boxing = makeItem('boxing', 'Title fight', { id: 'bx' });
    const cooking = makeItem('cooking', 'Soup', { id: 'ck' });
    let b = 0;
    let c = 0;
    for (let seed = 0; seed < 20; seed++) {
      const db = start(seed, maya({ curiosity: 0.9 })).decide(boxing, 0, 0) as ItemDecision;
      const dc = start(seed, maya({ curiosity: 0.9 })).decide(cooking, 0, 0) as ItemDecision;
      expect(db.reasons).toContain('novel_topic');
      expect(db.relatedTopic).toBe('ufc');
      expect(dc.reasons).toContain('unrelated');
      b += db.interest;
      c += dc.interest;
    }
    expect(b).toBeGreaterThan(c + 2);
  });

  it("'scalars' snapshots carry no interest records, 'full' ones do; the session mindset is always full", () => {
    const it0 = catalog.items[1];
    const full = start(1).decide(it0, 0, 0) as ItemDecision;
    expect(Object.keys(full.mindset.interests)).toContain('ufc');
    const s = start(1, maya(), { snapshots: 'scalars' });
    const sc = s.decide(it0, 0, 0) as ItemDecision;
    expect(Object.keys(sc.mindset.interests)).toHaveLength(0);
    expect(sc.mindset.satisfaction).toBe(full.mindset.satisfaction);
    expect(sc.actions).toEqual(full.actions);
    expect(Object.keys(s.mindset.interests)).toContain('ufc');
  });

  it('strengthens engaged topics and fatigues repeated ones', () => {
    const ufc = catalog.items.filter((i) => i.topic === 'ufc').slice(0, 6);
    const s = start(2, maya({ fatigueSensitivity: 1 }));
    let prevFatigue = 0;
    for (let k = 0; k < 4; k++) {
      s.decide(ufc[k], k, 0);
      const f = s.mindset.fatigue.ufc ?? 0;
      expect(f).toBeGreaterThan(prevFatigue);
      prevFatigue = f;
    }
    const calm = start(2, maya({ fatigueSensitivity: 0.1 }));
    for (let k = 0; k < 4; k++) calm.decide(ufc[k], k, 0);
    expect(calm.mindset.fatigue.ufc ?? 0).toBeLessThan(prevFatigue);
    const fishing = catalog.items.filter((i) => i.topic === 'fishing');
    const f = start(4, maya({ activity: 1 }));
    for (let k = 0; k < 3; k++) f.decide(fishing[k], k, 0);
    expect(f.mindset.interests.fishing).toBeGreaterThan(maya().interests.fishing);
  });

  it('context shifts patience and time: a phone at night gives up sooner than a TV on a weekend evening', () => {
    const count = (context: typeof EVENING) => {
      let total = 0;
      let budget = 0;
      for (let seed = 0; seed < 20; seed++) {
        const s = createRuleBasedSimulator().startSession({
          user: maya(), context, memory: emptyMemory('maya'), catalog, rng: createRng(seed), instructionsEnabled: false,
        });
        budget += s.mindset.timeLeftSec;
        const items = mixed(seed);
        for (let k = 0; k < items.length; k++) {
          total++;
          if (s.decide(items[k], k, 0).actions.includes('leave')) break;
        }
      }
      return { total, budget };
    };
    const night = count({ timeOfDay: 'night', dayOfWeek: 2, device: 'mobile', location: 'Oakland, CA' });
    const tv = count({ timeOfDay: 'evening', dayOfWeek: 6, device: 'tv', location: 'Oakland, CA' });
    expect(tv.budget).toBeGreaterThan(night.budget * 1.5);
    expect(tv.total).toBeGreaterThan(night.total);
  });

  it('conformity pulls toward popular items', () => {
    const hit = makeItem('f1', 'Viral overtake', { id: 'hit', likes: 5_000_000, shares: 200_000, comments: 90_000 });
    const flop = makeItem('f1', 'Quiet lap', { id: 'flop', likes: 2, shares: 0, comments: 0 });
    const gap = (conformity: number) => {
      let g = 0;
      for (let seed = 0; seed < 20; seed++) {
        g += (start(seed, maya({ conformity })).decide(hit, 0, 0).interest - start(seed, maya({ conformity })).decide(flop, 0, 0).interest);
      }
      return g / 20;
    };
    expect(gap(1)).toBeGreaterThan(gap(0) + 0.05);
    expect(start(1, maya({ conformity: 1 })).decide(hit, 0, 0).reasons).toContain('popular');
    expect(start(1, maya({ conformity: 0 })).decide(hit, 0, 0).reasons).not.toContain('popular');
  });
});
