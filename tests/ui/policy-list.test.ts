/**
 * Saved policies (Train view): a failing delete is said in words and the list stays right
 * (it was an unhandled rejection, nothing said); "Train from it" asks before it clears a
 * training's curves (it cleared them without a word).
 */
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PolicyList from '../../src/ui/train/PolicyList.svelte';
import { PolicyStore } from '../../src/ui/train/policy-store';
import { pretrainedPolicy } from '../../src/core/rl/rl-recommender';

afterEach(() => cleanup());

let n = 0;
async function storeWith(...names: string[]): Promise<PolicyStore> {
  const store = new PolicyStore(`test-policy-list-${Date.now()}-${n++}`);
  for (const [i, name] of names.entries()) await store.save(name, pretrainedPolicy(), 1000 + i);
  return store;
}
const rows = () => screen.queryAllByTestId('policy-delete').map((b) => b.getAttribute('aria-label'));

describe('PolicyList', () => {
  it('says a failed delete in words and keeps the entry listed; a delete that works removes it', async () => {
    const store = await storeWith('first', 'second');
    const remove = vi.spyOn(store, 'remove').mockRejectedValueOnce(new Error('QuotaExceededError: the disk is full'));
    render(PolicyList, { current: () => null, onload: () => {}, store });
    await waitFor(() => expect(rows()).toEqual(['Delete second', 'Delete first']));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete first' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Could not delete "first": QuotaExceededError: the disk is full/);
    expect(rows()).toEqual(['Delete second', 'Delete first']);
    expect(await store.list()).toHaveLength(2);
    await fireEvent.click(screen.getByRole('button', { name: 'Delete first' }));
    await waitFor(() => expect(rows()).toEqual(['Delete second']));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(remove).toHaveBeenCalledTimes(2);
    expect((await store.list()).map((s) => s.name)).toEqual(['second']);
    store.close();
  });

  it('"Train from it" asks before clearing a training with curves; Escape keeps it', async () => {
    const store = await storeWith('mine');
    const loads: string[] = [];
    render(PolicyList, { current: () => null, onload: (_p: unknown, name: string) => loads.push(name), store, hasCurves: true });
    const trainFrom = await screen.findByTestId('policy-train-from');
    await fireEvent.click(trainFrom);
    expect(loads).toEqual([]);
    const yes = screen.getByTestId('confirm-train-from-yes');
    expect(screen.getByTestId('confirm-train-from').textContent).toMatch(/Clear the current training and its curves.*"mine"/);
    await waitFor(() => expect(document.activeElement).toBe(yes));
    await fireEvent.keyDown(yes, { key: 'Escape' });
    expect(screen.queryByTestId('confirm-train-from')).toBeNull();
    expect(document.activeElement).toBe(trainFrom);
    expect(loads).toEqual([]);
    await fireEvent.click(trainFrom);
    await fireEvent.click(screen.getByTestId('confirm-train-from-no'));
    expect(loads).toEqual([]);
    await fireEvent.click(trainFrom);
    await fireEvent.click(screen.getByTestId('confirm-train-from-yes'));
    expect(loads).toEqual(['mine']);
    expect(screen.queryByTestId('confirm-train-from')).toBeNull();
    store.close();
  });

  it('"Train from it" loads at once when there are no curves to lose', async () => {
    const store = await storeWith('mine');
    const loads: string[] = [];
    render(PolicyList, { current: () => null, onload: (_p: unknown, name: string) => loads.push(name), store });
    await fireEvent.click(await screen.findByTestId('policy-train-from'));
    expect(loads).toEqual(['mine']);
    expect(screen.queryByTestId('confirm-train-from')).toBeNull();
    store.close();
  });

  it('an imported policy file asks before clearing a training with curves, as "Train from it" does (it cleared them unsaid)', async () => {
    const store = await storeWith();
    const loads: string[] = [];
    render(PolicyList, { current: () => null, onload: (_p: unknown, name: string) => loads.push(name), store, hasCurves: true });
    const input = screen.getByTestId('policy-import') as HTMLInputElement;
    const pick = async () => {
      const file = new File([JSON.stringify(pretrainedPolicy())], 'theirs.json', { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await fireEvent.change(input);
    };
    await pick();
    const dialog = await screen.findByTestId('confirm-train-from');
    expect(loads).toEqual([]);
    expect(dialog.textContent).toMatch(/Clear the current training and its curves.*"theirs\.json"/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('confirm-train-from-yes')));
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId('confirm-train-from')).toBeNull();
    expect(document.activeElement).toBe(input);
    expect(loads).toEqual([]);
    await pick();
    await fireEvent.click(await screen.findByTestId('confirm-train-from-yes'));
    expect(loads).toEqual(['theirs.json']);
    expect(screen.getByRole('status').textContent).toMatch(/Loaded theirs\.json: the next start trains from it/);
    store.close();
  });

  it('Delete keeps keyboard focus in the list: on the next entry, the one before when it was the last, else Save (it fell to the page)', async () => {
    const store = await storeWith('first', 'second', 'third');
    render(PolicyList, { current: () => null, onload: () => {}, store });
    await waitFor(() => expect(rows()).toEqual(['Delete third', 'Delete second', 'Delete first']));
    const press = async (name: string) => {
      const b = screen.getByRole('button', { name });
      b.focus();
      await fireEvent.click(b);
    };
    await press('Delete second');
    await waitFor(() => expect(rows()).toEqual(['Delete third', 'Delete first']));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Delete first'));
    await press('Delete first');
    await waitFor(() => expect(rows()).toEqual(['Delete third']));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Delete third'));
    await press('Delete third');
    await waitFor(() => expect(rows()).toEqual([]));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('policy-save')));
    store.close();
  });

  it('Save says the name the policy is listed under (an emptied name said Saved "" and listed "policy")', async () => {
    const store = await storeWith();
    render(PolicyList, { current: () => pretrainedPolicy(), onload: () => {}, store });
    await fireEvent.input(screen.getByTestId('policy-name'), { target: { value: '   ' } });
    await fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(rows()).toEqual(['Delete policy']));
    expect(screen.getByRole('status').textContent).toBe('Saved "policy".');
    await fireEvent.input(screen.getByTestId('policy-name'), { target: { value: '  mine  ' } });
    await fireEvent.click(screen.getByTestId('policy-save'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved "mine".'));
    store.close();
  });

  it('Export names the file after the policy in any script (a Cyrillic or Greek name downloaded as "-.json")', async () => {
    const store = await storeWith('политика 2', '!!!');
    const names: string[] = [];
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:policy'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      render(PolicyList, { current: () => null, onload: () => {}, store });
      await waitFor(() => expect(rows()).toHaveLength(2));
      for (const b of screen.getAllByRole('button', { name: 'Export' })) await fireEvent.click(b);
    } finally {
      click.mockRestore();
    }
    expect(names).toEqual(['rl-policy.json', 'политика-2.json']);
    store.close();
  });
});

