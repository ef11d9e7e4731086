/**
 * History -> training data in jsdom: real rule-based sessions recorded into IndexedDB
 * (fake-indexeddb) are replayed, judged and saved as chat JSONL and DPO pairs; a session
 * that cannot be replayed is skipped and said so.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../src/core/catalog/builtin';
import { buildCatalogIndex } from '../../src/core/catalog/catalog-index';
import { fitRng } from '../../src/core/env/fit-rng';
import { runSession } from '../../src/core/env/runner';
import { createRecommender } from '../../src/core/recommenders/agentic';
import { simulators } from '../../src/core/simulator/registry';
import { defaultContext } from '../../src/core/users/context';
import { openDb } from '../../src/storage/open';
import { listSessions } from '../../src/storage/queries';
import { createRecorder } from '../../src/storage/recorder';
import TrainingDataExport from '../../src/ui/train/TrainingDataExport.svelte';
import { exportTrainingData } from '../../src/ui/train/training-export';
import { dbName, sampleSession } from '../storage/fixtures';

afterEach(() => cleanup());

describe('TrainingDataExport', () => {
  it('exports judge-passed stored sessions as chat JSONL and DPO pairs', { timeout: 120_000 }, async () => {
    const db = await openDb(dbName());
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
    const index = buildCatalogIndex(catalog);
    for (const [i, user] of personas.slice(0, 4).entries()) {
      const rec = createRecommender('content+follow');
      rec.fit?.({ catalog, users: personas }, fitRng(7, rec.name));
      const cfg = { catalog, index, user, context: defaultContext(user), simulator: simulators.get('rule-based').create(), recommender: rec, seed: 7, listSize: 6, maxTurns: 6, instructionsEnabled: true };
      const r = createRecorder(db, {
        id: `run-${i}`, startedAt: 1_700_000_000_000 + i, seed: 7, userId: user.id, recommender: rec.name, simulator: 'rule-based',
        catalogId: 'shortvideo', instructionsEnabled: true, context: cfg.context, settings: { listSize: 6, turns: 6, reward: 'watch' },
      });
      await runSession(cfg, (e) => r.onEvent(e));
      await r.flush();
    }
    // A synthetic session whose lists the simulator would not answer the same way.
    const { meta, events } = sampleSession('synthetic');
    const s = createRecorder(db, { ...meta, startedAt: meta.startedAt + 99 });
    for (const e of events) s.onEvent(e);
    await s.flush();

    const ids = (await listSessions(db)).map((x) => x.id);
    expect(ids).toHaveLength(5);
    const files: Record<string, string> = {};
    render(TrainingDataExport, { ids, dbFactory: async () => db, save: (name: string, text: string) => void (files[name] = text) });
    await fireEvent.click(screen.getByTestId('training-export-run'));
    await waitFor(() => expect(document.querySelector('[data-testid="training-export-result"], .error')).not.toBeNull(), { timeout: 100_000 });
    expect(document.querySelector('.error')?.textContent ?? '').toBe('');
    const status = screen.getByTestId('training-export-result');
    const m = /^(\d+) of (\d+) replayed sessions passed the judge .*; (\d+) preference pairs against popular\+follow .*1 skipped/.exec(status.textContent ?? '');
    expect(m, status.textContent ?? '').not.toBeNull();
    const [kept, judged, pairs] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(judged).toBe(4);
    expect(kept).toBeGreaterThan(0);
    const chat = files['training-chat.jsonl'].trim().split('\n').map((l) => JSON.parse(l));
    expect(chat).toHaveLength(kept);
    for (const ex of chat) {
      expect(ex.messages[0].role).toBe('system');
      expect(ex.messages.slice(1).map((x: { role: string }) => x.role)).toEqual(ex.messages.slice(1).map((_: unknown, i: number) => (i % 2 ? 'assistant' : 'user')));
    }
    if (pairs) {
      const dpo = files['training-dpo.jsonl'].trim().split('\n').map((l) => JSON.parse(l));
      expect(dpo).toHaveLength(pairs);
      expect(dpo[0]).toMatchObject({ prompt: expect.any(Array), chosen: expect.any(Array), rejected: expect.any(Array) });
    }

    // Demanding a perfect score on both rubrics keeps no more trajectories.
    await fireEvent.input(screen.getByTestId('training-min-followed'), { target: { value: '1' } });
    await fireEvent.input(screen.getByTestId('training-min-better-off'), { target: { value: '1' } });
    await fireEvent.click(screen.getByTestId('training-export-run'));
    await waitFor(() => expect(screen.getByTestId('training-export-result').textContent).toMatch(/^\d+ of 4/), { timeout: 100_000 });
    expect(Number(/^(\d+)/.exec(screen.getByTestId('training-export-result').textContent!)![1])).toBeLessThanOrEqual(kept);
  });

  it("a stored catalog id's hidden direction control is shown in the result, not applied (it reversed the rest of the sentence)", async () => {
    const db = await openDb(dbName());
    // A session of an imported (or crafted History import's) catalog whose id holds a U+202E.
    const { meta, events, trajectory } = sampleSession('rtl');
    trajectory.catalogId = 'evil\u202E.lmth';
    const s = createRecorder(db, { ...meta, catalogId: trajectory.catalogId });
    for (const e of events) s.onEvent(e);
    await s.flush();
    render(TrainingDataExport, { ids: (await listSessions(db)).map((x) => x.id), dbFactory: async () => db, save: () => undefined });
    await fireEvent.click(screen.getByTestId('training-export-run'));
    const status = await screen.findByTestId('training-export-result', {}, { timeout: 30_000 });
    expect(status.textContent, status.textContent ?? "").toMatch(/1 skipped \(catalog "evil/);
    expect(status.textContent).not.toContain('\u202E');
    expect(status.querySelector('[data-testid="bidi-mark"]')?.textContent).toBe('U+202E');
  });

  it('the progress total is the sessions replayed: it reaches full at the end (skipped ones were counted, the bar stopped short)', { timeout: 60_000 }, async () => {
    const db = await openDb(dbName());
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
    const user = personas[0];
    const rec = createRecommender('popular');
    rec.fit?.({ catalog, users: personas }, fitRng(3, rec.name));
    const cfg = { catalog, index: buildCatalogIndex(catalog), user, context: defaultContext(user), simulator: simulators.get('rule-based').create(), recommender: rec, seed: 3, listSize: 4, maxTurns: 2, instructionsEnabled: false };
    const r = createRecorder(db, {
      id: 'run-real', startedAt: 1_700_000_000_000, seed: 3, userId: user.id, recommender: rec.name, simulator: 'rule-based',
      catalogId: 'shortvideo', instructionsEnabled: false, context: cfg.context, settings: { listSize: 4, turns: 2 },
    });
    await runSession(cfg, (e) => r.onEvent(e));
    await r.flush();
    // Two skipped before replay: an imported catalog's session and one no longer stored.
    const { meta, events, trajectory } = sampleSession('imported');
    trajectory.catalogId = 'ml-small';
    const s = createRecorder(db, { ...meta, catalogId: 'ml-small' });
    for (const e of events) s.onEvent(e);
    await s.flush();
    const ids = [...(await listSessions(db)).map((x) => x.id), 'gone'];
    expect(ids).toHaveLength(3);
    const calls: [number, number][] = [];
    const out = await exportTrainingData(db, ids, { minScores: { followed: 0.5, better_off: 0.5 }, rival: 'random', onProgress: (d, t) => calls.push([d, t]) });
    expect(out.skipped.map((x) => x.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/not built in/), 'not found in storage']));
    expect(out.judged + out.skipped.length).toBe(3);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every(([, t]) => t === 1)).toBe(true);
    expect(calls.at(-1)).toEqual([1, 1]);
  });

  it('a threshold emptied or outside 0..1 is said beside the fields and nothing runs', async () => {
    let opened = 0;
    render(TrainingDataExport, { ids: ['run-x'], dbFactory: async () => { opened++; throw new Error('must not be read'); }, save: () => undefined });
    const run = screen.getByTestId('training-export-run') as HTMLButtonElement;
    const followed = screen.getByTestId('training-min-followed');
    // An emptied field ran as 0.5 and 5 as 1, without a word.
    for (const typed of ['', '5', '-0.5']) {
      await fireEvent.input(followed, { target: { value: typed } });
      expect(screen.getByTestId('training-export-problem').textContent, typed).toBe('Least "instruction followed": enter a number from 0 to 1.');
      expect(run.disabled).toBe(true);
      await fireEvent.submit(run.form!);
    }
    expect(opened).toBe(0);
    await fireEvent.input(followed, { target: { value: '0.7' } });
    expect(screen.queryByTestId('training-export-problem')).toBeNull();
    expect(run.disabled).toBe(false);
  });
});
