import { describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../src/cli/read-dataset';
import { FIXTURES } from './fixture-files';

describe('readDatasetFolder', () => {
  it('reads the known files of a folder as bytes', async () => {
    const files = await readDatasetFolder(FIXTURES + 'ml-latest');
    expect(Object.keys(files).sort()).toEqual(['links.csv', 'movies.csv', 'ratings.csv', 'tags.csv']);
    expect(files['movies.csv']).toBeInstanceOf(Uint8Array);
  });
  it('says clearly when the folder does not exist or holds no dataset', async () => {
    await expect(readDatasetFolder(FIXTURES + 'no-such-folder')).rejects.toThrow(/no-such-folder: Dataset folder not found/);
    await expect(readDatasetFolder(FIXTURES + 'ml-latest/movies.csv')).rejects.toThrow(/Not a folder/);
    await expect(readDatasetFolder(FIXTURES + 'malformed')).rejects.toThrow(/No MovieLens files/);
  });
});
