/** Backoff with jitter, Retry-After parsing, URL redaction and terminal-safe text. */
import { describe, expect, it } from 'vitest';
import { backoffMs, isRetryableStatus, parseRetryAfter, seededRandom } from '../../src/llm/retry';
import { credentialsMessage, hasCredentials, redactUrl, serverSnippet, stripControlChars } from '../../src/llm/redact';
import { OpenAiCompatibleEngine } from '../../src/llm/openai-engine';
import { ChatEngineError } from '../../src/core/llm/chat-engine';
import { terminalJson, terminalText } from '../../src/cli/terminal-text';

describe('backoff', () => {
  it('doubles per retry up to the cap, with a jitter in the upper half of each step', () => {
    const p = { baseMs: 500, maxMs: 8_000 };
    expect(backoffMs(0, { ...p, random: () => 0 })).toBe(250);
    expect(backoffMs(0, { ...p, random: () => 0.999999 })).toBe(500);
    expect(backoffMs(3, { ...p, random: () => 0.5 })).toBe(3_000);
    expect(backoffMs(10, { ...p, random: () => 0.5 })).toBe(6_000);
  });

  it('jitter from a seed repeats; different seeds differ', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect([c(), c(), c()]).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('retries 408, 429 and 5xx except 501', () => {
    expect([408, 429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 413, 422, 501].some(isRetryableStatus)).toBe(false);
  });
});

describe('Retry-After', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });
  it('ignores what is not a Retry-After', () => {
    for (const v of [null, undefined, '', 'soon', '-3', '1.5', '1e3', '99999999999999999999']) expect(parseRetryAfter(v, now)).toBeNull();
  });
});

describe('URLs with credentials and terminal text', () => {
  it('redacts user, password and secret query values', () => {
    expect(redactUrl('https://alice:hunter2@api.example.com/v1?api_key=sk-1&x=2')).toBe('https://***@api.example.com/v1?api_key=***&x=2');
    expect(redactUrl('not a url //bob:pw@host/x')).toBe('not a url //***@host/x');
    expect(hasCredentials('https://alice@host/v1')).toBe(true);
    expect(hasCredentials('http://127.0.0.1:11434/v1')).toBe(false);
    expect(credentialsMessage('https://alice:hunter2@h/v1')).not.toContain('hunter2');
  });

  it('the engine refuses a URL with a password and never echoes it', () => {
    let err: unknown;
    try {
      new OpenAiCompatibleEngine({ baseUrl: 'https://alice:hunter2@api.example.com/v1', model: 'm' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChatEngineError);
    expect(err).toMatchObject({ kind: 'config' });
    expect((err as Error).message).toMatch(/carries a user name or password/);
    expect((err as Error).message).not.toContain('hunter2');
    expect(new OpenAiCompatibleEngine({ baseUrl: 'http://127.0.0.1:1/v1/', model: 'm' }).url).toBe('http://127.0.0.1:1/v1/chat/completions');
  });

  it('strips escape sequences and control characters, keeping newlines and tabs', () => {
    expect(stripControlChars('a\u001b[31mred\u001b[0m\tb\nc\u0007\u0000\u009b2Jd\u202eevil\u001b]0;title\u0007e')).toBe('ared\tb\ncdevile');
    expect(serverSnippet('x'.repeat(500), 10)).toBe('xxxxxxxxxx… (500 characters)');
    expect(terminalText('ok\u001b[2J')).toBe('ok');
    const j = terminalJson(JSON.stringify({ t: 'a\u009b31m\u202eb' }));
    expect(j).toBe('{"t":"a\\u009b31m\\u202eb"}');
    expect(JSON.parse(j).t).toBe('a\u009b31m\u202eb');
  });
});
