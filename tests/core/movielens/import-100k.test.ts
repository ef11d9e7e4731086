import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { fixtureFiles } from './fixture-files';

describe('importMovieLens: ml-100k layout (latin1)', async () => {
  const files = await fixtureFiles('ml-100k');
  const { catalog, users, layout } = importMovieLens(files);
  const item = (id: string) => catalog.items.find((i) => i.id === id)!;

  it('decodes ISO-8859-1 titles', () => {
    expect(layout).toBe('ml-100k');
    expect(files['u.item'].includes(0xe9)).toBe(true); // the fixture really is latin1 (é = 0xE9)
    expect(item('ml-3').title).toBe('Les Misérables (1995)');
    expect(item('ml-5').title).toBe('Pokémon: The First Movie (1998)');
  });

  it('reads the 19 genre flags', () => {
    expect(item('ml-1').tags).toEqual(['animation', 'children', 'comedy']); // Children's -> children
    expect(item('ml-1')).toMatchObject({ topic: 'comedy', subtopic: 'animation' });
    expect(item('ml-2')).toMatchObject({ topic: 'action', subtopic: 'adventure' });
    expect(item('ml-4')).toMatchObject({ title: 'unknown', topic: 'unclassified', tags: ['unclassified'] });
  });

  it('uses the release date when there is one', () => {
    expect(item('ml-3').publishedAt).toBe(Date.UTC(1995, 11, 15));
    expect(item('ml-5').publishedAt).toBe(Date.UTC(1999, 10, 12));
    expect(item('ml-4').publishedAt).toBe(874_965_600_000); // undated: its first history rating
  });

  it('keeps demographics and splits by time', () => {
    const u1 = users[0];
    expect(u1).toMatchObject({ id: 'ml-user-1', age: 24, gender: 'male', occupation: 'technician', location: 'ZIP 85711' });
    expect(u1.history.map((x) => [x.itemId, x.rating, x.action])).toEqual([
      ['ml-2', 3, 'watch'],
      ['ml-4', 2, 'skip'],
      ['ml-3', 4, 'like'],
      ['ml-1', 5, 'like'],
    ]);
    expect(u1.heldOut!.map((x) => [x.itemId, x.action])).toEqual([['ml-5', 'skip']]);
    expect(users[1]).toMatchObject({ age: 53, gender: 'female', occupation: 'other' });
    expect(users[1].history.map((x) => x.itemId)).toEqual(['ml-1']);
    expect(users[1].heldOut!.map((x) => x.itemId)).toEqual(['ml-3']);
  });

  it('scales quality to the 1..5 range', () => {
    // History ratings: m1 5 and 4, m2 3, m3 4, m4 2 -> prior (4.5 + 3 + 4 + 2)/4 = 3.375;
    // m1: (9 + 5*3.375)/7 = 3.6964 -> (3.6964-1)/4 = 0.674.
    expect(item('ml-1').quality).toBe(0.674);
    expect(item('ml-1')).toMatchObject({ likes: 2, shares: 1, comments: 0 });
  });

  it('works without u.user (no demographics)', () => {
    const { ['u.user']: _omit, ...rest } = files;
    const r = importMovieLens(rest);
    expect(r.users[0]).toMatchObject({ age: null, gender: '', occupation: '', location: '' });
  });
});
