/**
 * The app's Creator lab (no state passed in) keeps its form, its last result, the stored run
 * opened and a run in progress across visits, as Batch, the leaderboard and Compare keep
 * theirs: it was rebuilt empty when the user left the view and came back, and a run left
 * mid-way was cancelled. A share link still sets the form, once: coming back to the lab with
 * the link still in the address bar does not put it back over what the user typed since.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CreatorView from '../../src/ui/creator/CreatorView.svelte';
import { CreatorState } from '../../src/ui/creator/creator-state.svelte';
import { shareLink } from '../../src/ui/creator/creator-export';
import { runReplicatesRequest } from '../../src/worker/creator-run';

// The app's pool, its workers replaced by the function they serve (run in-process).
vi.mock('../../src/worker/creator-pool', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/worker/creator-pool')>()),
  workerCall: () => ({ call: runReplicatesRequest, close() {} }),
}));

const props = { data: { catalog: null, use: async () => undefined } as never };
const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const runButton = () => screen.getByTestId('creator-run') as HTMLButtonElement;

afterEach(() => {
  cleanup();
  location.hash = '';
});

async function fill(values: Record<string, string>): Promise<void> {
  for (const [id, v] of Object.entries(values)) await fireEvent.input(input(id), { target: { value: v } });
}

describe('creator lab kept across visits', () => {
  it('finds its form, its result and its stored runs on coming back', { timeout: 60_000 }, async () => {
    const first = render(CreatorView, props);
    await fill({ 'creator-title': 'Kept title', 'creator-users': '150', 'creator-followers': '30', 'creator-replicates': '2', 'creator-seed': '7' });
    await fireEvent.click(runButton());
    await waitFor(() => expect(runButton().disabled).toBe(false), { timeout: 30_000 });
    expect(screen.getByTestId('creator-done').textContent).toContain('seed 7');
    first.unmount(); // to Live and back
    render(CreatorView, props);
    expect(input('creator-title').value).toBe('Kept title');
    expect(input('creator-users').value).toBe('150');
    expect(input('creator-replicates').value).toBe('2');
    expect(screen.getByTestId('creator-done').textContent).toContain('2 replicates');
    await waitFor(() => expect(screen.getByTestId('creator-saved').textContent).toContain('Kept title'));
    // The catalog (its topics) is still loaded on each visit.
    await waitFor(() => expect((screen.getByTestId('creator-topic') as HTMLSelectElement).options.length).toBeGreaterThan(5));
  });

  it('a run left mid-way goes on, and its result is there on coming back', { timeout: 60_000 }, async () => {
    const first = render(CreatorView, props);
    await fill({ 'creator-title': 'Left mid-run', 'creator-replicates': '3', 'creator-seed': '8' });
    await fireEvent.click(runButton());
    expect(runButton().disabled).toBe(true);
    first.unmount();
    render(CreatorView, props);
    // Still running on coming back (Run held), then its result.
    expect(runButton().disabled).toBe(true);
    await waitFor(() => expect(runButton().disabled).toBe(false), { timeout: 30_000 });
    expect(screen.getByTestId('creator-done').textContent).toMatch(/^\s*3 replicates.*seed 8/);
  });

  it('a run left mid-way shows its progress on coming back, and Cancel stops it', { timeout: 60_000 }, async () => {
    const first = render(CreatorView, props);
    await fill({ 'creator-users': '300', 'creator-followers': '50', 'creator-replicates': '1000' });
    await fireEvent.click(runButton());
    await waitFor(() => expect(Number((screen.getByTestId('creator-progress') as HTMLProgressElement).value)).toBeGreaterThan(0), { timeout: 30_000 });
    first.unmount();
    render(CreatorView, props);
    expect(runButton().disabled).toBe(true);
    expect(screen.getByTestId('creator-progress')).toBeTruthy();
    const cancel = screen.getByTestId('creator-cancel') as HTMLButtonElement;
    expect(cancel.disabled).toBe(false);
    await fireEvent.click(cancel);
    await waitFor(() => expect(runButton().disabled).toBe(false), { timeout: 30_000 });
    expect(screen.getByTestId('creator-error').textContent).toBe('Cancelled.');
    // The last finished result stays (of 3 replicates, not the cancelled 1000).
    expect(screen.getByTestId('creator-done').textContent).toMatch(/^\s*3 replicates/);
  });

  it('a share link sets the kept form, once', { timeout: 60_000 }, async () => {
    const exp = new CreatorState().experiment() as { strategies: { post: Record<string, unknown> }[] };
    exp.strategies[0].post.title = 'From the link';
    location.hash = new URL(shareLink('http://127.0.0.1/', exp)).hash;
    const first = render(CreatorView, props);
    // The link wins over the kept form.
    expect(input('creator-title').value).toBe('From the link');
    await fill({ 'creator-title': 'Typed after the link' });
    first.unmount();
    // Back with the link still in the address bar: what was typed stays.
    render(CreatorView, props);
    expect(input('creator-title').value).toBe('Typed after the link');
    cleanup();
    // Another link opened later sets the form again.
    exp.strategies[0].post.title = 'Another link';
    location.hash = new URL(shareLink('http://127.0.0.1/', exp)).hash;
    render(CreatorView, props);
    expect(input('creator-title').value).toBe('Another link');
    // A link opened while a run goes on waits for its end (its result would show beside another form).
    await fill({ 'creator-replicates': '2', 'creator-seed': '9' });
    await fireEvent.click(runButton());
    cleanup();
    exp.strategies[0].post.title = 'Link during a run';
    location.hash = new URL(shareLink('http://127.0.0.1/', exp)).hash;
    render(CreatorView, props);
    expect(input('creator-title').value).toBe('Another link');
    expect(screen.getByTestId('creator-link-waits')).toBeTruthy();
    await waitFor(() => expect(input('creator-title').value).toBe('Link during a run'), { timeout: 30_000 });
    expect(runButton().disabled).toBe(false);
    expect(screen.getByTestId('creator-done').textContent).toContain('seed 9');
    expect(screen.queryByTestId('creator-link-waits')).toBeNull();
  });
});
