/** Sorting leaderboard rows: direction, missing values last, stable ties, the header click cycle. */
import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from '../../src/ui/leaderboard/sort-rows';
import { fixtureResult } from '../core/eval/leaderboard-fixture';

const [a, b] = fixtureResult.rows;
const c = { ...a, recommender: 'content', compliance: 0.125, ndcg: NaN, verdict: 0.9 };
const names = (rs: { recommender: string }[]) => rs.map((r) => r.recommender);

describe('sortRows', () => {
  it('keeps the benchmark order without a sort or with an unknown key', () => {
    expect(names(sortRows([a, b, c], null))).toEqual(['popular', 'popular+follow', 'content']);
    expect(names(sortRows([a, b, c], { key: 'nope', dir: 'ascending' }))).toEqual(['popular', 'popular+follow', 'content']);
  });
  it('sorts numbers both ways with ties in benchmark order', () => {
    expect(names(sortRows([a, b, c], { key: 'compliance', dir: 'descending' }))).toEqual(['popular+follow', 'popular', 'content']);
    expect(names(sortRows([a, b, c], { key: 'compliance', dir: 'ascending' }))).toEqual(['popular', 'content', 'popular+follow']);
  });
  it('puts missing values (null, NaN) last in both directions', () => {
    expect(names(sortRows([a, b, c], { key: 'ndcg', dir: 'ascending' }))).toEqual(['popular', 'popular+follow', 'content']);
    expect(names(sortRows([a, b, c], { key: 'ndcg', dir: 'descending' }))).toEqual(['popular+follow', 'popular', 'content']);
    expect(names(sortRows([a, b, c], { key: 'verdict', dir: 'ascending' }))).toEqual(['popular+follow', 'content', 'popular']);
  });
  it('sorts text columns', () => {
    expect(names(sortRows([a, b, c], { key: 'recommender', dir: 'ascending' }))).toEqual(['content', 'popular', 'popular+follow']);
  });
});

describe('nextSort', () => {
  it('starts numbers descending, text ascending, and flips on the same column', () => {
    expect(nextSort(null, 'watch_sec')).toEqual({ key: 'watch_sec', dir: 'descending' });
    expect(nextSort(null, 'recommender')).toEqual({ key: 'recommender', dir: 'ascending' });
    expect(nextSort({ key: 'watch_sec', dir: 'descending' }, 'watch_sec')).toEqual({ key: 'watch_sec', dir: 'ascending' });
    expect(nextSort({ key: 'watch_sec', dir: 'ascending' }, 'turns')).toEqual({ key: 'turns', dir: 'descending' });
  });
});
