import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { movieWorldCsv } from '../core/simulator/movie-fixture';
import { fidelityTable } from '../../src/cli/fidelity-table';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const ML_LATEST = join(ROOT, 'tests/fixtures/movielens/ml-latest');
const ML_100K = join(ROOT, 'tests/fixtures/movielens/ml-100k');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawn the CLI as `npm run evaluate` does (tsx), without npm's own output. */
function evaluate(args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/evaluate.ts', ...args], { cwd: ROOT, timeout: 90_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('evaluate CLI', () => {
  it('instructions: one JSON object with cases and compliance per recommender', async () => {
    const r = await evaluate(['--protocol', 'instructions', '--recommenders', 'popular', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o.cases).toBeGreaterThanOrEqual(60);
    expect(Object.keys(o.compliance)).toEqual(['popular', 'popular+follow']);
    expect(o.compliance['popular+follow'].compliance).toBeGreaterThan(o.compliance.popular.compliance);
  });

  it('compare: means and intervals per recommender, the same for the same seed', async () => {
    const args = ['--protocol', 'compare', '--recommenders', 'content', '--users', '30', '--seed', '7', '--json'];
    const [a, b] = await Promise.all([evaluate(args), evaluate(args)]);
    expect(a.code).toBe(0);
    const x = JSON.parse(a.stdout);
    const y = JSON.parse(b.stdout);
    delete x.timing;
    delete y.timing;
    expect(x).toEqual(y);
    const row = x.recommenders['content+follow'];
    expect(row.sessions).toBe(30);
    expect(row.watchSeconds.lo).toBeLessThanOrEqual(row.watchSeconds.mean);
    expect(row.retention.hi).toBeGreaterThanOrEqual(row.retention.mean);
  });

  it('reorder and fidelity on MovieLens folders of both layouts', async () => {
    for (const dir of [ML_LATEST, ML_100K]) {
      const r = await evaluate(['--protocol', 'reorder', '--dataset', dir, '--recommenders', 'popular', '--json']);
      expect(r.code, r.stderr).toBe(0);
      const o = JSON.parse(r.stdout);
      for (const k of ['recallInitial', 'recallFinal', 'ndcgInitial', 'ndcgFinal', 'n']) expect(typeof o[k]).toBe('number');
    }
    // Too few users for a tuning and a test split: said out loud, exit 1.
    const tiny = await evaluate(['--protocol', 'fidelity', '--dataset', ML_LATEST, '--json']);
    expect(tiny.code).toBe(1);
    expect(tiny.stderr).toMatch(/^evaluate: no figures: 0 user\(s\) qualify/m);
    // An expected outcome, said in one line: no stack trace.
    expect(tiny.stderr).not.toMatch(/^\s+at /m);
  });

  it('fidelity: the issue-8 JSON names, test and tuning split, every baseline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fidelity-cli-'));
    for (const [name, text] of Object.entries(movieWorldCsv({ users: 50, movies: 300, seed: 9 }))) writeFileSync(join(dir, name), text);
    const f = await evaluate(['--protocol', 'fidelity', '--dataset', dir, '--ratio', '3', '--seeds', '2', '--bootstrap', '50', '--json']);
    expect(f.code, f.stderr).toBe(0);
    const o = JSON.parse(f.stdout);
    for (const k of ['auc', 'balancedAccuracy', 'accuracy', 'precision', 'recall', 'f1', 'users']) expect(typeof o[k]).toBe('number');
    expect(o.ratio).toBe(3);
    expect(o.seeds).toEqual([42, 43]);
    expect(o.split).toBe('test');
    expect(o.tuning.split).toBe('tuning');
    expect(Object.keys(o.baselines)).toEqual(['neverEngage', 'alwaysEngage', 'popularity', 'numRatings', 'itemMean']);
    expect(Object.keys(o.margin)).toEqual(['auc', 'ci95', 'over']);
    expect(Object.keys(o.ratios)).toEqual(['1', '3', '9']);
    for (const k of ['auc', 'balancedAccuracy', 'baselines', 'margin']) expect(o.taste[k]).toBeDefined();
    for (const k of ['rmse', 'mae', 'baselineRmse', 'baselineMae']) expect(typeof o.rating[k]).toBe('number');
    for (const k of ['simulatedLikeRate', 'realLikeRate', 'perUserCorrelation', 'perUserMae']) expect(typeof o.calibration[k]).toBe('number');
    expect(o.tuning.users + o.users).toBeGreaterThan(30);
    // The targets, judged from the same figures, on each split.
    expect(o.goals.map((g: { id: string }) => g.id)).toEqual(['auc', 'balancedAccuracy', 'margin', 'tasteAuc', 'rmse', 'likeRate', 'perUserCorrelation']);
    const minAuc = Math.min(...Object.values(o.ratios as Record<string, { auc: number }>).map((r) => r.auc));
    expect(o.goals[0].met).toBe(minAuc >= 0.92);
    expect(o.goals[4].met).toBe(o.rating.rmse < o.rating.baselineRmse);
    expect(o.tuning.goals[4].met).toBe(o.tuning.rating.rmse < o.tuning.rating.baselineRmse);
    // Where it is weak: AUC by the liked movie's earlier ratings, the bands covering the positives (means over seeds).
    expect(Object.keys(o.byPopularity)).toEqual(['1', '2-5', '6-20', '21-50', '51+']);
    const bandPositives = Object.values(o.byPopularity as Record<string, { positives: number }>).reduce((s, b) => s + b.positives, 0);
    expect(bandPositives).toBeCloseTo(o.positives, 3); // the same positives at every ratio
    // The text names one baseline for every band: the strongest ranking one on the test split.
    const ranking = ['popularity', 'numRatings', 'itemMean'];
    const strongest = ranking.reduce((a, b) => (o.ratios['1'].baselines[b].auc > o.ratios['1'].baselines[a].auc ? b : a));
    const text = fidelityTable(o).split('\n');
    const head = text.findIndex((l) => l.includes("by the liked movie's ratings"));
    expect(text[head]).toMatch(new RegExp(`simulator / ${strongest}$`));
    const bands = Object.values(o.byPopularity as Record<string, { simulator: number | null; baselines: Record<string, number | null> }>);
    const k = bands.findIndex((b) => b.simulator != null && b.baselines[strongest] != null); // JSON writes NaN (no liked movie) as null
    expect(k).toBeGreaterThanOrEqual(0);
    expect(text[head + 1 + k]).toContain(`${bands[k].simulator!.toFixed(3)} / ${bands[k].baselines[strongest]!.toFixed(3)}`);
  });

  it('bad options: a clear message and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--protocol', 'nope'], /unknown/],
      [[], /--protocol is required/],
      [['--protocol', 'fidelity'], /needs --dataset/],
      [['--protocol', 'fidelity', '--dataset', ML_LATEST, '--ratio', '2'], /1, 3 or 9/],
      [['--protocol', 'instructions', '--recommenders', 'magic'], /unknown/],
      [['--protocol', 'instructions', '--bogus'], /bogus/],
    ];
    for (const [args, msg] of cases) {
      const r = await evaluate(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(msg);
    }
    // Six CLI start-ups in a row: allow for a loaded shared machine.
  }, 90_000);
});
