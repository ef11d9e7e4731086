/**
 * Replay of a session whose items are not stored with it (a JSONL import carries none):
 * the built-in catalog fills them in when it holds them; otherwise the replay says so
 * (the cards showed bare ids and 0:00 lengths without a word).
 */
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import Replay from '../../src/ui/history/Replay.svelte';
import { openDb } from '../../src/storage/open';
import { loadSession, type LoadedSession } from '../../src/storage/queries';
import { createRecorder } from '../../src/storage/recorder';
import { dbName, item, sampleSession } from '../storage/fixtures';

afterEach(() => cleanup());

async function stored(): Promise<LoadedSession> {
  const db = await openDb(dbName());
  const { meta, events } = sampleSession('s0');
  const r = createRecorder(db, meta, { itemLookup: (x) => item(x) });
  for (const e of events) r.onEvent(e);
  await r.flush();
  const loaded = (await loadSession(db, (await db.sessions.toArray())[0].id))!;
  db.close();
  return loaded;
}

describe('replay without stored items', () => {
  it('says the items of a catalog that is not built in show by id', async () => {
    const loaded = await stored();
    render(Replay, { loaded: { ...loaded, items: new Map(), session: { ...loaded.session, catalogId: 'ml-latest' } } });
    const note = await screen.findByTestId('replay-missing-items');
    expect(note.textContent).toMatch(/not stored with this session/);
    expect(note.textContent).toContain('ml-latest');
  });

  it('says so too when the built-in catalog lacks them', async () => {
    const loaded = await stored();
    render(Replay, { loaded: { ...loaded, items: new Map(), session: { ...loaded.session, catalogId: 'shortvideo' } } });
    const note = await screen.findByTestId('replay-missing-items', {}, { timeout: 10_000 });
    expect(note.textContent).toMatch(/not stored with this session/);
  });

  it('says nothing when every item is stored', async () => {
    const loaded = await stored();
    render(Replay, { loaded });
    await screen.findAllByTestId('item-card');
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByTestId('replay-missing-items')).toBeNull();
  });
});
