/**
 * The importer derives nothing from a user's held-out part: poisoning it (every held-out
 * rating's value flipped, and tags written after the tagger's cut-off added and changed)
 * leaves the catalog (items' likes, shares, comments, quality, tags, description, publish
 * dates; topics; `now`), the catalog index's popularity and every user's visible profile
 * (history, interests, traits, bio) exactly as they were. A sanity check shows the poison
 * did reach the import (the held-out ratings differ), so the test can fail.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { importMovieLens, type MovieLensImport } from '../../../src/core/catalog/movielens';
import { decodeUtf8 } from '../../../src/core/catalog/movielens-text';
import { movieWorldCsv } from '../simulator/movie-fixture';
import { fixtureFiles } from './fixture-files';

type Files = Record<string, string | Uint8Array>;

const text = (c: string | Uint8Array | undefined): string => (c === undefined ? '' : typeof c === 'string' ? c : decodeUtf8(c));

/** (user number, movie number, time in seconds) of every held-out rating of an import. */
function heldOutKeys(imp: MovieLensImport): Set<string> {
  const out = new Set<string>();
  for (const u of imp.users) {
    const uid = u.id.replace('ml-user-', '');
    for (const h of u.heldOut ?? []) out.add(`${uid}:${h.itemId.replace('ml-', '')}:${h.at / 1000}`);
  }
  return out;
}

/** Cut-off (seconds) of every user with ratings. */
function cutoffs(imp: MovieLensImport): Map<string, number> {
  return new Map(imp.users.map((u) => [u.id.replace('ml-user-', ''), u.history[u.history.length - 1].at / 1000]));
}

const flip = (r: string, min: number): string => String(5 + min - Number(r));

/** ml-latest: flip held-out ratings.csv values; add and alter tags after their tagger's cut-off. */
function poisonLatest(files: Files, imp: MovieLensImport): Files {
  const held = heldOutKeys(imp);
  const [head, ...lines] = text(files['ratings.csv']).trim().split('\n');
  const ratings = lines.map((l) => {
    const [u, m, r, t] = l.split(',');
    return held.has(`${u}:${m}:${t}`) ? `${u},${m},${flip(r, 0.5)},${t}` : l;
  });
  const cut = cutoffs(imp);
  const tagLines = text(files['tags.csv']).trim().split('\n');
  const tagHead = tagLines.shift() ?? 'userId,movieId,tag,timestamp';
  const tags = tagLines.map((l) => {
    // A tag already after its tagger's cut-off gets another word (and so do its counts).
    const parts = l.split(',');
    const [u, m] = parts;
    const t = parts[parts.length - 1];
    return cut.has(u) && Number(t) > (cut.get(u) as number) ? `${u},${m},leaked-word,${t}` : l;
  });
  const movieIds = text(files['movies.csv']).trim().split('\n').slice(1, 4).map((l) => l.split(',')[0]);
  for (const [u, c] of cut) {
    for (const [k, m] of movieIds.entries()) tags.push(`${u},${m},future spoiler ${k},${c + 1 + k}`);
  }
  return {
    ...files,
    'ratings.csv': [head, ...ratings].join('\n') + '\n',
    'tags.csv': [tagHead, ...tags].join('\n') + '\n',
  };
}

/** ml-100k: flip held-out u.data values (whole stars 1..5). */
function poison100k(files: Files, imp: MovieLensImport): Files {
  const held = heldOutKeys(imp);
  const lines = text(files['u.data']).trim().split('\n').map((l) => {
    const [u, m, r, t] = l.split('\t');
    return held.has(`${u}:${m}:${t}`) ? [u, m, flip(r, 1), t].join('\t') : l;
  });
  return { ...files, 'u.data': lines.join('\n') + '\n' };
}

/** Everything a recommender or the simulator is given, minus the held-out part. */
function visible(imp: MovieLensImport) {
  const index = buildCatalogIndex(imp.catalog);
  return {
    catalog: imp.catalog,
    popularity: [...index.popularity],
    users: imp.users.map(({ heldOut, ...rest }) => ({ ...rest, heldOutKeys: (heldOut ?? []).map((h) => `${h.itemId}@${h.at}`) })),
  };
}

const heldOutRatings = (imp: MovieLensImport): number[] => imp.users.flatMap((u) => (u.heldOut ?? []).map((h) => h.rating as number));

/** A seeded world with tags before and after each user's cut-off. */
function worldWithTags(): Files {
  const files: Files = movieWorldCsv({ movies: 120, users: 25, seed: 3 });
  const rows = text(files['ratings.csv']).trim().split('\n').slice(1);
  const tags = ['userId,movieId,tag,timestamp'];
  rows.forEach((l, k) => {
    const [u, m, , t] = l.split(',');
    if (k % 4 === 0) tags.push(`${u},${m},${['classic', 'slow', 'twist ending'][k % 3]},${t}`);
  });
  return { ...files, 'tags.csv': tags.join('\n') + '\n' };
}

describe('importer: no held-out data in anything derived', () => {
  const cases: [string, () => Promise<Files>, (f: Files, i: MovieLensImport) => Files][] = [
    ['ml-latest fixture', () => fixtureFiles('ml-latest'), poisonLatest],
    ['ml-100k fixture', () => fixtureFiles('ml-100k'), poison100k],
    ['seeded world with tags', async () => worldWithTags(), poisonLatest],
  ];
  for (const [name, load, poison] of cases) {
    it(`${name}: poisoning the held-out part changes nothing visible`, async () => {
      const files = await load();
      const clean = importMovieLens(files);
      const dirty = importMovieLens(poison(files, clean));
      // The poison reached the import: the held-out ratings are different numbers now.
      const before = heldOutRatings(clean);
      expect(before.length).toBeGreaterThan(0);
      expect(heldOutRatings(dirty)).not.toEqual(before);
      expect(visible(dirty)).toEqual(visible(clean));
    });
  }

  it('a tag written after the tagger\'s cut-off is not on the item, while one before it is', async () => {
    // Fixture: user 3's only rating is at 1200000000, their tag "Twist Ending" on movie 5 at
    // 1300000000 (after it); user 1 tagged movie 3 "heist, classic" inside their history.
    const { catalog } = importMovieLens(await fixtureFiles('ml-latest'));
    const item = (id: string) => catalog.items.find((i) => i.id === id)!;
    expect(item('ml-5').tags).not.toContain('twist-ending');
    expect(item('ml-5').comments).toBe(0);
    expect(item('ml-3').tags).toContain('heist-classic');
    expect(catalog.now).toBe(1_200_000_000_000); // the last visible rating, not the later tag
  });
});
