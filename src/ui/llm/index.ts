/**
 * The LLM UI, for the settings panel. Load it lazily:
 *   const { LlmPanel } = await import('../llm');            // or import('../llm/LlmPanel.svelte')
 * Mount `<LlmPanel onsimulator={(sim) => ...} />`; it hands over a ready 'llm' simulator
 * (or null while none is ready).
 */
export { default as LlmPanel } from './LlmPanel.svelte';
export { LlmState, llmState, type StatusMessage } from './llm-state.svelte';
export { createLlmSimulatorFromSettings, createEngineFromSettings } from './create-simulator';
export { DEFAULT_LLM_SETTINGS, loadLlmSettings, saveLlmSettings, type LlmSettings } from './settings-store';
