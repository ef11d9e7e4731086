/**
 * Bidirectional controls in the other views' untrusted text (imported titles and vector
 * files, recommender names from links or modules, LLM output and server messages): a
 * U+202E there reversed the rest of its line, as it did in Live before (bidi-text.test.ts).
 * Each is now isolated with its controls shown as code points, and revealed as `[U+202E]`
 * in attributes (aria-labels, titles, option labels).
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SidInspector from '../../src/ui/items/SidInspector.svelte';
import LmTryout from '../../src/ui/items/LmTryout.svelte';
import EmbeddingsPanel from '../../src/ui/items/EmbeddingsPanel.svelte';
import { LmState } from '../../src/ui/items/lm-state.svelte';
import { ItemsState } from '../../src/ui/items/items-state.svelte';
import type { SemanticIds } from '../../src/core/embed/semantic-ids';
import ResultsTable from '../../src/ui/batch/ResultsTable.svelte';
import EndReasonChart from '../../src/ui/batch/EndReasonChart.svelte';
import LeaderboardTable from '../../src/ui/leaderboard/LeaderboardTable.svelte';
import NdcgRetentionChart from '../../src/ui/leaderboard/NdcgRetentionChart.svelte';
import SeedsTable from '../../src/ui/compare/SeedsTable.svelte';
import { labelOf } from '../../src/ui/train/my-recommenders.svelte';
import { fixtureResult } from '../core/eval/leaderboard-fixture';
import type { BatchSummaryRow } from '../../src/worker/protocol';
import StatusMessages from '../../src/ui/llm/StatusMessages.svelte';
import DownloadProgress from '../../src/ui/llm/DownloadProgress.svelte';
import PostForm from '../../src/ui/creator/PostForm.svelte';
import { CreatorState } from '../../src/ui/creator/creator-state.svelte';
import FidelityView from '../../src/ui/fidelity/FidelityView.svelte';
import PolicyList from '../../src/ui/train/PolicyList.svelte';
import { pretrainedPolicy } from '../../src/core/rl/rl-recommender';
import { waitFor } from '@testing-library/svelte';
import App from '../../src/ui/App.svelte';
import InterestBars from '../../src/ui/charts/InterestBars.svelte';
import { item } from './fixtures';

afterEach(() => cleanup());

const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
const marks = (el: Element) => [...el.querySelectorAll('[data-testid="bidi-mark"]')].map((m) => m.textContent);

describe('the Items view', () => {
  it('the semantic-ID inspector isolates titles and labels, and reveals the label in the cell\'s name', async () => {
    const sid: SemanticIds = {
      catalogId: 't', model: 'offline', levels: 1, k: 2, ids: ['a', 'b'], codes: Int32Array.from([0, 1]), suffix: Int32Array.from([-1, -1]),
      codebooks: [], dim: 2, stats: [{ level: 1, used: 2, k: 2, entropyBits: 1, reconstructionMse: 0.1 }], collisionRate: 0, distinctCodes: 2,
      labels: new Map([['0', ['fish\u202Egnih']]]),
    };
    const catalog = { id: 't', name: 'T', items: [item('a', { title: 'Lobster\u202E gnihsif' }), item('b')], topics: [], creators: [], now: 0 } as never;
    render(SidInspector, { sid, catalog });
    const cell = screen.getAllByTestId('sid-cell').find((c) => c.dataset.key === '0')!;
    expect(cell.getAttribute('aria-label')).toBe('Code 0: 1 item, fish[U+202E]gnih');
    expect(cell.querySelector('title')?.textContent).toBe('0: 1 item. fish[U+202E]gnih');
    await fireEvent.click(cell);
    const sel = screen.getByTestId('sid-selection');
    expect(CONTROLS.test(sel.textContent ?? '')).toBe(false);
    expect(marks(sel)).toEqual(['U+202E', 'U+202E']);
    expect(screen.getByTestId('sid-items').querySelector('bdi[dir="auto"]')?.textContent).toBe('LobsterU+202E gnihsif');
  });

  it('the language model\'s generated text and its error are shown, not obeyed', () => {
    const lm = new LmState();
    lm.loaded = 'tiny on wasm (fp32), loaded in 0.0 s';
    lm.output = 'sure\u202E ,olleh';
    lm.error = 'server said \u2067nope';
    render(LmTryout, { lm });
    const out = screen.getByTestId('lm-output');
    expect(out.textContent).toBe('sureU+202E ,olleh');
    expect(out.querySelector('bdi[dir="auto"]')).not.toBeNull();
    expect(screen.getByTestId('lm-error').textContent).toBe('server said U+2067nope');
  });

  it('an imported vector file\'s error (quoting its ids) and model names are shown, not obeyed', () => {
    const st = new ItemsState();
    st.error = 'v.csv: line 3: unknown item id "a\u202Eb"';
    st.cached = [{ model: 'import:x\u202Ecsv.exe', items: 2, dim: 4 }] as never;
    render(EmbeddingsPanel, { st, catalog: { id: 't', name: 'T', items: [], topics: [], creators: [], now: 0 } as never });
    expect(screen.getByTestId('emb-error').textContent).toBe('v.csv: line 3: unknown item id "aU+202Eb"');
    const cached = screen.getByTestId('emb-cached');
    expect(CONTROLS.test(cached.textContent ?? '')).toBe(false);
    expect(screen.getByRole('button', { name: 'Delete cached vectors of import:x[U+202E]csv.exe', hidden: true })).toBeTruthy();
  });
});

/** A module's declared name (or a link's URL) holding a right-to-left override. */
const REC = 'module:my\u202Ecer';

describe('recommender names in Batch, Leaderboard and Compare', () => {
  it('the Batch table and chart isolate a recommender\'s name, the chart\'s name reveals it', () => {
    const m = { mean: 1, lo: 0.5, hi: 1.5, n: 3 };
    const summary: BatchSummaryRow[] = [{ recommender: REC, sessions: 3, watchSec: m, turns: m, itemsViewed: m, returnProbability: m, endReasons: { time_up: 3 } as never, errors: 0 }];
    render(ResultsTable, { summary });
    const row = screen.getByTestId('batch-result-row');
    expect(CONTROLS.test(row.textContent ?? '')).toBe(false);
    expect(row.querySelector('th bdi[dir="auto"]')?.textContent).toBe('module:myU+202Ecer');
    cleanup();
    render(EndReasonChart, { summary });
    const chart = screen.getByTestId('batch-chart-ends');
    expect(marks(chart)).toEqual(['U+202E']);
    expect(chart.querySelector('svg')?.getAttribute('aria-label')).toMatch(/^How sessions ended for module:my\[U\+202E\]cer: /);
  });

  it('the leaderboard\'s table and chart show the name\'s control, not obey it', () => {
    const rows = fixtureResult.rows.map((r, i) => (i === 0 ? { ...r, recommender: REC } : r));
    render(LeaderboardTable, { rows });
    const first = screen.getAllByTestId('leaderboard-row')[0];
    expect(first.querySelector('th bdi[dir="auto"]')?.textContent).toBe('module:myU+202Ecer');
    expect(CONTROLS.test(screen.getByTestId('leaderboard-table').textContent ?? '')).toBe(false);
    cleanup();
    render(NdcgRetentionChart, { result: { ...fixtureResult, rows } });
    const point = screen.getAllByTestId('ndcg-retention-point')[0];
    expect(CONTROLS.test(point.textContent ?? '')).toBe(false);
    expect(point.querySelector('text')?.textContent).toBe('module:my[U+202E]cer');
  });

  it('Compare\'s many-seeds headers isolate the names; a menu label (an <option>) reveals the control', () => {
    render(SeedsTable, { rows: [], seeds: [1, 2], nameA: REC, nameB: 'popular' });
    expect(screen.getByRole('columnheader', { name: 'A · module:myU+202Ecer' }).querySelector('bdi[dir="auto"]')).not.toBeNull();
    expect(labelOf(REC)).toBe('yours: my[U+202E]cer (module)');
    expect(labelOf('http://127.0.0.1:8001/\u2067r')).toBe('yours: 127.0.0.1:8001/[U+2067]r');
  });
});

describe('LLM panels, the Creator lab and Fidelity', () => {
  it('an LLM status line quoting the server, and the load progress detail, show the control', () => {
    render(StatusMessages, { messages: [{ level: 'error', code: 'http', text: 'HTTP 400: model \u202Ellun said no' }] });
    const li = screen.getByTestId('llm-message');
    expect(li.textContent).toBe('HTTP 400: model [U+202E]llun said no');
    expect(li.getAttribute('dir')).toBe('auto');
    cleanup();
    render(DownloadProgress, { progress: { phase: 'download', fraction: 0.5, mbDone: 1, mbTotal: 2, mbPerSec: null, elapsedSec: 1, text: 'Fetching \u202Enib.sthgiew' } as never });
    const detail = screen.getByTestId('llm-progress').querySelector('.detail')!;
    expect(detail.textContent).toBe('Fetching U+202Enib.sthgiew');
    expect(detail.getAttribute('title')).toBe('Fetching [U+202E]nib.sthgiew');
  });

  it('the Creator lab\'s menus reveal a control in a shared link\'s topic and in an item\'s title', async () => {
    const c = new CreatorState();
    c.topic = 'fish\u202Eing';
    const catalog = { id: 't', name: 'T', items: [item('p1', { title: 'Lobster\u202E rolls', publishedAt: 1 })], topics: [{ id: 'fishing', label: 'Fishing' }], creators: [], now: 2 } as never;
    render(PostForm, { c, catalog });
    const topic = screen.getByTestId('creator-topic') as HTMLSelectElement;
    expect(topic.selectedOptions[0]?.textContent).toBe('fish[U+202E]ing (not in this catalog)');
    await fireEvent.click(screen.getByTestId('creator-source-item'));
    const items = Array.from((screen.getByTestId('creator-item') as HTMLSelectElement).options).map((o) => o.textContent);
    expect(items).toContain('p1: Lobster[U+202E] rolls');
  });

  it('a Fidelity error shows the control of the dataset\'s name it quotes', async () => {
    const catalog = { id: 'x', name: 'ml\u202Etsal', items: [], topics: [], creators: [], now: 0 };
    const runner = () => Promise.reject(new Error('dataset ml\u202Etsal: no users qualify'));
    render(FidelityView, { data: { imported: { x: { catalog, users: [{ id: 'u' }] } } } as never, runner: runner as never });
    const opt = screen.getAllByRole('option').find((o) => (o.textContent ?? '').startsWith('ml'));
    expect(opt?.textContent).toBe('ml[U+202E]tsal (1 users)');
    await fireEvent.click(screen.getByTestId('fidelity-run'));
    const err = await screen.findByTestId('fidelity-error');
    expect(CONTROLS.test(err.textContent ?? '')).toBe(false);
    expect(marks(err)).toEqual(['U+202E']);
  });
});

describe('the Train view', () => {
  it('a saved policy\'s name is isolated with its control shown, and revealed in its Delete button\'s name', async () => {
    render(PolicyList, { current: () => pretrainedPolicy(), onload: () => {} });
    await fireEvent.input(screen.getByTestId('policy-name'), { target: { value: 'mine\u202Etxt.exe' } });
    await fireEvent.click(screen.getByTestId('policy-save'));
    const list = await screen.findByTestId('policy-list');
    await waitFor(() => expect(list.querySelector('bdi[dir="auto"]')?.textContent).toBe('mineU+202Etxt.exe'));
    expect(screen.getByRole('status').textContent).toBe('Saved "mineU+202Etxt.exe".');
    expect(CONTROLS.test(document.body.textContent ?? '')).toBe(false);
    expect(screen.getByRole('button', { name: 'Delete mine[U+202E]txt.exe' })).toBeTruthy();
  });
});

describe('the shell', () => {
  it('an imported topic in the interest bars is isolated, its name in the tooltip revealed', () => {
    render(InterestBars, { interests: { 'sea\u202Eside': 0.8 }, initial: {} });
    const t = screen.getByTestId('chart-interests').querySelector('.t')!;
    expect(t.textContent).toBe('seaU+202Eside');
    expect(t.getAttribute('title')).toBe('sea[U+202E]side');
  });

  it('a link\'s unknown first= id is quoted in the banner with its control shown, not obeyed', async () => {
    history.replaceState(null, '', '/?first=sv-0096,gone%E2%80%AEtxt.exe');
    try {
      render(App);
      const banner = await screen.findByTestId('link-first-ignored', {}, { timeout: 10_000 });
      expect(CONTROLS.test(banner.textContent ?? '')).toBe(false);
      expect(banner.textContent).toContain(': goneU+202Etxt.exe.');
      expect(marks(banner)).toEqual(['U+202E']);
    } finally {
      history.replaceState(null, '', '/');
    }
  });
});

describe('errors quoting a server or a file', () => {
  it('the check panel\'s error (it quotes the server\'s words) shows the control, not obeys it', async () => {
    const { CheckState } = await import('../../src/ui/train/check-state.svelte');
    const CheckRecommender = (await import('../../src/ui/train/CheckRecommender.svelte')).default;
    const st = new CheckState();
    st.error = 'the server said: stop\u202E gnihsif';
    render(CheckRecommender, { st });
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('dir')).toBe('auto');
    expect(alert.textContent).toBe('the server said: stop[U+202E] gnihsif');
  });
});
