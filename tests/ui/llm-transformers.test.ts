/**
 * The LLM panel's Transformers.js engine in jsdom: picking it, loading a model (progress,
 * cache status, stop) and the 'llm' simulator it hands over running on that engine. The
 * only double is the worker/model boundary (`loadChat` and the backend's `generate`): the
 * panel, the actions, TransformersChatEngine, the metering and the LLM simulator are real.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import LlmPanel from '../../src/ui/llm/LlmPanel.svelte';
import { llmState } from '../../src/ui/llm/llm-state.svelte';
import { setTjsWorkerFactory, type TjsWorkerLike } from '../../src/ui/llm/llm-actions';
import { TransformersChatEngine } from '../../src/llm/transformers/chat-engine';
import type { TjsLoadOptions } from '../../src/llm/transformers/client';
import type { GenerateArgs } from '../../src/llm/transformers/runtime';
import type { UserSimulator } from '../../src/core/simulator/simulator';
import { emptyMemory } from '../../src/core/simulator/memory';
import { createRng } from '../../src/core/rng';
import { catalog, context, good, maya } from '../llm/fixtures';
import { engineOf, plannerFor } from '../../src/ui/state/make-recommender';

interface Fake extends TjsWorkerLike {
  loads: TjsLoadOptions[];
  prompts: GenerateArgs[];
  release: () => void;
  closed: number;
}

/** A worker double: reports progress, then waits for `release()` (or the abort signal). */
function fakeWorker(): Fake {
  let release: () => void = () => {};
  const f: Fake = {
    loads: [],
    prompts: [],
    closed: 0,
    release: () => release(),
    close: () => void f.closed++,
    loadChat: (o) => {
      f.loads.push(o);
      o.onProgress?.({ phase: 'fetch', fraction: 0.25, mbDone: 90, mbTotal: 360, file: 'onnx/model_q8.onnx', filesDone: 3, files: 6 });
      return new Promise((resolve, reject) => {
        o.signal?.addEventListener('abort', () => reject(Object.assign(new Error('stopped'), { name: 'AbortError' })));
        release = () => {
          const backend = {
            model: o.model,
            generate: async (g: GenerateArgs) => {
              f.prompts.push(g);
              return { text: good(), promptTokens: 50, completionTokens: 20, finishReason: 'stop' as const };
            },
          };
          resolve({ engine: new TransformersChatEngine(backend), info: { model: o.model, device: 'wasm', dtype: 'q8', ms: 1200 } });
        };
      });
    },
  };
  return f;
}

describe('LLM panel: Transformers.js engine', () => {
  let fake: Fake;
  beforeEach(() => {
    localStorage.clear();
    fake = fakeWorker();
    setTjsWorkerFactory(async () => fake);
    llmState.engine = null;
    llmState.engineKey = '';
    llmState.phase = 'idle';
    llmState.messages = [];
    llmState.settings.representation = 'text';
  });
  afterEach(() => cleanup());

  it('loads the picked model with progress and hands over an llm simulator that runs on it', async () => {
    const sims: (UserSimulator | null)[] = [];
    render(LlmPanel, { onsimulator: (s: UserSimulator | null) => sims.push(s) });
    await fireEvent.click(screen.getByTestId('llm-engine-transformers'));
    expect(screen.getByTestId('tjs-cache-status').textContent).toContain('Not cached yet');
    const select = screen.getByTestId('tjs-model-select') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'HuggingFaceTB/SmolLM2-135M-Instruct' } });
    await fireEvent.input(screen.getByTestId('tjs-selfhosted'), { target: { value: 'http://127.0.0.1:9/models' } });
    await fireEvent.click(screen.getByTestId('tjs-load'));
    const bar = await screen.findByTestId('tjs-progress');
    expect(bar.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.textContent).toContain('90 / 360 MB');
    expect(screen.getByTestId('tjs-cancel')).toBeTruthy();
    expect(fake.loads[0]).toMatchObject({ model: 'HuggingFaceTB/SmolLM2-135M-Instruct', modelBase: 'http://127.0.0.1:9/models' });
    fake.release();
    await waitFor(() => expect(sims.at(-1)?.name).toBe('llm'), { timeout: 10_000 });
    expect(await screen.findByText(/SmolLM2-135M-Instruct is loaded \(wasm, q8/)).toBeTruthy();
    expect(llmState.engineKey).toBe('transformers:HuggingFaceTB/SmolLM2-135M-Instruct');
    expect(JSON.parse(localStorage.getItem('recoworld.llm.settings') ?? '{}')).toMatchObject({ engine: 'transformers', transformers: { model: 'HuggingFaceTB/SmolLM2-135M-Instruct' } });

    // The simulator decides through the Transformers.js engine (the double's generate sees the prompt).
    const sim = sims.at(-1)!;
    const s = sim.startSession({ user: maya, context, memory: emptyMemory(maya.id), catalog, rng: createRng(1), instructionsEnabled: false });
    const d = await s.decide(catalog.items[0], 0, 0);
    expect(fake.prompts).toHaveLength(1);
    expect(fake.prompts[0].messages.some((m) => m.content.includes(catalog.items[0].title))).toBe(true);
    expect(d.fallback ?? false).toBe(false);
    expect(d.llm?.model).toContain('SmolLM2-135M-Instruct');
    // The planner's LLM option takes the engine off the panel's simulator: the Transformers.js one.
    expect(engineOf(sim)?.id).toBe('transformers:HuggingFaceTB/SmolLM2-135M-Instruct');
    const d0 = { recommender: { name: 'content', follow: true, planner: 'llm', params: {} } } as never;
    expect(plannerFor(d0, engineOf(sim))).not.toBe(plannerFor(d0, null));
  });

  it('Stop cancels a load: said in the panel, no simulator', async () => {
    const sims: (UserSimulator | null)[] = [];
    render(LlmPanel, { onsimulator: (s: UserSimulator | null) => sims.push(s) });
    await fireEvent.click(screen.getByTestId('llm-engine-transformers'));
    await fireEvent.click(screen.getByTestId('tjs-load'));
    await fireEvent.click(await screen.findByTestId('tjs-cancel'));
    expect(await screen.findByText(/Loading was stopped/)).toBeTruthy();
    expect(llmState.phase).toBe('idle');
    expect(llmState.engine).toBeNull();
    expect(sims.filter(Boolean)).toHaveLength(0);
  });

  it('the representation setting reaches the simulator: sid sends the code legend and codes, not titles', async () => {
    const sims: (UserSimulator | null)[] = [];
    render(LlmPanel, { onsimulator: (s: UserSimulator | null) => sims.push(s) });
    await fireEvent.click(screen.getByTestId('llm-engine-transformers'));
    await fireEvent.change(screen.getByTestId('llm-representation'), { target: { value: 'sid' } });
    await fireEvent.click(screen.getByTestId('tjs-load'));
    await screen.findByTestId('tjs-progress');
    fake.release();
    await waitFor(() => expect(sims.at(-1)?.name).toBe('llm'), { timeout: 10_000 });
    expect(JSON.parse(localStorage.getItem('recoworld.llm.settings') ?? '{}').representation).toBe('sid');
    const s = sims.at(-1)!.startSession({ user: maya, context, memory: emptyMemory(maya.id), catalog, rng: createRng(1), instructionsEnabled: false });
    await s.decide(catalog.items[0], 0, 0);
    const [system, user] = fake.prompts[0].messages;
    expect(system.content).toContain('# Item codes');
    expect(user.content).toMatch(/# Item 1 of list 1\n\d+(-\d+)* · /);
    expect(user.content).not.toContain(catalog.items[0].title);
    expect(engineOf(sims.at(-1))?.id).toBe('transformers:HuggingFaceTB/SmolLM2-135M-Instruct');
  });
});
