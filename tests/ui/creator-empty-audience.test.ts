/**
 * An empty audience ran N replicates of zeros, said only by "audience 0" under the
 * results. Known before running (a new creator with 0 followers, to its followers), the form
 * says it beside the audience and Run waits; known only once the population is built (a
 * target group that matches nobody), the results say it plainly at their top.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import CreatorView from '../../src/ui/creator/CreatorView.svelte';
import { CreatorState, type PoolFactory } from '../../src/ui/creator/creator-state.svelte';
import { runReplicatesRequest } from '../../src/worker/creator-run';

afterEach(() => cleanup());

let pools = 0;
const inProcess: PoolFactory = () => {
  pools++;
  return { calls: [(req, opts) => runReplicatesRequest(req, opts)], close() {} };
};
const data = { catalog: null, use: async () => undefined } as never;

describe('creator lab: an empty audience', () => {
  it('0 followers to the followers is said beside the audience, and Run waits', async () => {
    pools = 0;
    const c = new CreatorState(inProcess);
    c.users = 100;
    c.generalSize = 50;
    c.followers = 0;
    c.replicates = 2;
    render(CreatorView, { props: { data, c } });
    const problem = await screen.findByTestId('creator-audience-problem');
    expect(problem.textContent).toMatch(/^Audience: the new creator has 0 followers, so nobody would see the post and every figure would be 0/);
    expect(screen.getByTestId('creator-audience').getAttribute('aria-describedby')).toBe('creator-audience-problem');
    expect((screen.getByTestId('creator-run') as HTMLButtonElement).disabled).toBe(true);
    await c.run();
    expect(c.error).toMatch(/0 followers/);
    expect(c.result).toBeNull();
    expect(pools).toBe(0);
    // Another audience with 0 followers of the new creator is fine (the post goes to the sample).
    await fireEvent.change(screen.getByTestId('creator-audience'), { target: { value: 'general' } });
    await waitFor(() => expect(screen.queryByTestId('creator-audience-problem')).toBeNull());
    expect((screen.getByTestId('creator-run') as HTMLButtonElement).disabled).toBe(false);
    // A catalog item goes to its own creator's followers: the new creator's count does not matter.
    c.audience = 'followers';
    c.source = 'item';
    expect(c.problem).toBeNull();
  });

  it('a target group that matches nobody: the results say so at their top', async () => {
    const c = new CreatorState(inProcess);
    c.users = 12;
    c.followers = 0;
    c.replicates = 2;
    c.audience = 'target';
    c.ages = ['13-17'];
    c.regions = ['Mexico'];
    c.interest = 'baking';
    render(CreatorView, { props: { data, c } });
    await c.run();
    expect(c.result?.audienceSize).toBe(0);
    const said = await screen.findByTestId('creator-empty-audience');
    expect(said.getAttribute('role')).toBe('alert');
    expect(said.textContent).toMatch(/^Nobody was in the audience: every figure is 0\. No one of the 12 users matched it/);
    // At the top of the results: right under their heading, before the summary line.
    expect(said.previousElementSibling?.id).toBe('res-h');
  });

  it('an audience with people in it says nothing of the sort', async () => {
    const c = new CreatorState(inProcess);
    c.users = 60;
    c.followers = 10;
    c.replicates = 2;
    render(CreatorView, { props: { data, c } });
    await c.run();
    expect(c.result?.audienceSize).toBe(10);
    await screen.findByTestId('creator-done');
    expect(screen.queryByTestId('creator-empty-audience')).toBeNull();
  });
});
