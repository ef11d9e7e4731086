/**
 * The Creator lab's numbers: the seed field had no maximum (a seed past 2^32 - 1 was only
 * refused by the schema after Run), and an emptied field ran as 0 (seed 0, hour 0, no
 * followers) because bind:value holds null and Number(null) is 0. Now each field says
 * beside it what it accepts, Run is disabled, and nothing reaches the pool.
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { tick } from 'svelte';
import CreatorView from '../../src/ui/creator/CreatorView.svelte';
import { CreatorState, type PoolFactory } from '../../src/ui/creator/creator-state.svelte';

afterEach(() => cleanup());

let pools = 0;
const counting: PoolFactory = () => (pools++, { calls: [() => Promise.reject(new Error('must not run'))], close() {} });
const data = { catalog: null, use: async () => undefined } as never;

describe('Creator lab number fields', () => {
  it('bounds the seed: too large or emptied is said beside the field and Run is disabled', async () => {
    const c = new CreatorState(counting);
    render(CreatorView, { props: { data, c } });
    const seed = screen.getByTestId('creator-seed') as HTMLInputElement;
    const run = screen.getByTestId('creator-run') as HTMLButtonElement;
    expect(seed.max).toBe('4294967295');
    for (const typed of ['4294967296', '', '-1', '2.5']) {
      await fireEvent.input(seed, { target: { value: typed } });
      expect(screen.getByTestId('creator-seed-problem').textContent, typed).toBe('Seed: enter a whole number from 0 to 4294967295.');
      expect(seed.getAttribute('aria-invalid')).toBe('true');
      expect(run.disabled).toBe(true);
    }
    await fireEvent.submit(run.form!);
    expect(pools).toBe(0);
    // The share link of such a form would carry seed 0: it says why there is none.
    await fireEvent.click(screen.getByTestId('creator-share'));
    expect(screen.getByRole('status').textContent).toMatch(/^No link yet: Seed: /);
    expect(screen.getByTestId('creator-error').textContent).toMatch(/^Seed: /);
    await fireEvent.input(seed, { target: { value: '4294967295' } });
    expect(screen.queryByTestId('creator-seed-problem')).toBeNull();
    expect(run.disabled).toBe(false);
    expect((c.experiment().run as { seed: number }).seed).toBe(4294967295);
    // Fixed, the sentences about it go too (both stayed until the next Run or Copy).
    expect(screen.queryByTestId('creator-error')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('an emptied hour, followers count or length is refused (it ran as 0), naming the field', async () => {
    for (const [key, why] of [['postHour', /^Post at \(hour\): .* 0 to 23/], ['followers', /^Followers: /], ['durationSec', /^Length \(s\): /], ['replicates', /^Replicates: /]] as const) {
      const c = new CreatorState(counting);
      (c as unknown as Record<string, unknown>)[key] = null;
      await c.run();
      expect(c.error, key).toMatch(why);
      expect(c.running).toBe(false);
    }
    expect(pools).toBe(0);
  });

  it('followers and a general sample are bounded by the population (more ran on all of it, unsaid)', async () => {
    const c = new CreatorState(counting);
    render(CreatorView, { props: { data, c } });
    const users = screen.getByTestId('creator-users') as HTMLInputElement;
    const run = screen.getByTestId('creator-run') as HTMLButtonElement;
    await fireEvent.input(users, { target: { value: '100' } });
    // The default 200 followers of a 100-user population.
    expect(screen.getByTestId('creator-followers-problem').textContent).toBe("Followers: enter a whole number from 0 to 100 (the population's 100 users).");
    expect(run.disabled).toBe(true);
    await fireEvent.input(screen.getByTestId('creator-followers'), { target: { value: '100' } });
    expect(screen.queryByTestId('creator-followers-problem')).toBeNull();
    c.audience = 'general';
    c.generalSize = 101;
    await tick();
    expect(screen.getByTestId('creator-general-size-problem').textContent).toBe("Sample size: enter a whole number from 1 to 100 (the population's 100 users).");
    expect(run.disabled).toBe(true);
    await fireEvent.submit(run.form!);
    expect(pools).toBe(0);
  });
});
