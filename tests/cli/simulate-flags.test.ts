/**
 * simulate: flags the run never reads are refused (exit 2), not ignored. `--llm-url` and
 * `--llm-model` were already; `--llm-timeout` and `--llm-key-env` ran a rule-based session
 * without a word, and `--planner` without `+follow` (no instruction-following recommender
 * to plan for) did too.
 */
import { describe, expect, it } from 'vitest';
import { cliArgsOf, parseSimulateArgs, UsageError } from '../../src/cli/simulate-args';
import { canonicalJson, parseRunDescription } from '../../src/core/run';

const refused = (args: string[]) => {
  try {
    parseSimulateArgs(args);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  return 'accepted';
};

describe('simulate: LLM flags without --simulator llm', () => {
  it('--llm-timeout and --llm-key-env are refused as --llm-url is', () => {
    expect(refused(['--llm-timeout', '5'])).toBe('--llm-timeout only applies with --simulator llm');
    expect(refused(['--llm-key-env', 'OPENAI_API_KEY'])).toBe('--llm-key-env only applies with --simulator llm');
    expect(refused(['--simulator', 'llm', '--llm-url', 'http://127.0.0.1:9/v1', '--llm-model', 'm', '--llm-timeout', '5', '--llm-key-env', 'K'])).toBe('accepted');
  });
});

describe('simulate: --planner without an instruction-following recommender', () => {
  it('is refused; with +follow (or the default content+follow) it is read', () => {
    expect(refused(['--recommender', 'popular', '--planner', 'rules'])).toBe('--planner only applies to an instruction-following recommender (NAME+follow), not "popular"');
    expect(refused(['--recommender', 'popular+follow', '--planner', 'rules'])).toBe('accepted');
    expect(refused(['--planner', 'rules'])).toBe('accepted');
  });

  it('the flags still encode a description without follow (round trip)', () => {
    const d = parseRunDescription({ recommender: { name: 'mf-bpr', follow: false }, seed: 7, turns: 4 });
    expect(canonicalJson(parseSimulateArgs(cliArgsOf(d)).run)).toBe(canonicalJson(d));
  });
});

describe('a number beyond 2^53', () => {
  it('is quoted as typed in the range error (9007199254740993 read as ...992)', () => {
    expect(refused(['--seed', '9007199254740993'])).toBe('--seed must be between 0 and 4294967295, got 9007199254740993');
  });
});

describe('--first-list', () => {
  it('an id given twice is refused before the run (every session failed on "appears twice in the slate", exit 1)', () => {
    expect(refused(['--first-list', 'sv-0001,sv-0002,sv-0001'])).toBe('--first-list names "sv-0001" twice; a list shows an item once');
  });

  it('more ids than --list-size is refused (the rest were dropped, unsaid)', () => {
    expect(refused(['--list-size', '2', '--first-list', 'sv-0001,sv-0002,sv-0003'])).toBe('--first-list has 3 items, more than a list holds (--list-size 2)');
    expect(refused(['--list-size', '3', '--first-list', 'sv-0001,sv-0002,sv-0003'])).toBe('accepted');
  });
});

describe('--rec-param number forms', () => {
  it('hex, binary and octal forms are refused as the whole-number flags refuse them; decimals and exponents read', () => {
    for (const v of ['0x10', '0b11', '0o7']) expect(refused(['--recommender', 'mf-bpr', '--rec-param', `factors=${v}`])).toBe(`--rec-param factors must be a number, got "${v}"`);
    expect(refused(['--recommender', 'mf-bpr', '--rec-param', 'factors=16'])).toBe('accepted');
    expect(parseSimulateArgs(['--recommender', 'linucb', '--rec-param', 'alpha=5e-1']).run.recommender.params).toEqual({ alpha: 0.5 });
  });
});

describe('--edits fields that would be dropped', () => {
  it('are refused by name (a link drops them quietly; a typed one ran the persona unedited, unsaid)', () => {
    expect(refused(['--edits', '{"age": 1000}'])).toMatch(/^--edits: not applied, not valid: age: 1000 \(age: a whole number 0 \.\. 120; /);
    expect(refused(['--edits', '{"intrests": {"fishing": 1}}'])).toMatch(/^--edits: not applied, not valid: intrests: \{"fishing":1\} /);
    expect(refused(['--edits', '{"interests": {"fishing": 2, "boating": 0.5}}'])).toMatch(/^--edits: not applied, not valid: interests\.fishing: 2 /);
    expect(refused(['--edits', '{"__proto__": {"age": 3}}'])).toMatch(/^--edits: not applied, not valid: __proto__: /);
    expect(refused(['--edits', '[]'])).toBe('--edits must be a JSON object, e.g. \'{"age":30}\'');
    expect(refused(['--edits', 'null'])).toBe('--edits must be a JSON object, e.g. \'{"age":30}\'');
  });

  it('valid edits still apply', () => {
    expect(parseSimulateArgs(['--edits', '{"age": 30, "interests": {"fishing": 0.2}, "traits": {"timeBudgetSec": 600}}']).run.users).toMatchObject({ edits: { age: 30, interests: { fishing: 0.2 }, traits: { timeBudgetSec: 600 } } });
    expect(refused(['--edits', '{}'])).toBe('accepted');
  });
});

describe('--edits traits that no user has', () => {
  it('are refused by name (a "patience" trait passed the check and was then dropped, unsaid)', () => {
    expect(refused(['--edits', '{"traits": {"patience": 0.5}}'])).toMatch(/^--edits: not applied, not valid: traits\.patience: 0\.5 \(.*traits: .*curiosity/);
    expect(refused(['--edits', '{"traits": {"curiosity": 0.5}}'])).toBe('accepted');
  });
});
