/**
 * The leaderboard on a small benchmark (10 users, 2 base recommenders): one row per
 * recommender plain and +follow, deterministic, figures in range, the quadrant read
 * against the table's medians, and cancellation between stages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { BENCHMARK, describeBenchmark, runLeaderboard, type LeaderboardProgress, type LeaderboardResult } from '../../../src/core/eval/leaderboard';
import { personasThenPopulation as benchmarkUsers } from '../../../src/core/users/population';
import { simulators } from '../../../src/core/simulator/registry';
import type { Catalog, UserProfile } from '../../../src/core/types';

let catalog: Catalog;
let personas: UserProfile[];
let first: LeaderboardResult;
const progress: LeaderboardProgress[] = [];
const small = { users: 10, seed: 7, maxTurns: 4 };

const run = (onProgress?: (p: LeaderboardProgress) => void, signal?: { aborted: boolean }) =>
  runLeaderboard({ catalog, personas, bases: ['popular', 'content'], simulator: simulators.get('rule-based').create(), settings: small, signal }, onProgress);

beforeAll(async () => {
  [catalog, personas] = await Promise.all([loadBuiltinCatalog(), loadBuiltinPersonas()]);
  first = await run((p) => progress.push(p));
}, 120_000);

describe('runLeaderboard', () => {
  it('has one row per base, plain then +follow, over the stated benchmark', () => {
    expect(first.rows.map((r) => r.recommender)).toEqual(['popular', 'popular+follow', 'content', 'content+follow']);
    expect(first.benchmark).toMatchObject({ ...BENCHMARK, ...small });
    expect(first.description).toBe(describeBenchmark(first.benchmark));
    for (const r of first.rows) {
      expect(r.sessions).toBe(10);
      expect(r.follows).toBe(r.recommender.endsWith('+follow'));
      expect(r.complianceCases).toBe(64);
      expect(r.compliance).toBeCloseTo(r.compliancePassed / 64, 10);
      for (const v of [r.ndcg, r.recall, r.diversity, r.coverage, r.retention.mean]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(r.watchSec.lo).toBeLessThanOrEqual(r.watchSec.mean);
      expect(r.watchSec.hi).toBeGreaterThanOrEqual(r.watchSec.mean);
      if (r.verdict !== null) expect(r.verdictInstructions).toBeGreaterThan(0);
      expect(r.coverage).toBeLessThanOrEqual((10 * BENCHMARK.listSize) / catalog.items.length + 1e-12);
    }
  });

  it('follows instructions better with the wrapper on the suite', () => {
    const c = (n: string) => first.rows.find((r) => r.recommender === n)!.compliance;
    expect(c('content+follow')).toBeGreaterThan(c('content'));
    expect(c('popular+follow')).toBeGreaterThan(c('popular'));
  });

  it('reads quadrants against the medians of the table', () => {
    for (const r of first.rows) {
      const hiN = r.ndcg >= first.medians.ndcg;
      const hiR = r.retention.mean >= first.medians.retention;
      expect(r.quadrant).toBe(hiN ? (hiR ? 'exploitation' : 'repetitive') : hiR ? 'exploration' : 'weak');
    }
  });

  it('reports progress over the four stages up to the total', () => {
    expect(progress.length).toBe(16);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(new Set(progress.map((p) => p.stage))).toEqual(new Set(['sessions', 'instructions', 'offline', 'lists']));
    expect(progress.every((p) => p.total === 16)).toBe(true);
  });

  it('is deterministic', async () => {
    const again = await run();
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(first)));
  }, 120_000);

  it('stops between stages when cancelled', async () => {
    const signal = { aborted: false };
    await expect(
      run((p) => {
        if (p.stage === 'instructions') signal.aborted = true;
      }, signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
  }, 120_000);
});

describe('benchmarkUsers', () => {
  it('takes personas first, then seeded population variants', () => {
    const u = benchmarkUsers(personas, personas.length + 5, 42);
    expect(u.slice(0, personas.length)).toEqual(personas);
    expect(u.slice(personas.length).map((x) => x.id)).toEqual(['pop-0', 'pop-1', 'pop-2', 'pop-3', 'pop-4']);
    expect(benchmarkUsers(personas, personas.length + 5, 42)).toEqual(u);
    expect(benchmarkUsers(personas, 3, 42)).toEqual(personas.slice(0, 3));
  });
});
