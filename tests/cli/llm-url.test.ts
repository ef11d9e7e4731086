/**
 * --llm-url that is not an http(s) URL (`notaurl`, `ftp://host/v1`, `localhost:11434/v1`
 * without the scheme) started the run: three retries with backoff saying "Is the server
 * running?", then a failed session, exit 1. An empty --llm-key-env (`--llm-key-env=`)
 * sent no key, unsaid. Both are bad options now (exit 2, before any work).
 */
import { describe, expect, it } from 'vitest';
import { parseSimulateArgs, UsageError } from '../../src/cli/simulate-args';
import { createCliLlmSimulator } from '../../src/cli/llm-simulator';
import { main as simulate } from '../../src/cli/simulate';
import { captureStdio } from '../helpers/capture-stdio';

const opts = (extra: string[]) => parseSimulateArgs(['--simulator', 'llm', '--llm-model', 'm', ...extra]);

describe('--llm-url and --llm-key-env', () => {
  it('a URL that is not http(s) is refused', () => {
    for (const url of ['notaurl', 'ftp://x/v1', 'localhost:11434/v1', 'http://']) {
      expect(() => createCliLlmSimulator(opts(['--llm-url', url]), {})).toThrow(UsageError);
    }
    expect(() => createCliLlmSimulator(opts(['--llm-url', 'localhost:11434/v1']), {})).toThrow('--llm-url "localhost:11434/v1" is not an http:// or https:// URL (e.g. http://127.0.0.1:11434/v1)');
    expect(() => createCliLlmSimulator(opts(['--llm-url', 'http://127.0.0.1:11434/v1']), {})).not.toThrow();
  });

  it('an empty --llm-key-env is refused (no key was sent, unsaid)', () => {
    expect(() => createCliLlmSimulator(opts(['--llm-url', 'http://127.0.0.1:9/v1', '--llm-key-env=']), {})).toThrow('--llm-key-env needs the name of an environment variable');
  });

  it('simulate: exit 2 at once, no retries', async () => {
    const r = await captureStdio(() => simulate(['--simulator', 'llm', '--llm-model', 'm', '--llm-url', 'notaurl', '--quiet']));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^simulate: --llm-url "notaurl" is not an http:\/\/ or https:\/\/ URL/);
    expect(r.err).not.toMatch(/retry/);
  });
});
