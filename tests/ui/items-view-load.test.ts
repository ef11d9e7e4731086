/**
 * The Items view asks for the catalog when it opens with none loaded. A load that fails (said
 * by the App's banner through `data.loadError`) or that a later choice overtook must not end as
 * an unhandled rejection: Vitest fails a whole run on one, and a page logs it as an error.
 */
import 'fake-indexeddb/auto';
import { cleanup, render } from '@testing-library/svelte';
import { afterEach, expect, it } from 'vitest';
import ItemsView from '../../src/ui/items/ItemsView.svelte';
import { DataStore } from '../../src/ui/state/data.svelte';

afterEach(() => cleanup());

it('a catalog load that fails under the Items view is not an unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const data = new DataStore();
    let asked = '';
    data.use = (id: string) => {
      asked = id;
      return Promise.reject(new Error(`The catalog "${id}" was not opened: "other" was chosen while it loaded.`));
    };
    render(ItemsView, { settings: { value: { catalog: 'gone' } } as never, data });
    // Let the rejection settle and Node's unhandled-rejection check run.
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toBe('gone');
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
