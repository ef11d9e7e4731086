/**
 * A flag given twice is refused (exit 2) by every command's parser: Node's parseArgs keeps
 * the last one silently, so `--users 100 ... --users 10` ran 10 users under a command line
 * that reads 100 first. Flags meant to repeat (--rec-param) still do.
 */
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/bench';
import { parseCheckArgs } from '../../src/cli/check-recommender';
import { parseCreatorArgs } from '../../src/cli/creator-args';
import { parseEmbedArgs } from '../../src/cli/embed';
import { parseEvaluateArgs } from '../../src/cli/evaluate';
import { rejectRepeatedFlags } from '../../src/cli/repeated-flags';
import { envConfig } from '../../src/cli/serve-env';
import { parseSimulateArgs, UsageError } from '../../src/cli/simulate-args';
import { parseTrainArgs } from '../../src/cli/train';
import { parseTrainingDataArgs } from '../../src/cli/training-data';

const TWICE = /--(\S+) is given twice; give it once/;

describe('rejectRepeatedFlags', () => {
  it('names the repeated flag, with or without =, and leaves repeatable ones and values after -- alone', () => {
    expect(() => rejectRepeatedFlags(['--users', '2', '--users=3'])).toThrow(/^--users is given twice/);
    expect(() => rejectRepeatedFlags(['--json', '--quiet', '--json'])).toThrow(/^--json is given twice/);
    expect(() => rejectRepeatedFlags(['--rec-param', 'a=1', '--rec-param', 'b=2'], ['rec-param'])).not.toThrow();
    expect(() => rejectRepeatedFlags(['--seed', '1', '--', '--seed'])).not.toThrow();
  });
});

describe('every command refuses a repeated flag', () => {
  it('simulate (but --rec-param repeats)', () => {
    expect(() => parseSimulateArgs(['--users', '100', '--seed', '1', '--users', '10'])).toThrow(UsageError);
    expect(() => parseSimulateArgs(['--users', '100', '--users', '10'])).toThrow(/^--users is given twice/);
    expect(() => parseSimulateArgs(['--recommender', 'linucb', '--rec-param', 'alpha=0.5', '--rec-param', 'alpha=0.6'])).not.toThrow(TWICE);
  });

  it('evaluate, train, embed, creator, bench', () => {
    expect(() => parseEvaluateArgs(['--protocol', 'compare', '--protocol', 'judge'])).toThrow(/^--protocol is given twice/);
    expect(() => parseTrainArgs(['--episodes', '10', '--episodes=20'])).toThrow(/^--episodes is given twice/);
    expect(() => parseEmbedArgs(['--catalog', 'shortvideo', '--model', 'offline', '--out', 'a.npy', '--dim', '8', '--dim', '16'])).toThrow(/^--dim is given twice/);
    expect(() => parseCreatorArgs(['--item', 'a', '--hour', '3', '--hour', '4'])).toThrow(/^--hour is given twice/);
    expect(() => parseBenchArgs(['--only', 'decisions', '--only', 'import'])).toThrow(/^--only is given twice/);
  });

  it('training-data, serve-env, check-recommender', async () => {
    await expect(parseTrainingDataArgs(['--users', '1', '--users', '2'])).rejects.toThrow(/^--users is given twice/);
    await expect(envConfig(['--port', '0', '--port', '1'])).rejects.toThrow(/^--port is given twice/);
    await expect(parseCheckArgs(['http://127.0.0.1:9/', '--timeout', '100', '--timeout', '200'])).rejects.toThrow(/^--timeout is given twice/);
  });
});
