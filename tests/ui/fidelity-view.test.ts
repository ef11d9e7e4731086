/**
 * The Fidelity view (jsdom): on an imported MovieLens-like dataset it runs the protocol
 * (in-process runner here; the worker entry is tested below over a MessageChannel), shows
 * progress, the simulator beside every baseline for the chosen split, and the ROC,
 * reliability and per-user charts; without an imported dataset it says what to do; a
 * failing run is said out loud.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { importMovieLens } from '../../src/core/catalog/movielens';
import FidelityView from '../../src/ui/fidelity/FidelityView.svelte';
import type { FidelityRunner } from '../../src/ui/fidelity/fidelity-state.svelte';
import type { DataStore } from '../../src/ui/state/data.svelte';
import type { FidelityApi, FidelityRequest } from '../../src/worker/fidelity-protocol';
import { fitModelParts, runFidelityRequest } from '../../src/worker/fidelity-run';
import { fitAndAttach } from '../../src/ui/fidelity/attach-model';
import { responseModelFor } from '../../src/core/simulator/movie-response';
import { createRuleBasedSimulator } from '../../src/core/simulator/rule-based';
import { emptyMemory } from '../../src/core/simulator/memory';
import { defaultContext } from '../../src/core/users/context';
import { createRng } from '../../src/core/rng';
import { connect, type Endpoint } from '../../src/worker/rpc';
import { movieWorldCsv } from '../core/simulator/movie-fixture';

const world = importMovieLens(movieWorldCsv({ users: 40, movies: 250, seed: 6 }));
const data = (imported: DataStore['imported']) => ({ imported }) as unknown as DataStore;
const inProcess: FidelityRunner = (req, o) => runFidelityRequest(req, { onProgress: o.onProgress, signal: o.signal });

describe('Fidelity view', () => {
  afterEach(() => cleanup());

  it('asks for a MovieLens import when there is none', () => {
    render(FidelityView, { data: data({}), runner: inProcess });
    expect(screen.getByTestId('fidelity-empty').textContent).toMatch(/Import a MovieLens folder/);
    expect(screen.queryByTestId('fidelity-run')).toBeNull();
  });

  it('runs the protocol and shows the table beside the baselines and the three charts', async () => {
    const seen: number[] = [];
    const runner: FidelityRunner = (req, o) => inProcess(req, { ...o, onProgress: (p) => (seen.push(p.done), o.onProgress(p)) });
    // A second imported folder: the report must say which one it is of once the menu shows the other.
    const other = { catalog: { ...world.catalog, id: 'other-folder', name: 'Other folder' }, users: world.users };
    render(FidelityView, { data: data({ [world.catalog.id]: { catalog: world.catalog, users: world.users }, 'other-folder': other }), runner });
    await fireEvent.input(screen.getByTestId('fidelity-seeds'), { target: { value: '1' } });
    await fireEvent.click(screen.getByTestId('fidelity-run'));
    const table = await screen.findByTestId('fidelity-table', {}, { timeout: 30_000 });
    expect(seen.length).toBeGreaterThan(10);
    const rows = [...table.querySelectorAll('tbody th')].map((th) => th.textContent);
    expect(rows).toEqual(['simulator', 'neverEngage', 'alwaysEngage', 'popularity', 'numRatings', 'itemMean']);
    expect(table.querySelector('caption')?.textContent).toMatch(/test split/);
    expect(screen.getByTestId('fidelity-taste').textContent).toMatch(/userItemMean/);
    expect(screen.getByTestId('fidelity-rating').textContent).toMatch(/RMSE \d\.\d{3}/);
    expect(screen.getByTestId('fidelity-roc').querySelectorAll('path.line')).toHaveLength(2);
    expect(screen.getByTestId('fidelity-reliability').querySelectorAll('path.line')).toHaveLength(1);
    expect(screen.getByTestId('fidelity-per-user').querySelectorAll('circle').length).toBeGreaterThan(5);
    for (const id of ['fidelity-roc', 'fidelity-reliability', 'fidelity-per-user']) expect(screen.getByTestId(id).querySelectorAll('text.label')).toHaveLength(2);
    // Where it is weak: one pair of bars per band of earlier ratings, with the liked movies counted.
    const bands = screen.getByTestId('fidelity-popularity');
    expect(bands.querySelectorAll('[data-testid="fidelity-popularity-sim"]')).toHaveLength(5);
    // Beside one named baseline, the strongest ranking one in the table (never a per-seed mix).
    const aucOf = (name: string) => Number([...table.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent === name)?.querySelector('td')?.textContent);
    const ranking = ['popularity', 'numRatings', 'itemMean'];
    const shown = ranking.filter((n) => bands.querySelector('.legend')?.textContent?.includes(n));
    expect(shown).toHaveLength(1);
    expect(aucOf(shown[0])).toBe(Math.max(...ranking.map(aucOf)));
    expect([...bands.querySelectorAll('[data-testid="fidelity-popularity-base"]')].filter((r) => Number(r.getAttribute('height')) > 0).length).toBeGreaterThan(0);
    const counted = [...bands.querySelectorAll('text')].map((t) => t.textContent ?? '').filter((t) => /^n=\d+$/.test(t)).map((t) => Number(t.slice(2)));
    expect(counted).toHaveLength(5);
    expect(counted.reduce((a, b) => a + b, 0)).toBe(Number(screen.getByTestId('fidelity-table').dataset.positives));
    // Real users' sessions under the model, per recommender (the CLI's sessions.responseModel).
    const sessionRows = screen.getAllByTestId('fidelity-sessions-row');
    expect(sessionRows.map((r) => r.querySelector('th')?.textContent)).toEqual(['popular', 'random', 'mf-bpr', 'content']);
    for (const r of sessionRows) {
      const cells = [...r.querySelectorAll('td')].map((td) => td.textContent ?? '');
      const ends = cells.slice(0, 4).map((c) => Number(c.replace('%', '')));
      expect(ends.every((x) => x >= 0 && x <= 100)).toBe(true);
      // Four shares, each rounded half up on its own: a few sessions give shares like 12.5%, so up to 100 + 4 x 0.5.
      expect(ends.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(102);
      expect(cells.slice(4).every((c) => /^\d+\.\d{2}$/.test(c))).toBe(true);
    }
    // The whole report downloads as JSON (both splits, every seed, the sessions).
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => (blobs.push(b), 'blob:fidelity')), revokeObjectURL: vi.fn() });
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await fireEvent.click(screen.getByTestId('fidelity-download'));
    click.mockRestore();
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^fidelity-\d{4}-\d\d-\d\dT[\d-]+\.json$/);
    const saved = JSON.parse(await blobs[0].text());
    expect(Object.keys(saved)).toEqual(expect.arrayContaining(['test', 'tuning', 'perSeed', 'seeds', 'sessions']));
    // The file says which dataset it measured (it did not: two folders' reports could not be told apart).
    expect(saved.dataset).toEqual({ id: world.catalog.id, name: world.catalog.name });
    expect(saved.test.byRatio['1'].auc).toBeCloseTo(Number(table.querySelector('tbody tr td')?.textContent), 2);
    // The targets, judged from the figures on show (the same list as the CLI's "goals").
    const goals = screen.getByTestId('fidelity-goals');
    expect(goals.querySelectorAll('tbody tr')).toHaveLength(7);
    const aucRow = screen.getByTestId('fidelity-goal-auc');
    const auc = Math.min(...Object.values(saved.test.byRatio as Record<string, { auc: number }>).map((e) => e.auc));
    expect(aucRow.textContent).toContain(auc.toFixed(3));
    expect(aucRow.querySelector('.verdict')?.textContent).toBe(auc >= 0.92 ? '✓ met' : '✗ not met');
    const rmse = screen.getByTestId('fidelity-goal-rmse').querySelector('.verdict')?.textContent;
    expect(rmse).toBe(saved.test.rating.rmse < saved.test.rating.baselineRmse ? '✓ met' : '✗ not met');
    expect(goals.querySelector('caption')?.textContent).toMatch(/^Targets, test split: \d of 7 met$/);
    await fireEvent.click(screen.getByLabelText(/tuning split/));
    expect(screen.getByTestId('fidelity-table').querySelector('caption')?.textContent).toMatch(/tuning split/);
    expect(screen.getByTestId('fidelity-goals').querySelector('caption')?.textContent).toMatch(/tuning split/);
    // The menu now shows the other folder: the report still names the one it measured (it named none, so it read as the other's).
    expect(screen.getByTestId('fidelity-report-of').textContent).toContain(world.catalog.name);
    await fireEvent.change(screen.getByTestId('fidelity-dataset'), { target: { value: 'other-folder' } });
    expect(screen.getByTestId('fidelity-report-of').textContent).toContain(world.catalog.name);
    expect(screen.getByTestId('fidelity-report-of').textContent).not.toContain('Other folder');
  }, 60_000);

  it('says a failed run out loud', async () => {
    render(FidelityView, { data: data({ x: { catalog: world.catalog, users: world.users.slice(0, 1) } }), runner: inProcess });
    await fireEvent.click(screen.getByTestId('fidelity-run'));
    const err = await screen.findByTestId('fidelity-error', {}, { timeout: 20_000 });
    expect(err.textContent).toMatch(/No figures: \d user\(s\) qualify/);
  });

  it('refuses an emptied or out-of-range number beside its field instead of running seed 0', async () => {
    const asked: FidelityRequest[] = [];
    const runner: FidelityRunner = (req, o) => (asked.push(req), inProcess(req, o));
    render(FidelityView, { data: data({ x: { catalog: world.catalog, users: world.users.slice(0, 1) } }), runner });
    const run = screen.getByTestId('fidelity-run') as HTMLButtonElement;
    await fireEvent.input(screen.getByTestId('fidelity-seed'), { target: { value: '' } });
    expect(screen.getByTestId('fidelity-seed-problem').textContent).toBe('Seed: enter a whole number from 0 to 4294967295.');
    expect(screen.getByTestId('fidelity-seed').getAttribute('aria-invalid')).toBe('true');
    expect(run.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('fidelity-seed'), { target: { value: '7' } });
    await fireEvent.input(screen.getByTestId('fidelity-seeds'), { target: { value: '11' } });
    expect(screen.getByTestId('fidelity-seeds-problem').textContent).toMatch(/Seeds: enter a whole number from 1 to 10/);
    expect(run.disabled).toBe(true);
    // The form's submit (Enter in a field) is refused too, and says why.
    await fireEvent.submit(run.closest('form')!);
    expect(asked).toHaveLength(0);
    expect(screen.getByTestId('fidelity-error').textContent).toMatch(/Seeds: enter a whole number/);
    await fireEvent.input(screen.getByTestId('fidelity-seeds'), { target: { value: '1' } });
    expect(screen.queryByTestId('fidelity-seeds-problem')).toBeNull();
    // Its sentence under the form goes with it (it stayed until the next Run).
    expect(screen.queryByTestId('fidelity-error')).toBeNull();
    expect(run.disabled).toBe(false);
    await fireEvent.click(run);
    await screen.findByTestId('fidelity-error', {}, { timeout: 20_000 });
    expect(asked.map((r) => [r.seed, r.seeds])).toEqual([[7, 1]]);
  });
});

const ports: MessagePort[] = [];
afterAll(() => {
  ports.forEach((p) => p.close());
  delete (globalThis as { self?: unknown }).self;
});

describe('fidelity.worker entry', () => {
  it('runs the real entry over a MessageChannel with progress, cancels, and fits a model the page attaches', async () => {
    const ch = new MessageChannel();
    ports.push(ch.port1, ch.port2);
    (globalThis as { self?: unknown }).self = ch.port1;
    await import('../../src/worker/fidelity.worker');
    const client = connect<FidelityApi>(ch.port2 as unknown as Endpoint, 'Fidelity worker');
    const req = { catalog: world.catalog, users: world.users, seed: 3, seeds: 1, bootstrap: 20 };
    const stages: string[] = [];
    const rep = await client.call('run', req, { onProgress: (p) => stages.push(p.stage) });
    expect(rep.test.byRatio['1'].baselines.popularity).toBeDefined();
    expect(stages[0]).toMatch(/fitting/);
    expect(stages[stages.length - 1]).toBe('MovieLens sessions');
    expect(Object.keys(rep.sessions?.stats ?? {})).toEqual(['popular', 'random', 'mf-bpr', 'content']);
    const ac = new AbortController();
    const p = client.call('run', req, { signal: ac.signal, onProgress: (x) => x.done >= 1 && ac.abort() });
    await expect(p).rejects.toThrow(/cancel/i);

    // The response model fitted in the worker, cloned across the channel, attached on the page:
    // rule-based sessions over the catalog then predict ratings (the Live view's path).
    const catalog = { ...world.catalog };
    const model = await fitAndAttach(catalog, world.users, (r) => client.call('fit', r));
    expect(responseModelFor(catalog)).toBe(model);
    const user = world.users[0];
    const session = createRuleBasedSimulator().startSession({ user, context: defaultContext(user), memory: emptyMemory(user.id), catalog, rng: createRng(1), instructionsEnabled: true });
    const d = session.decide(catalog.items[0], 0, 0);
    expect(d.rating).toBeGreaterThan(0);
    expect(typeof d.likes).toBe('boolean');
    const same = await fitAndAttach({ ...world.catalog }, world.users, (r) => Promise.resolve(fitModelParts(r)));
    expect(same.user(user.id)!.predict(catalog.items[0].id).rating).toBeCloseTo(model.user(user.id)!.predict(catalog.items[0].id).rating, 12);
  }, 60_000);
});
