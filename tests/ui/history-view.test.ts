import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import HistoryView from '../../src/ui/history/HistoryView.svelte';
import { openDb } from '../../src/storage/open';
import { createRecorder } from '../../src/storage/recorder';
import type { RecoDb } from '../../src/storage/db';
import { replayScript } from '../../src/ui/history/replay-model';
import { dbName, item, sampleSession } from '../storage/fixtures';

async function seeded(): Promise<RecoDb> {
  const db = await openDb(dbName());
  for (const [id, rec, name] of [['one', 'popular', 'Maya'], ['two', 'linucb', 'Ana']] as const) {
    const { meta, events } = sampleSession(id);
    const r = createRecorder(db, { ...meta, recommender: rec, userName: name, title: `${name} x ${rec}`, startedAt: meta.startedAt + (id === 'two' ? 1000 : 0) }, { itemLookup: (x) => item(x) });
    // Session "two" is cut off after its first item: rows and replay must cope.
    for (const e of id === 'two' ? events.slice(0, 4) : events) r.onEvent(e);
    await r.flush();
  }
  return db;
}

describe('replay model', () => {
  it('rebuilds the runner events of a trajectory with one timeline step per item, instruction and end', () => {
    const { trajectory } = sampleSession();
    const s = replayScript(trajectory, true);
    expect(s.steps.map((x) => x.kind)).toEqual(['list', 'item', 'leave', 'instruction', 'list', 'item', 'leave', 'end']);
    expect(s.events[s.steps[3].end - 1]).toMatchObject({ type: 'instruction', text: 'Show me something different' });
    expect(replayScript(trajectory, false).steps.at(-1)?.kind).toBe('leave');
  });
});

describe('HistoryView', () => {
  afterEach(() => cleanup());

  it('lists, searches, opens a replay with a scrubbable timeline, and deletes', async () => {
    const db = await seeded();
    render(HistoryView, { dbFactory: async () => db });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    const rows = screen.getAllByTestId('history-row');
    expect(rows[0].textContent).toContain('Ana x linucb');
    expect(rows[0].getAttribute('data-status')).toBe('running');
    expect(rows[1].getAttribute('data-status')).toBe('complete');

    await fireEvent.input(screen.getByTestId('history-search'), { target: { value: 'POPULAR' } });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(1));
    expect(screen.getByTestId('history-row').textContent).toContain('Maya x popular');

    await fireEvent.click(screen.getByTestId('history-open'));
    const timeline = (await screen.findByTestId('timeline')) as HTMLInputElement;
    expect(timeline.max).toBe('8');
    expect(screen.getAllByTestId('turn')).toHaveLength(2);
    expect(screen.getByTestId('instruction-bubble').textContent).toContain('Show me something different');
    // Drag to the first item.
    await fireEvent.input(timeline, { target: { value: '2' } });
    await waitFor(() => expect(screen.getAllByTestId('turn')).toHaveLength(1));
    expect(document.querySelectorAll('[data-testid="item-card"][data-state="done"]')).toHaveLength(1);
    expect(screen.queryByTestId('instruction-bubble')).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: /back to the history list/i }));
    await fireEvent.input(await screen.findByTestId('history-search'), { target: { value: '' } });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    await fireEvent.click(screen.getAllByTestId('history-delete')[0]);
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(1));
    expect(await db.sessions.count()).toBe(1);
    db.close();
  });

  it('replays a cut-off session up to its last completed item', async () => {
    const db = await seeded();
    render(HistoryView, { dbFactory: async () => db });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    await fireEvent.click(screen.getAllByTestId('history-open')[0]);
    const timeline = (await screen.findByTestId('timeline')) as HTMLInputElement;
    expect(timeline.max).toBe('2');
    expect(document.querySelectorAll('[data-testid="item-card"][data-state="done"]')).toHaveLength(1);
    db.close();
  });

  it('shows the error of a malformed import and keeps the list as it was', async () => {
    const db = await seeded();
    render(HistoryView, { dbFactory: async () => db });
    await waitFor(() => expect(screen.getAllByTestId('history-row')).toHaveLength(2));
    const file = new File(['{"format":"recoworld-playground","version":1,"kind":"all","sessions":[{"session":{"id":"z"},"events":[]}]}'], 'bad.json', { type: 'application/json' });
    await fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    const err = await screen.findByTestId('import-error');
    expect(err.textContent).toMatch(/bad\.json: Session record 1 \(id z\): session\.title/);
    expect(screen.getAllByTestId('history-row')).toHaveLength(2);
    db.close();
  });

  it('offers to export sessions the database refused (quota), as an importable file', async () => {
    const db = await seeded();
    const { meta, events } = sampleSession('full');
    const rec = createRecorder(db, meta);
    await rec.flush();
    (db.events as unknown as { bulkPut: unknown }).bulkPut = () => Promise.reject(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    for (const e of events.slice(0, 5)) rec.onEvent(e);
    await rec.flush();
    expect(rec.error?.kind).toBe('quota');

    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: () => {} });
    render(HistoryView, { dbFactory: async () => db });
    await fireEvent.click(await screen.findByTestId('export-unsaved'));
    expect(create).toHaveBeenCalledOnce();
    const file = JSON.parse(await blobs[0].text());
    expect(file.format).toBe('recoworld-playground');
    expect(file.sessions.map((x: { session: { id: string } }) => x.session.id)).toContain(rec.id);
    expect(file.sessions.find((x: { session: { id: string } }) => x.session.id === rec.id).events).toHaveLength(2); // list + first decision
    db.close();
  });
});
