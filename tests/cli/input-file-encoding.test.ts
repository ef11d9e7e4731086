/**
 * Input files (--run, --post, --variant, --edges) were read as UTF-8 without a check: a
 * latin1 byte became U+FFFD unsaid (a post titled "Am" + byte 0xE9 + "lie" ran with a
 * replacement character), and a file saved with a byte-order mark (Windows Notepad) was
 * "not JSON (Unexpected token ...)" naming an invisible character. Now a BOM is dropped and
 * bytes that are not UTF-8 are refused with where they are.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/cli/input-file';
import { parseSimulateArgs } from '../../src/cli/simulate-args';
import { parseCreatorArgs } from '../../src/cli/creator-args';

const dir = mkdtempSync(join(tmpdir(), 'recoworld-input-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('input files: encoding', () => {
  it('a byte-order mark is dropped (a Notepad-saved run description reads)', () => {
    const f = join(dir, 'run.json');
    writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"seed": 3}')]));
    expect(parseSimulateArgs(['--run', f]).seed).toBe(3);
  });

  it('bytes that are not UTF-8 are refused with the line and column, not read as U+FFFD', () => {
    const f = join(dir, 'post.json');
    writeFileSync(f, Buffer.concat([Buffer.from('{"title": "Am'), Buffer.from([0xe9]), Buffer.from('lie", "topic": "fishing", "format": "video", "durationSec": 30}')]));
    expect(() => parseCreatorArgs(['--post', f])).toThrow(/^--post .*post\.json: not UTF-8 text \(line 1, column 14: byte 0xE9\); save it as UTF-8$/);
    expect(() => readInputFile('edges', f, 1000)).toThrow(/^--edges .*: not UTF-8 text/);
  });
});
