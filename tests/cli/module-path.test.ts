/**
 * A recommender module path that is a folder was said as "no such file" (it exists): the
 * user went looking for a typo. Now a folder is said as a folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecommenderModule } from '../../src/cli/external-recommenders';

const dir = mkdtempSync(join(tmpdir(), 'recoworld-module-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--recommender-module FILE', () => {
  it('a folder is said as one; a missing file as missing', async () => {
    await expect(loadRecommenderModule(dir)).rejects.toThrow(`--recommender-module ${dir}: is a folder; name the module's .mjs or .js file inside it`);
    await expect(loadRecommenderModule(join(dir, 'nope.mjs'))).rejects.toThrow(/: no such file$/);
  });
});
