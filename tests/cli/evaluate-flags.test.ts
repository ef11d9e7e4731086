/**
 * evaluate: a flag the chosen protocol never reads is refused (exit 2), not ignored. Round 7
 * did it for the fidelity flags; these were still dropped without a word:
 * `--protocol instructions --dataset ml` ran on the built-in catalog (even a missing folder
 * passed), `--users`, `--turns`, `--list-size` changed nothing for instructions, paraphrase,
 * reorder and fidelity, `--recommenders` nothing for fidelity (and reorder ran the first
 * name only), and the `--llm-*` flags nothing without `--simulator llm`.
 */
import { describe, expect, it } from 'vitest';
import { EVALUATE_HELP, parseEvaluateArgs } from '../../src/cli/evaluate';
import { UsageError } from '../../src/cli/simulate-args';

const refused = (args: string[]) => {
  try {
    parseEvaluateArgs(args);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  return 'accepted';
};

describe('evaluate: flags of another protocol', () => {
  it('--dataset with instructions or paraphrase (they run on the built-in catalog)', () => {
    expect(refused(['--protocol', 'instructions', '--dataset', '/no/such/folder'])).toBe('--dataset is read by --protocol reorder, fidelity, compare, ndcg-retention, leaderboard and judge only, not instructions');
    expect(refused(['--protocol', 'paraphrase', '--dataset', 'ml'])).toMatch(/^--dataset is read by .* only, not paraphrase$/);
  });

  it('--users, --turns, --list-size with protocols that run no sessions of their own', () => {
    expect(refused(['--protocol', 'instructions', '--users', '5'])).toBe('--users is read by --protocol compare, ndcg-retention, leaderboard and judge only, not instructions');
    expect(refused(['--protocol', 'reorder', '--dataset', 'ml', '--turns', '3'])).toMatch(/^--turns is read by .* only, not reorder$/);
    expect(refused(['--protocol', 'fidelity', '--dataset', 'ml', '--list-size', '3'])).toMatch(/^--list-size is read by .* only, not fidelity$/);
    expect(refused(['--protocol', 'paraphrase', '--users', '3'])).toMatch(/only, not paraphrase$/);
  });

  it('--recommenders with fidelity (its sessions use a fixed three), and more than one with reorder', () => {
    expect(refused(['--protocol', 'fidelity', '--dataset', 'ml', '--recommenders', 'popular'])).toMatch(/^--recommenders is read by .* only, not fidelity$/);
    expect(refused(['--protocol', 'reorder', '--dataset', 'ml', '--recommenders', 'popular,content'])).toBe('--protocol reorder reorders one base recommender\'s lists: give one name to --recommenders, not 2');
  });

  it('--llm-* without --simulator llm', () => {
    for (const flag of ['--llm-url', '--llm-model', '--llm-key-env', '--llm-timeout']) {
      expect(refused(['--protocol', 'fidelity', '--dataset', 'ml', flag, '5'])).toBe(`${flag} only applies with --simulator llm`);
    }
  });

  it('still takes every flag its protocol reads', () => {
    expect(refused(['--protocol', 'compare', '--dataset', 'ml', '--users', '3', '--turns', '2', '--list-size', '4', '--recommenders', 'popular,content'])).toBe('accepted');
    expect(refused(['--protocol', 'judge', '--users', '3', '--turns', '2', '--list-size', '4'])).toBe('accepted');
    expect(refused(['--protocol', 'reorder', '--dataset', 'ml', '--recommenders', 'content', '--max-users', '3'])).toBe('accepted');
    expect(refused(['--protocol', 'instructions', '--recommenders', 'popular', '--seed', '3'])).toBe('accepted');
    expect(refused(['--protocol', 'fidelity', '--dataset', 'ml', '--simulator', 'llm', '--llm-url', 'http://127.0.0.1:9/v1', '--llm-model', 'm', '--llm-timeout', '5'])).toBe('accepted');
  });
});

describe('evaluate: an emptied --dataset', () => {
  it('is refused (compare, ndcg-retention, leaderboard and judge ran the built-in catalog instead, unsaid)', () => {
    expect(refused(['--protocol', 'compare', '--dataset='])).toBe('--dataset needs a folder (a MovieLens folder)');
    expect(refused(['--protocol', 'judge', '--dataset', ' '])).toBe('--dataset needs a folder (a MovieLens folder)');
  });
});

describe('evaluate --help', () => {
  it('names every MovieLens layout --dataset reads (ml-1m and ml-10m were left out, though they import)', () => {
    const dataset = EVALUATE_HELP.slice(EVALUATE_HELP.indexOf('--dataset DIR'), EVALUATE_HELP.indexOf('--ratio'));
    for (const layout of ['ml-latest', 'ml-1m', 'ml-10m', 'ml-100k']) expect(dataset).toContain(layout);
  });
});
