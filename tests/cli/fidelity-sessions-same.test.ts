/**
 * The Fidelity view's sessions table and the CLI's `sessions.responseModel` come from the
 * same run: the same MovieLens folder, seed, user sample and recommenders give the same
 * figures through `npm run evaluate -- --protocol fidelity` (evaluateFidelityProtocol, read
 * from disk) and through the fidelity worker's function (runFidelityRequest, on the
 * imported dataset as the app holds it). Another seed samples other users.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateFidelityProtocol } from '../../src/cli/evaluate-fidelity';
import { importMovieLens } from '../../src/core/catalog/movielens';
import { runFidelityRequest } from '../../src/worker/fidelity-run';
import { movieWorldCsv } from '../core/simulator/movie-fixture';

describe('fidelity sessions: CLI and view agree', () => {
  it('gives the same session figures from the CLI and the worker function', async () => {
    const files = movieWorldCsv({ users: 70, movies: 200, seed: 9 });
    const dir = mkdtempSync(join(tmpdir(), 'fidelity-sessions-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const cli = (await evaluateFidelityProtocol({ dataset: dir, seed: 5, seeds: 1, ratio: 1, bootstrap: 20 })) as { sessions: { users: number; responseModel: Record<string, Record<string, number>> } };
    const world = importMovieLens(files);
    const view = await runFidelityRequest({ catalog: world.catalog, users: world.users, seed: 5, seeds: 1, bootstrap: 20 });
    expect(view.sessions?.users).toBe(cli.sessions.users);
    expect(view.sessions!.users).toBe(50);
    const recs = Object.keys(cli.sessions.responseModel);
    expect(Object.keys(view.sessions!.stats)).toEqual(recs);
    for (const r of recs) {
      for (const [k, v] of Object.entries(cli.sessions.responseModel[r])) {
        expect((view.sessions!.stats[r] as unknown as Record<string, number>)[k], `${r}.${k}`).toBeCloseTo(v, 3);
      }
    }
    // Not a coincidence of the fixture: another seed samples other users and differs somewhere.
    const other = await runFidelityRequest({ catalog: world.catalog, users: world.users, seed: 6, seeds: 1, bootstrap: 20 });
    expect(JSON.stringify(other.sessions!.stats)).not.toBe(JSON.stringify(view.sessions!.stats));
  }, 120_000);
});
