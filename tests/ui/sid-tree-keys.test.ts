/**
 * The semantic-ID icicle from the keyboard: every cell was a Tab stop (122 on the built-in
 * feed). Now the tree is one Tab stop, a WAI-ARIA grid with a row per level: arrows move a
 * roving tabindex (Left/Right in the level, Up to the parent, Down to the first child),
 * Home/End (Ctrl: the whole tree), Enter/Space select as a click does.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import SidInspector from '../../src/ui/items/SidInspector.svelte';
import { icicleMove, icicleRows } from '../../src/ui/items/icicle-keys';
import { icicleCells } from '../../src/ui/items/sid-tree';
import type { SemanticIds } from '../../src/core/embed/semantic-ids';
import { item } from './fixtures';

afterEach(() => cleanup());

/** 2 levels x 3 codes over 6 items: codes 0-0, 0-1, 1-0, 1-0 (twice), 2-2. */
function sid(): SemanticIds {
  const codes = [0, 0, 0, 1, 1, 0, 1, 0, 2, 2, 2, 2];
  return {
    catalogId: 't', model: 'offline', levels: 2, k: 3, ids: ['a', 'b', 'c', 'd', 'e', 'f'],
    codes: Int32Array.from(codes), suffix: Int32Array.from([-1, -1, 1, 0, -1, -1]), codebooks: [], dim: 2,
    stats: [1, 2].map((level) => ({ level, used: 3, k: 3, entropyBits: 1.5, reconstructionMse: 0.1 })),
    collisionRate: 1 / 3, distinctCodes: 5, labels: new Map([['1', ['fishing']]]),
  };
}

const catalog = { id: 't', name: 'T', items: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => item(id)), topics: [], creators: [], now: 0 } as never;

describe('semantic-ID tree keyboard', () => {
  it('moves as the grid pattern says, staying put at the edges', () => {
    const rows = icicleRows(icicleCells(sid(), 720, 180));
    expect(rows.map((r) => r.map((c) => c.key))).toEqual([['0', '1', '2'], ['0-0', '0-1', '1-0', '2-2']]);
    const mv = (from: string, key: string, ctrl = false) => icicleMove(rows, from, key, ctrl);
    expect([mv('0', 'ArrowRight'), mv('2', 'ArrowRight'), mv('0', 'ArrowLeft')]).toEqual(['1', '2', '0']);
    expect([mv('1', 'ArrowDown'), mv('1-0', 'ArrowUp'), mv('0', 'ArrowUp'), mv('0-1', 'ArrowDown')]).toEqual(['1-0', '1', '0', '0-1']);
    expect([mv('0-1', 'ArrowRight'), mv('1-0', 'Home'), mv('1-0', 'End'), mv('0', 'End', true), mv('2-2', 'Home', true)]).toEqual(['1-0', '0-0', '2-2', '2-2', '0']);
    expect([mv('0', 'Tab'), mv('nope', 'ArrowLeft')]).toEqual([null, null]);
  });

  it('is one Tab stop; arrows move the focus and the stop; Enter and Space select', async () => {
    render(SidInspector, { sid: sid(), catalog });
    const grid = screen.getByTestId('sid-icicle');
    expect(grid.getAttribute('role')).toBe('grid');
    expect(grid.querySelectorAll('[role="row"]')).toHaveLength(2);
    const cells = screen.getAllByTestId('sid-cell');
    const stops = () => cells.filter((c) => c.getAttribute('tabindex') === '0').map((c) => c.dataset.key);
    expect(stops()).toEqual(['0']);
    expect(cells.filter((c) => c.getAttribute('tabindex') === '-1')).toHaveLength(cells.length - 1);
    const at = (key: string) => cells.find((c) => c.dataset.key === key)!;
    at('0').focus();
    const press = async (key: string, opts: KeyboardEventInit = {}) => fireEvent.keyDown(document.activeElement!, { key, ...opts });
    await press('ArrowRight');
    await press('ArrowDown');
    expect((document.activeElement as HTMLElement).dataset.key).toBe('1-0');
    expect(stops()).toEqual(['1-0']);
    await press('Enter');
    expect(at('1-0').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('sid-selection').textContent).toMatch(/1-0: 2 items/);
    await press('End', { ctrlKey: true });
    await press(' ');
    expect((document.activeElement as HTMLElement).dataset.key).toBe('2-2');
    expect(at('2-2').getAttribute('aria-selected')).toBe('true');
    expect(at('1-0').getAttribute('aria-selected')).toBe('false');
    await press('ArrowUp');
    expect((document.activeElement as HTMLElement).dataset.key).toBe('2');
    // A click selects too, and takes the Tab stop with it.
    await fireEvent.click(at('0-1'));
    expect(stops()).toEqual(['0-1']);
    expect(screen.getByTestId('sid-selection').textContent).toMatch(/0-1: 1 item ·/);
    // A code's items are listed in code order, not catalog order.
    await fireEvent.click(at('1'));
    expect([...screen.getByTestId('sid-items').querySelectorAll('code')].map((c) => c.textContent)).toEqual(['1-0-0', '1-0-1']);
  });
});
