/**
 * Leaving the creator lab while replicates run keeps them going (the lab's state is kept
 * across visits, creator-kept.test.ts): coming back shows the run, Run held so that no second
 * pool stacks on the first, and Cancel stops it in its workers. (The lab used to come back
 * idle with Run enabled while its run went on unseen, then was made to cancel on leaving.)
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CreatorView from '../../src/ui/creator/CreatorView.svelte';
import { CreatorState, type PoolFactory } from '../../src/ui/creator/creator-state.svelte';
import { runReplicatesRequest } from '../../src/worker/creator-run';

afterEach(() => cleanup());

describe('creator lab: leaving the view', () => {
  it('keeps the run in progress, and Cancel on coming back stops it in its workers', { timeout: 60_000 }, async () => {
    let seenAbort: AbortSignal | null = null;
    // The replicates in-process (the function the worker serves); the signal is the one the pool passes down.
    const inProcess: PoolFactory = () => ({
      calls: [(req, opts) => {
        seenAbort = opts.signal;
        return runReplicatesRequest(req, opts);
      }],
      close() {},
    });
    const c = new CreatorState(inProcess);
    c.users = 300;
    c.followers = 50;
    c.replicates = 1000;
    const props = { data: { catalog: null, use: async () => undefined } as never, c };
    const { unmount } = render(CreatorView, { props });
    const done = c.run();
    await waitFor(() => expect(c.progress?.done ?? 0).toBeGreaterThan(0), { timeout: 30_000 });
    unmount();
    const before = c.progress!.done;
    await waitFor(() => expect(c.progress!.done).toBeGreaterThan(before), { timeout: 30_000 });
    expect(c.running).toBe(true);
    expect((seenAbort as AbortSignal | null)?.aborted).toBe(false);
    render(CreatorView, { props });
    expect((screen.getByTestId('creator-run') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('creator-cancel'));
    await done;
    expect(c.running).toBe(false);
    expect(c.error).toBe('Cancelled.');
    expect(c.progress!.done).toBeLessThan(c.progress!.total);
    expect((seenAbort as AbortSignal | null)?.aborted).toBe(true);
  });
});
