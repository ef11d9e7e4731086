/**
 * `--out -` (and `--chat -`, `--dpo -`) reads as "to stdout" by the usual convention (and
 * docs/cli.md spoke of `--out -`), but no command writes its file to stdout: each created a
 * file named "-" in the current folder, unsaid, while stdout carried the summary. Refused
 * now, with the way to name such a file on purpose.
 */
import { describe, expect, it } from 'vitest';
import { checkOutputPath } from '../../src/cli/output-path';
import { parseTrainingDataArgs } from '../../src/cli/training-data';
import { main as simulate } from '../../src/cli/simulate';
import { captureStdio } from '../helpers/capture-stdio';

describe('an output file named "-"', () => {
  it('is refused by every command that writes one', async () => {
    expect(() => checkOutputPath('out', '-')).toThrow(/^--out -: this command writes that file, not stdout; name a file \(\.\/- for a file named "-"\)$/);
    expect(() => checkOutputPath('out', './-')).not.toThrow();
    await expect(parseTrainingDataArgs(['--chat', '-'])).rejects.toThrow(/^--chat -: this command writes that file, not stdout/);
    const r = await captureStdio(() => simulate(['--users', '2', '--quiet', '--out', '-']));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^simulate: --out -: this command writes that file, not stdout/);
    expect(r.out).toBe('');
  });
});
