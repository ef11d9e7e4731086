/**
 * The language-model try-out's fields. "Max new tokens" left empty, 0, negative, 2.5 or
 * 99999 was silently run as 1, 1, 1, 2 or 512 while the field kept showing what was typed;
 * now the field shows the number used (empty: the default 48). The loaded line kept no
 * space before "·" ("loaded in 0.0 s· 5 files"). The engine is a stand-in at the model
 * boundary (no weights are loaded here; tests/e2e/items.test.ts runs a real tiny model).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatEngine } from '../../src/core/llm/chat-engine';
import LmTryout from '../../src/ui/items/LmTryout.svelte';
import { LmState } from '../../src/ui/items/lm-state.svelte';

afterEach(() => cleanup());

function withEngine(lm: LmState, asked: number[]): void {
  const engine = {
    async chat(req: { maxTokens?: number }) {
      asked.push(req.maxTokens ?? -1);
      return { text: 'ok', usage: { promptTokens: 3, completionTokens: 1 }, latencyMs: 1, finishReason: 'stop' };
    },
  } as unknown as ChatEngine;
  (lm as unknown as { engine: ChatEngine }).engine = engine;
}

describe('LM try-out fields', () => {
  it('max new tokens: the number used is the number shown', async () => {
    const lm = new LmState();
    const asked: number[] = [];
    withEngine(lm, asked);
    for (const [typed, used] of [[null, 48], [0, 1], [-3, 1], [2.5, 2], [99999, 512], [64, 64]] as const) {
      lm.maxTokens = typed as number;
      await lm.generate();
      expect(asked.at(-1), String(typed)).toBe(used);
      expect(lm.maxTokens, String(typed)).toBe(used);
    }
  });

  it('an emptied model id is refused before anything is fetched', async () => {
    const lm = new LmState();
    render(LmTryout, { lm });
    lm.model = '   ';
    let fetched = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (...a: Parameters<typeof fetch>) => (fetched++, realFetch(...a))) as typeof fetch;
    try {
      await lm.load();
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(lm.loading).toBe(false);
    expect(fetched).toBe(0);
    expect((await screen.findByTestId('lm-error')).textContent).toMatch(/Enter a model id .*nothing was fetched/);
  });

  it('the loaded line separates the model from the cache status', () => {
    const lm = new LmState();
    lm.loaded = 'tiny on wasm (fp32), loaded in 0.0 s';
    lm.cacheText = '5 files in the browser cache (14.8 MB)';
    render(LmTryout, { lm });
    expect(screen.getByTestId('lm-loaded').textContent).toBe('tiny on wasm (fp32), loaded in 0.0 s · 5 files in the browser cache (14.8 MB)');
  });

  it('Generate hands keyboard focus to Stop while the reply streams and takes it back (the disabled Generate dropped it to the page)', async () => {
    const lm = new LmState();
    let finish!: () => void;
    const held = new Promise<void>((r) => (finish = r));
    (lm as unknown as { engine: ChatEngine }).engine = {
      async chat() {
        await held;
        return { text: 'ok', usage: { promptTokens: 3, completionTokens: 1 }, latencyMs: 1, finishReason: 'stop' };
      },
    } as unknown as ChatEngine;
    lm.loaded = 'tiny on wasm (fp32), loaded in 0.0 s';
    render(LmTryout, { lm });
    const generate = screen.getByTestId('lm-generate') as HTMLButtonElement;
    generate.focus();
    await fireEvent.click(generate);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('lm-stop')));
    finish();
    await screen.findByTestId('lm-usage');
    await waitFor(() => expect(document.activeElement).toBe(generate));
  });

  it('Cancel loading says the load was cancelled, not that the worker failed', async () => {
    const lm = new LmState();
    let fail!: (e: Error) => void;
    // The worker client as it behaves: closing it rejects the pending load with its reason.
    (lm as unknown as { worker: unknown }).worker = {
      loadChat: () => new Promise((_, reject) => (fail = reject)),
      close: () => fail(new Error('The Transformers.js worker was closed')),
    };
    const loading = lm.load();
    await waitFor(() => expect(fail).toBeTypeOf('function'));
    lm.cancelLoad();
    await loading;
    // It said "The Transformers.js worker was closed" in an alert, after the user's own Cancel.
    expect(lm.error).toBe('Loading cancelled.');
    expect(lm.loading).toBe(false);
  });
});

