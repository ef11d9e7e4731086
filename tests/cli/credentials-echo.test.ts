/**
 * A recommender URL with user:password@ is refused everywhere, but the refusal echoed it
 * whole ('--recommender "http://user:pw@host/" is unknown'), and check-recommender looked
 * for it as a module file. Every CLI error line now hides the credentials, and an unusable
 * http(s) recommender is said as such.
 */
import { describe, expect, it, vi } from 'vitest';
import { hideCredentials, runCli } from '../../src/cli/cli-main';
import { parseCheckArgs } from '../../src/cli/check-recommender';
import { parseSimulateArgs, UsageError } from '../../src/cli/simulate-args';

const URL_WITH_PW = 'http://alice:s3cret@127.0.0.1:9/rec';

describe('credentials in CLI error lines', () => {
  it('hideCredentials replaces user:password@ of http(s) URLs, leaves other text', () => {
    expect(hideCredentials(`--x "${URL_WITH_PW}" and HTTPS://bob@h/ and a@b.c`)).toBe('--x "http://***@127.0.0.1:9/rec" and HTTPS://***@h/ and a@b.c');
  });

  it('runCli never prints them, for usage errors and failures alike', async () => {
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      await runCli({ name: 'demo', help: '', parse: () => { throw new UsageError(`--recommender "${URL_WITH_PW}" is unknown`); }, run: async () => 0 }, []);
      await runCli({ name: 'demo', help: '', parse: () => ({}), run: async () => { throw new Error(`fetch ${URL_WITH_PW} failed`); } }, []);
    } finally {
      spy.mockRestore();
    }
    expect(err).toContain('http://***@127.0.0.1:9/rec');
    expect(err).not.toMatch(/s3cret|alice/);
  });

  it('simulate and check-recommender say why the URL cannot be used', async () => {
    expect(() => parseSimulateArgs(['--recommender', `${URL_WITH_PW}+follow`])).toThrow(/^--recommender: the URL carries credentials/);
    await expect(parseCheckArgs([URL_WITH_PW])).rejects.toThrow(/^http:\/\/\*\*\*@127\.0\.0\.1:9\/rec: the URL carries credentials/);
  });
});
