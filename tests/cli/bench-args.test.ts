/**
 * `npm run bench -- --only` with an empty list: `--only=` ran every section (minutes) and
 * `--only ,` ran none (exit 0, "decisionsPerReference undefined"). Both are a usage error.
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
