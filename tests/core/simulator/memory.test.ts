/**
 * Memory as in the paper (§3.1): interaction-wise entries with importance and a retention
 * threshold, session-wise summaries, and both feeding later decisions.
 */
import { describe, expect, it } from 'vitest';
import type { ItemDecision } from '../../../src/core/types';
import { createRng } from '../../../src/core/rng';
import { emptyMemory, type MemoryEntry, type UserMemory } from '../../../src/core/simulator/memory';
import {
  currentImportance,
  entryImportance,
  memoryFromHistory,
  pruneMemory,
} from '../../../src/core/simulator/memory-ops';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import { EVENING, makeCatalog, maya } from './fixtures';

const HOUR = 3_600_000;
const catalog = makeCatalog();

function entry(over: Partial<MemoryEntry>): MemoryEntry {
  return { itemId: 'x', topic: 'ufc', action: 'like', at: 0, watchSec: 0, importance: 0.8, ...over };
}

describe('memory operations', () => {
  it('importance grows with action strength and is conditioned on the context', () => {
    const ctx = EVENING;
    expect(entryImportance(['skip'], 0, ctx, false)).toBeLessThan(entryImportance(['watch'], 1, ctx, false));
    expect(entryImportance(['watch'], 0.2, ctx, false)).toBeLessThan(entryImportance(['watch'], 1, ctx, false));
    expect(entryImportance(['watch'], 1, ctx, false)).toBeLessThan(entryImportance(['watch', 'like', 'share'], 1, ctx, false));
    expect(entryImportance(['like'], 0, ctx, true)).toBeGreaterThan(entryImportance(['like'], 0, ctx, false));
    const night = { ...ctx, timeOfDay: 'night' as const };
    expect(entryImportance(['like'], 0, night, false)).toBeLessThan(entryImportance(['like'], 0, ctx, false));
  });

  it('decays importance with time and drops entries below the retention threshold', () => {
    const m: UserMemory = emptyMemory('u', 0.2);
    m.interactions = [
      entry({ itemId: 'old-weak', importance: 0.3, at: 0 }),
      entry({ itemId: 'old-strong', importance: 0.95, at: 0 }),
      entry({ itemId: 'recent-weak', importance: 0.3, at: 100 * HOUR }),
    ];
    const now = 100 * HOUR;
    expect(currentImportance(m.interactions[0], now, 96)).toBeCloseTo(0.3 * Math.pow(0.5, 100 / 96), 6);
    const dropped = pruneMemory(m, now, 96);
    expect(dropped).toBe(1);
    expect(m.interactions.map((e) => e.itemId)).toEqual(['old-strong', 'recent-weak']);
    // Much later, everything is forgotten.
    pruneMemory(m, now + 1000 * HOUR, 96);
    expect(m.interactions).toHaveLength(0);
  });

  it('builds memory from a profile history (catalog items only)', () => {
    const u = maya();
    u.history = [
      { itemId: 'ufc-1', action: 'like', at: catalog.now - HOUR },
      { itemId: 'not-in-catalog', action: 'like', at: catalog.now - HOUR },
    ];
    const m = memoryFromHistory(u, catalog);
    expect(m.interactions).toHaveLength(1);
    expect(m.interactions[0]).toMatchObject({ itemId: 'ufc-1', topic: 'ufc', action: 'like' });
  });
});

describe('memory in sessions', () => {
  const sim = createRuleBasedSimulator();
  const start = (memory: UserMemory, seed: number, startedAt?: number) =>
    sim.startSession({ user: maya(), context: EVENING, memory, catalog, rng: createRng(seed), instructionsEnabled: true, startedAt });

  it('end() writes interaction entries and one session summary, and is idempotent', () => {
    const m = emptyMemory('maya');
    const s = start(m, 1, catalog.now);
    const items = catalog.items.slice(0, 8);
    items.forEach((it, k) => s.decide(it, k, 0));
    const summary = s.end('turn_limit');
    expect(m.sessions).toEqual([summary]);
    expect(summary.sessionIndex).toBe(0);
    expect(summary.itemsViewed).toBe(8);
    expect(summary.endReason).toBe('turn_limit');
    expect(summary.startedAt).toBe(catalog.now);
    expect(m.interactions.length).toBeGreaterThan(0);
    for (const e of m.interactions) expect(e.importance).toBeGreaterThanOrEqual(m.retentionThreshold);
    expect(s.end('turn_limit')).toBe(summary);
    expect(m.sessions).toHaveLength(1);
  });

  it("marks items remembered from earlier sessions as 'seen_before' with lower interest", () => {
    const ufc = catalog.items.find((i) => i.id === 'ufc-1')!;
    let lower = 0;
    for (let seed = 0; seed < 10; seed++) {
      const m = emptyMemory('maya');
      m.interactions.push(entry({ itemId: 'ufc-1', topic: 'ufc', action: 'like', at: catalog.now - HOUR, importance: 0.9 }));
      const d = start(m, seed, catalog.now).decide(ufc, 0, 0) as ItemDecision;
      const fresh = start(emptyMemory('maya'), seed, catalog.now).decide(ufc, 0, 0) as ItemDecision;
      expect(d.reasons).toContain('seen_before');
      expect(fresh.reasons).not.toContain('seen_before');
      if (d.interest < fresh.interest) lower++;
    }
    expect(lower).toBe(10);
  });

  it('starts topics tired in the last session with some fatigue, fading with time away', () => {
    const m = emptyMemory('maya');
    m.sessions.push({
      sessionIndex: 0, startedAt: catalog.now - 2 * HOUR, durationSec: 600, itemsViewed: 30, watchSec: 500,
      endReason: 'left_silent', finalSatisfaction: 0.3, topTopics: ['fishing'], tiredTopics: ['ufc'], instructions: [],
    });
    const soon = start(m, 1, catalog.now).mindset.fatigue.ufc ?? 0;
    const later = start(m, 1, catalog.now + 72 * HOUR).mindset.fatigue.ufc ?? 0;
    expect(soon).toBeGreaterThan(0.1);
    expect(later).toBeLessThan(soon);
    expect(start(emptyMemory('maya'), 1, catalog.now).mindset.fatigue.ufc ?? 0).toBe(0);
  });

  it('strengthens topics engaged in memory', () => {
    const m = emptyMemory('maya');
    for (let k = 0; k < 6; k++) m.interactions.push(entry({ itemId: `f1-${k}`, topic: 'f1', action: 'share', at: catalog.now - HOUR, importance: 0.9 }));
    const withMem = start(m, 1, catalog.now).mindset.interests.f1;
    const without = start(emptyMemory('maya'), 1, catalog.now).mindset.interests.f1;
    expect(withMem).toBeGreaterThan(without);
  });

  it('carries memory across sessions: the second session sees the first one', () => {
    const m = emptyMemory('maya');
    const s1 = start(m, 1, catalog.now);
    catalog.items.slice(0, 10).forEach((it, k) => s1.decide(it, k, 0));
    s1.end('left_silent');
    const s2 = start(m, 2); // default start: a day after the last session
    const d = s2.decide(catalog.items[1], 0, 0) as ItemDecision;
    const s2sum = s2.end('left_silent');
    expect(s2sum.sessionIndex).toBe(1);
    expect(s2sum.startedAt).toBeGreaterThan(m.sessions[0].startedAt);
    if (m.interactions.some((e) => e.itemId === catalog.items[1].id)) expect(d.reasons).toContain('seen_before');
  });

  it('reproduces several sessions with memory exactly from the same seeds', () => {
    const runAll = () => {
      const m = emptyMemory('maya');
      const out: unknown[] = [];
      for (let k = 0; k < 3; k++) {
        const s = start(m, 10 + k);
        const items = catalog.items.slice(k * 7, k * 7 + 25);
        for (let i = 0; i < items.length; i++) {
          const d = s.decide(items[i], i % 10, Math.floor(i / 10)) as ItemDecision;
          out.push(d);
          if (d.actions.includes('leave')) {
            const r = s.reflect();
            out.push(r);
            break;
          }
        }
        out.push(s.end('left_silent'));
      }
      return { out, m };
    };
    const a = runAll();
    const b = runAll();
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.m.sessions.map((x) => x.sessionIndex)).toEqual([0, 1, 2]);
  });
});
