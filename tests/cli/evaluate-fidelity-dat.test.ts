/**
 * The fidelity CLI's code path (`evaluateFidelityProtocol`, the body of `npm run evaluate
 * -- --protocol fidelity --dataset DIR`) on an ml-1m-layout folder: the seeded
 * MovieLens-like world written as latin1 "::" files with users.dat, read from disk by the
 * real folder reader. Asserts the run reads the layout and reports figures beside their
 * baselines, not a particular figure.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFidelityProtocol } from '../../src/cli/evaluate-fidelity';
import { movieWorldCsv } from '../core/simulator/movie-fixture';

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');

/** The world's movies.csv / ratings.csv as ml-1m files (an accented title, demographics). */
function writeMl1m(dir: string): void {
  const world = movieWorldCsv({ movies: 200, users: 40, seed: 5 });
  const movies = world['movies.csv'].trim().split('\n').slice(1).map((l) => {
    const [id, title, genres] = l.split(',');
    return `${id}::${id === '1' ? 'Misérables, Les (1995)' : title}::${genres}`;
  });
  const users = new Set<string>();
  const ratings = world['ratings.csv'].trim().split('\n').slice(1).map((l) => {
    const [u, m, r, t] = l.split(',');
    users.add(u);
    return `${u}::${m}::${Math.max(1, Math.round(Number(r)))}::${t}`;
  });
  writeFileSync(join(dir, 'movies.dat'), latin1(movies.join('\n') + '\n'));
  writeFileSync(join(dir, 'ratings.dat'), latin1(ratings.join('\n') + '\n'));
  writeFileSync(join(dir, 'users.dat'), latin1([...users].map((u, k) => `${u}::${k % 2 ? 'M' : 'F'}::25::${k % 21}::0${k}000`).join('\n') + '\n'));
}

describe('fidelity CLI on an ml-1m folder', () => {
  it('imports the layout and reports the simulator beside its baselines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recoworld-ml1m-'));
    writeMl1m(dir);
    const stages: string[] = [];
    const o = (await evaluateFidelityProtocol({ dataset: dir, seed: 3, seeds: 1, ratio: 1, bootstrap: 50, sessions: false, onProgress: (s, d, t) => stages.push(`${s} ${d}/${t}`) })) as Record<string, any>;
    expect(o.layout).toBe('ml-1m');
    // Every stage is said, in order, before the first user (a full release takes minutes there).
    const first = (prefix: string) => stages.findIndex((x) => x.startsWith(prefix));
    expect(stages.slice(0, 2)).toEqual(['importing 0/1', 'importing 1/1']);
    expect(first('fitting the response model')).toBe(2);
    const [done, total] = stages.filter((x) => x.startsWith('fitting')).at(-1)!.split(' ').at(-1)!.split('/').map(Number);
    expect(done).toBe(total);
    expect(first('seed 3')).toBeGreaterThan(first('fitting the response model'));
    expect(o.responseModel).toBe(true);
    expect(o.users).toBeGreaterThan(0);
    expect(o.tuning.users).toBeGreaterThan(0);
    expect(o.auc).toBeGreaterThan(0);
    expect(o.auc).toBeLessThanOrEqual(1);
    expect(Object.keys(o.baselines)).toEqual(expect.arrayContaining(['neverEngage', 'alwaysEngage', 'popularity', 'numRatings', 'itemMean']));
    expect(Number.isFinite(o.rating.rmse)).toBe(true);
    expect(Number.isFinite(o.rating.baselineRmse)).toBe(true);
  }, 120_000);
});
