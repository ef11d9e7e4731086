/**
 * Leaving the creator lab while replicates run stops them. The run used to go on in its
 * workers after the view was gone (a 20,000-user, 1,000-replicate run kept a core busy), the
 * lab came back idle with Run enabled, and a second run stacked another pool on the first.
 */
import 'fake-indexeddb/auto';
import { cleanup, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CreatorView from '../../src/ui/creator/CreatorView.svelte';
import { CreatorState, type PoolFactory } from '../../src/ui/creator/creator-state.svelte';
import { runReplicatesRequest } from '../../src/worker/creator-run';

afterEach(() => cleanup());

describe('creator lab: leaving the view', () => {
  it('cancels the run in progress', { timeout: 60_000 }, async () => {
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
    const { unmount } = render(CreatorView, { props: { data: { catalog: null, use: async () => undefined } as never, c } });
    const done = c.run();
    await waitFor(() => expect(c.progress?.done ?? 0).toBeGreaterThan(0), { timeout: 30_000 });
    unmount();
    await done;
    expect(c.running).toBe(false);
    expect(c.error).toBe('Cancelled.');
    expect(c.progress!.done).toBeLessThan(c.progress!.total);
    expect((seenAbort as AbortSignal | null)?.aborted).toBe(true);
  });
});
