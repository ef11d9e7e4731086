/**
 * Persistence of the LLM settings. Everything except the API key goes to localStorage;
 * the API key is kept in memory, or in sessionStorage (this tab only) when the person asks,
 * and never in URLs, exports or IndexedDB.
 */
import { DEFAULT_TEMPLATES, type PromptTemplates } from '../../core/simulator/llm/templates';
import { hasCredentials, redactUrl } from '../../llm/redact';
import type { RepresentationMode } from '../../core/simulator/llm/representation';

/** The LLM settings as plain data (what `createLlmSimulatorFromSettings` takes). */
export interface LlmSettings {
  engine: 'webllm' | 'openai' | 'transformers';
  webllm: { modelId: string; selfHostedBase: string };
  /** Transformers.js (ONNX in a worker, WebGPU or WASM): hub model id and an optional self-hosted base URL. */
  transformers: { model: string; modelBase: string };
  openai: { baseUrl: string; model: string; apiKey: string; timeoutSec: number; useJsonSchema: boolean };
  templates: PromptTemplates;
  temperature: number;
  maxRetries: number;
  /** How items are written in the prompt: text, or semantic-ID codes (see representation.ts). */
  representation: RepresentationMode;
}

export const DEFAULT_LLM_SETTINGS: LlmSettings = {
  engine: 'webllm',
  webllm: { modelId: 'Qwen2.5-0.5B-Instruct-q4f32_1-MLC', selfHostedBase: '' },
  transformers: { model: 'HuggingFaceTB/SmolLM2-360M-Instruct', modelBase: '' },
  openai: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2', apiKey: '', timeoutSec: 60, useJsonSchema: true },
  templates: { ...DEFAULT_TEMPLATES },
  temperature: 0.7,
  maxRetries: 2,
  representation: 'text',
};

/** Whether a typed endpoint timeout is usable: a whole number of seconds, 1 to 600 (an emptied field binds null). */
export function validTimeoutSec(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 600;
}

const KEY = 'recoworld.llm.settings';
const API_KEY = 'recoworld.llm.apiKey';

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return typeof globalThis[kind] === 'undefined' ? null : globalThis[kind];
  } catch {
    return null;
  }
}

/** Load the saved settings (defaults where absent or unreadable). */
export function loadLlmSettings(): LlmSettings {
  const s: LlmSettings = structuredClone(DEFAULT_LLM_SETTINGS);
  try {
    const raw = storage('localStorage')?.getItem(KEY);
    if (raw) {
      const saved = JSON.parse(raw) as Partial<LlmSettings>;
      if (saved.engine === 'webllm' || saved.engine === 'openai' || saved.engine === 'transformers') s.engine = saved.engine;
      Object.assign(s.webllm, saved.webllm ?? {});
      Object.assign(s.transformers, saved.transformers ?? {});
      Object.assign(s.openai, saved.openai ?? {}, { apiKey: '' });
      // A field emptied before the last save is stored as null: reload the default, not a 0 s deadline.
      if (!validTimeoutSec(s.openai.timeoutSec)) s.openai.timeoutSec = DEFAULT_LLM_SETTINGS.openai.timeoutSec;
      if (saved.templates?.system && saved.templates.item) s.templates = { system: saved.templates.system, item: saved.templates.item };
      if (typeof saved.temperature === 'number') s.temperature = saved.temperature;
      if (typeof saved.maxRetries === 'number') s.maxRetries = saved.maxRetries;
      if (saved.representation === 'text' || saved.representation === 'sid' || saved.representation === 'sid-counts') s.representation = saved.representation;
    }
  } catch {
    // unreadable settings: defaults
  }
  s.openai.apiKey = storage('sessionStorage')?.getItem(API_KEY) ?? '';
  return s;
}

/** Save the settings; the API key goes to sessionStorage only when `rememberKey`, otherwise it is removed from there. */
export function saveLlmSettings(s: LlmSettings, rememberKey: boolean): void {
  const copy = structuredClone(s);
  copy.openai.apiKey = '';
  // A URL with a user name or password is refused by the engine; never persist the secret either.
  if (hasCredentials(copy.openai.baseUrl)) copy.openai.baseUrl = redactUrl(copy.openai.baseUrl);
  // The self-hosted model folders too (they were stored as typed).
  if (hasCredentials(copy.webllm.selfHostedBase)) copy.webllm.selfHostedBase = redactUrl(copy.webllm.selfHostedBase);
  if (hasCredentials(copy.transformers.modelBase)) copy.transformers.modelBase = redactUrl(copy.transformers.modelBase);
  try {
    storage('localStorage')?.setItem(KEY, JSON.stringify(copy));
    const ss = storage('sessionStorage');
    if (rememberKey && s.openai.apiKey) ss?.setItem(API_KEY, s.openai.apiKey);
    else ss?.removeItem(API_KEY);
  } catch {
    // storage full or blocked: settings live for this page only
  }
}
