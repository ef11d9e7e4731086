/**
 * The LLM user simulator for headless runs: the project's LLM simulator talking to any
 * OpenAI-compatible endpoint (Ollama, LM Studio, llama.cpp server, vLLM, a hosted API),
 * with the rule-based simulator as the per-item fallback. The API key is read from an
 * environment variable named on the command line, never passed as an argument (command
 * lines are visible to other users of the machine), and a URL with a user name or password
 * in it is refused (it would end up in the JSON summary and in error messages).
 *
 * Refused connections, 429 and 5xx are retried with jittered backoff (the jitter drawn from
 * the run's seed) and `Retry-After`; each retry is said on stderr.
 */
import { createRng } from '../core/rng';
import { createLlmSimulator, type LlmUserSimulator } from '../core/simulator/llm';
import { simulators } from '../core/simulator/registry';
import { representationFor, representationRng } from '../core/simulator/llm/representation-for';
import type { Catalog } from '../core/types';
import { OpenAiCompatibleEngine } from '../llm/openai-engine';
import { credentialsMessage, hasCredentials, redactUrl, stripControlChars } from '../llm/redact';
import { UsageError, type SimulateOptions } from './simulate-args';

/**
 * Build the 'llm' simulator from the CLI options; a missing option or a URL with credentials
 * is a UsageError. `catalog` is needed for --llm-representation sid / sid-counts (the
 * semantic IDs are fitted on it with a fixed seed: the same codes as the playground's).
 */
export function createCliLlmSimulator(
  o: SimulateOptions,
  env: NodeJS.ProcessEnv = process.env,
  stderr: { write(s: string): unknown } = process.stderr,
  catalog?: Catalog,
  /** The command whose name starts the retry lines. */
  command = 'simulate',
): LlmUserSimulator {
  if (!o.llmUrl || !o.llmModel) {
    throw new UsageError('--simulator llm needs --llm-url (e.g. http://127.0.0.1:11434/v1) and --llm-model');
  }
  if (hasCredentials(o.llmUrl)) throw new UsageError(`--llm-url: ${credentialsMessage(o.llmUrl)}`);
  // Anything else started the run and failed after three retries ("Is the server running?"), exit 1.
  if (!isHttpUrl(o.llmUrl)) throw new UsageError(`--llm-url "${redactUrl(o.llmUrl).slice(0, 200)}" is not an http:// or https:// URL (e.g. http://127.0.0.1:11434/v1)`);
  // An emptied name sent no key, unsaid.
  if (o.llmKeyEnv !== null && !o.llmKeyEnv.trim()) throw new UsageError('--llm-key-env needs the name of an environment variable');
  let apiKey: string | undefined;
  if (o.llmKeyEnv) {
    apiKey = env[o.llmKeyEnv];
    if (!apiKey) throw new UsageError(`--llm-key-env ${o.llmKeyEnv}: that environment variable is not set`);
  }
  const jitter = createRng(o.seed).fork('llm-backoff');
  const engine = new OpenAiCompatibleEngine({
    baseUrl: o.llmUrl,
    model: o.llmModel,
    apiKey,
    timeoutMs: o.llmTimeoutSec * 1000,
    retry: { random: () => jitter.next() },
    onRetry: ({ attempt, waitMs, error }) =>
      stderr.write(`${command}: LLM call failed (${stripControlChars(error.message)}); retry ${attempt} in ${(waitMs / 1000).toFixed(1)} s\n`),
  });
  const mode = o.llmRepresentation ?? 'text';
  if (mode !== 'text' && !catalog) throw new UsageError(`--llm-representation ${mode} needs the catalog to fit semantic IDs on`);
  const representation = mode === 'text' || !catalog ? undefined : representationFor(mode, catalog, representationRng());
  return createLlmSimulator({ engine, fallback: simulators.get('rule-based').create(), model: o.llmModel, representation });
}

/** True for an absolute http: or https: URL with a host. */
function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
}

/** The URL as it may appear in output: user name, password and secret query values hidden. */
export function printableLlmUrl(url: string | null): string | null {
  return url === null ? null : redactUrl(url);
}
