// @vitest-environment node
/**
 * Issue 8 on every entry point: a run description on an imported MovieLens dataset gives the
 * same decisions in-process, in the Live view's controller (DataStore import; the model
 * fitted in-process, or in the REAL fidelity worker entry and rebuilt from its parts as the
 * app does), through
 * `npm run simulate` on the folder, and through the REAL Batch and leaderboard worker
 * entries (over a MessageChannel, the dataset sent with the request): each fits the same
 * response model (core/run/dataset-world.ts). The decisions without the model differ, so
 * the model is really used. A run naming a dataset the page does not hold, or an oversized
 * one, is a clear error.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliArgsOf } from '../../src/cli/simulate-args';
import { evaluate as evaluateCli, parseEvaluateArgs } from '../../src/cli/evaluate';
import { importMovieLens } from '../../src/core/catalog/movielens';
import { runBatch } from '../../src/core/env/batch';
import { buildRun, canonicalJson, parseRunDescription, trajectoryDecisions, type RunDescription, type RunWorld } from '../../src/core/run';
import { ensureResponseModel, prepareDatasetWorld } from '../../src/core/run/dataset-world';
import { responseModelFor } from '../../src/core/simulator/movie-response';
import { DataStore } from '../../src/ui/state/data.svelte';
import { settingsOf } from '../../src/ui/state/describe-run';
import { LiveController } from '../../src/ui/state/live.svelte';
import { Playback } from '../../src/ui/state/playback.svelte';
import { createBatchClient, type BatchClient } from '../../src/worker/batch-client';
import { checkDataset, clearDatasetCache } from '../../src/worker/dataset';
import { createLeaderboardClient, type LeaderboardClient } from '../../src/worker/leaderboard-client';
import type { FidelityApi } from '../../src/worker/fidelity-protocol';
import { connect, type Client } from '../../src/worker/rpc';
import { fitAndAttach } from '../../src/ui/fidelity/attach-model';
import { movieWorldCsv } from '../core/simulator/movie-fixture';
import { workerEntries } from './worker-entry';
import { cliDecisions } from './cli-decisions';

const entries = workerEntries();
const startEntry = entries.start;
// Each entry is imported (and serves its port) once per test file.
let batch: BatchClient;
let board: LeaderboardClient;
let fidelity: Client<FidelityApi>;
beforeAll(async () => {
  fidelity = connect<FidelityApi>(await startEntry(() => import('../../src/worker/fidelity.worker')), 'Fidelity worker');
  batch = createBatchClient(await startEntry(() => import('../../src/worker/batch.worker')));
  const port = await startEntry(() => import('../../src/worker/leaderboard.worker'));
  board = createLeaderboardClient(() => port);
});
afterAll(() => {
  entries.close();
});

const files = movieWorldCsv({ users: 24, movies: 150, seed: 3 });
/** A fresh import each time: a new catalog object, no model attached. */
const fresh = () => importMovieLens(files);
const USERS = 3;
const name = (d: RunDescription) => (d.recommender.follow ? `${d.recommender.name}+follow` : d.recommender.name);

/** Every session's decisions of a population run, in-process. */
async function inProcess(d: RunDescription, world: RunWorld): Promise<string[]> {
  const built = buildRun(d, world);
  const r = await runBatch({ ...built.batchConfig(), startedAt: world.catalog.now, keepTrajectories: true });
  return r.runs[0].trajectories!.map((t) => canonicalJson(trajectoryDecisions(t)));
}

/** The Live view; `viaWorker`: the model fitted in the fidelity worker and rebuilt from its parts (the app's path). */
async function viaLive(d: RunDescription, userId: string, viaWorker = false): Promise<string> {
  const data = viaWorker ? new DataStore((c, u) => fitAndAttach(c, u, (r) => fidelity.call('fit', r))) : new DataStore();
  expect(await data.importMovieLens(files)).toBe('ml-latest');
  const playback = new Playback();
  playback.instant = true;
  const live = new LiveController(playback);
  await live.run(settingsOf({ ...d, users: { kind: 'user', id: userId } }), data, { record: false });
  expect(live.session.error).toBeNull();
  expect(responseModelFor(data.catalog!)).toBeDefined();
  return canonicalJson(trajectoryDecisions(live.session.trajectory!));
}

let written: string | null = null;
/** The dataset as a MovieLens folder on disk (once). */
function folder(): string {
  if (written) return written;
  const dir = mkdtempSync(join(tmpdir(), 'dataset-same-run-'));
  written = join(dir, 'ml');
  mkdirSync(written);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(written, f), text);
  return written;
}

async function viaCli(d: RunDescription, userId: string): Promise<string> {
  const args = cliArgsOf({ ...d, users: { kind: 'user', id: userId } });
  args[args.indexOf('--catalog') + 1] = folder();
  return cliDecisions(args);
}

describe('an imported MovieLens dataset: the same response model on every entry point', () => {
  const cases = [
    parseRunDescription({ catalog: 'ml-latest', users: { kind: 'population', size: USERS }, recommender: { name: 'popular', follow: false }, seed: 3, turns: 4 }),
    parseRunDescription({ catalog: 'ml-latest', users: { kind: 'population', size: USERS }, recommender: { name: 'mf-bpr', follow: true }, seed: 11, turns: 3 }),
  ];

  it('in-process, Live, CLI, Batch worker and leaderboard worker: identical decisions; without the model: different ones', async () => {
    for (const [k, d] of cases.entries()) {
      const imp = fresh();
      const plain = await inProcess(d, { catalog: imp.catalog, users: imp.users });
      const ref = await inProcess(d, prepareDatasetWorld(fresh().catalog, fresh().users));
      expect(ref).toHaveLength(USERS);
      // The model changes what the simulated users do (else this test would prove nothing).
      expect(ref.filter((x, i) => x !== plain[i]).length, `model vs none (${name(d)})`).toBeGreaterThan(0);

      const stages: string[] = [];
      const b = await batch.run({ run: d, recommenders: [name(d)], canonical: true, dataset: fresh() }, { onProgress: (p) => p.stage && stages.push(p.stage) });
      expect(b.rows.map((r) => r.canonical), `Batch worker (${name(d)})`).toEqual(ref);
      // Fitted in the worker on the first run, its cached model reused on the same data after.
      expect(stages).toEqual(k === 0 ? ['fitting the response model'] : []);

      // Both entries share this module instance here (in the app each worker has its own):
      // forget the Batch worker's model so the leaderboard fits its own on the first case.
      if (k === 0) clearDatasetCache();
      const lbStages: string[] = [];
      const lb = await board.run({ bases: [d.recommender.name], run: d, canonical: true, dataset: fresh() }, { onProgress: (p) => lbStages.push(p.stage) });
      expect(lb.canonical?.[name(d)], `Leaderboard worker (${name(d)})`).toEqual(ref);
      expect(lbStages[0]).toBe(k === 0 ? 'response-model' : 'sessions');
      expect(lb.description).toMatch(/Catalog "ml-latest", the dataset's first 3 users/);
      // `npm run evaluate -- --protocol leaderboard --dataset DIR`: the same rows as the app's worker.
      const cli = await evaluateCli(parseEvaluateArgs(['--protocol', 'leaderboard', '--dataset', folder(), '--recommenders', d.recommender.name, '--users', String(USERS), '--seed', String(d.seed), '--turns', String(d.turns), '--list-size', String(d.listSize), '--json'])!);
      expect(cli.rows, `evaluate --protocol leaderboard (${name(d)})`).toEqual(lb.rows);
      // The judge export runs the same description's sessions on the dataset.
      const judged = await board.judge({ bases: [d.recommender.name], run: d, dataset: fresh() });
      expect(judged.rows.map((r) => [r.recommender, r.sessions])).toEqual([[d.recommender.name, USERS], [`${d.recommender.name}+follow`, USERS]]);

      const userId = JSON.parse(ref[0]).userId as string;
      expect(await viaLive(d, userId), `Live (${name(d)})`).toBe(ref[0]);
      expect(await viaLive(d, userId, true), `Live, model from the fidelity worker (${name(d)})`).toBe(ref[0]);
      expect(await viaCli(d, userId), `CLI (${name(d)})`).toBe(ref[0]);
    }
  }, 300_000);

  it('Live waits for the response model of a fresh import (and says so) rather than run with another model', async () => {
    const d = cases[0];
    const ref = await inProcess(d, prepareDatasetWorld(fresh().catalog, fresh().users));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const data = new DataStore((catalog, users) => gate.then(() => ensureResponseModel(catalog, users)));
    await data.importMovieLens(files);
    expect(data.importSummary).toMatch(/Fitting the response model for these users/);
    const playback = new Playback();
    playback.instant = true;
    const live = new LiveController(playback);
    const userId = JSON.parse(ref[0]).userId as string;
    const running = live.run(settingsOf({ ...d, users: { kind: 'user', id: userId } }), data, { record: false });
    await vi.waitFor(() => expect(live.preparing).toMatch(/Fitting the response model on this dataset's users/));
    await new Promise((r) => setTimeout(r, 50));
    expect(live.session.turns).toHaveLength(0);
    release();
    await running;
    expect(live.preparing).toBeNull();
    expect(data.importSummary).toMatch(/Response model fitted/);
    expect(canonicalJson(trajectoryDecisions(live.session.trajectory!))).toBe(ref[0]);

    // A fit that fails stops the run with the reason (never another model in silence).
    const failing = new DataStore(() => Promise.reject(new Error('worker could not start')));
    await failing.importMovieLens(files);
    const live2 = new LiveController(playback);
    await live2.run(settingsOf({ ...d, users: { kind: 'user', id: userId } }), failing, { record: false });
    expect(live2.session.error).toMatch(/response model of dataset "ml-latest" could not be fitted: worker could not start/);
    expect(failing.importSummary).toMatch(/could not be fitted \(worker could not start\)/);
  }, 60_000);

  it('a dataset the page does not hold, a mismatched or an oversized one: clear errors', async () => {
    const run = cases[0];
    await expect(batch.run({ run, recommenders: ['popular'] })).rejects.toThrow(/"ml-latest" is neither a built-in catalog .* nor a dataset imported in this tab: import the MovieLens folder again/);
    await expect(board.run({ bases: ['popular'], run })).rejects.toThrow(/nor a dataset imported in this tab/);
    const other = { ...fresh(), catalog: { ...fresh().catalog, id: 'ml-100k' } };
    await expect(batch.run({ run, recommenders: ['popular'], dataset: other })).rejects.toThrow(/names catalog "ml-latest" but the dataset sent is "ml-100k"/);
    await expect(batch.run({ run: { ...run, users: { kind: 'population', size: 999 } }, recommenders: ['popular'], dataset: fresh() })).rejects.toThrow(/999 users asked, the data has only 24/);
    await expect(board.run({ bases: ['popular'], run: { ...run, users: { kind: 'population', size: 999 } }, dataset: fresh() })).rejects.toThrow(/999 users asked, the dataset has only 24/);
    const huge = { catalog: { ...fresh().catalog, items: new Array(200_001) }, users: [] };
    expect(() => checkDataset(huge, 'ml-latest')).toThrow(/200,001 items; a run in the app takes at most 200,000/);
  }, 120_000);
});
