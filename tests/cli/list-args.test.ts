/**
 * Comma lists in flags: `npm run bench -- --only=` ran every section (minutes) and `--only ,`
 * ran none (exit 0, "decisionsPerReference undefined"); `evaluate --recommenders ,` ran the
 * protocol on no recommender (exit 0). An empty list (or a repeated name) is a usage error.
 */
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/bench';

describe('bench --only', () => {
  it('an empty list is refused; a named section is kept', () => {
    for (const argv of [['--only='], ['--only', ','], ['--only', ' , ']]) expect(() => parseBenchArgs(argv)).toThrow(/^--only needs at least one section \(known: decisions, /);
    expect(parseBenchArgs(['--only', 'decisions, sessions'])?.only).toEqual(new Set(['decisions', 'sessions']));
    expect(parseBenchArgs([])?.only).toBeNull();
  });
});

describe('evaluate --recommenders', () => {
  it('an empty list or a repeated name is refused (compare ran on no recommender: "users: 0", exit 0)', async () => {
    const { parseEvaluateArgs } = await import('../../src/cli/evaluate');
    expect(() => parseEvaluateArgs(['--protocol', 'compare', '--recommenders', ','])).toThrow(/^--recommenders needs at least one name/);
    expect(() => parseEvaluateArgs(['--protocol', 'compare', '--recommenders='])).toThrow(/^--recommenders needs at least one name/);
    expect(() => parseEvaluateArgs(['--protocol', 'compare', '--recommenders', 'popular, random,popular'])).toThrow(/^--recommenders names "popular" twice/);
    expect(parseEvaluateArgs(['--protocol', 'compare', '--recommenders', 'popular,random'])?.bases).toEqual(['popular', 'random']);
  });
});
