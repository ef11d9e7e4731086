/**
 * The Items view's self-hosted model folder (embeddings and the language-model try-out): a
 * URL with a user name or password is refused before anything is fetched, and said without
 * the password (the LLM panel's fields already were; these went to the worker as typed).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog } from '../../src/core/catalog/builtin';
import { ItemsState } from '../../src/ui/items/items-state.svelte';
import { LmState } from '../../src/ui/items/lm-state.svelte';

const BASE = 'http://me:hunter2@127.0.0.1:9/models/';

describe('model folder URLs with credentials in the Items view', () => {
  it('embeddings: refused, nothing loaded, the password not shown', async () => {
    const st = new ItemsState();
    st.source = 'transformers';
    st.modelBase = BASE;
    await st.compute(await loadBuiltinCatalog(), true);
    expect(st.error).toMatch(/The model folder URL .* carries a user name or password\. It was not used \(nothing was fetched\)/);
    expect(st.error).not.toContain('hunter2');
    expect(st.vectors).toBeNull();
  });

  it('the language-model try-out: refused, nothing loaded, the password not shown', async () => {
    const lm = new LmState();
    lm.modelBase = BASE;
    await lm.load();
    expect(lm.error).toMatch(/carries a user name or password/);
    expect(lm.error).not.toContain('hunter2');
    expect(lm.loading).toBe(false);
    expect(lm.loaded).toBeNull();
  });
});
