import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/train';

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const w = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  try {
    return { code: await main(argv), out };
  } finally {
    w.mockRestore();
  }
}

describe('npm run train', () => {
  it('prints one JSON object with the curve, the final policy and the baselines on the same users; reproducible', { timeout: 90_000 }, async () => {
    const argv = ['--episodes', '16', '--seed', '3', '--eval-every', '8', '--eval-users', '6', '--train-users', '12', '--json', '--quiet'];
    const a = await run(argv);
    expect(a.code).toBe(0);
    const r = JSON.parse(a.out);
    expect(r).toMatchObject({ episodes: 16, seed: 3, objective: 'blend' });
    expect(r.curve.map((p: { episode: number }) => p.episode)).toEqual([0, 8, 16]);
    for (const p of r.curve) for (const k of ['reward', 'sessionSeconds', 'retention']) expect(Number.isFinite(p[k])).toBe(true);
    for (const name of ['popular', 'random', 'linucb']) {
      const b = r.baselines[name];
      expect(b.ci95.retention[0]).toBeLessThanOrEqual(b.retention);
      expect(b.ci95.retention[1]).toBeGreaterThanOrEqual(b.retention);
      expect(Number.isFinite(b.sessionSeconds)).toBe(true);
    }
    expect(r.final.reward).toBe(r.curve[2].reward);
    const b = JSON.parse((await run(argv)).out);
    expect(b.curve).toEqual(r.curve);
    expect(b.theta).toEqual(r.theta);
  });

  it('rejects bad options', async () => {
    await expect(main(['--objective', 'clicks'])).rejects.toThrow(/--objective must be one of blend, retention, session, watch/);
    await expect(main(['--episodes', 'x'])).rejects.toThrow(/whole number/);
  });

  it('--episodes 0 is refused in words (it evaluated the untouched policy as if trained, silently); the bound is 1 .. 1000000', async () => {
    await expect(main(['--episodes', '0', '--eval-users', '2', '--train-users', '1', '--json', '--quiet'])).rejects.toThrow(
      '--episodes must be at least 1, got 0: with no training episode the report would present the untrained policy as trained',
    );
    await expect(main(['--episodes', '1000001'])).rejects.toThrow('--episodes must be between 1 and 1000000, got 1000001');
  });
});
