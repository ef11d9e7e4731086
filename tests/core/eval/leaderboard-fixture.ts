/** A hand-written leaderboard result (two rows) for the export and view tests. */
import { BENCHMARK, describeBenchmark, type LeaderboardResult, type LeaderboardRow } from '../../../src/core/eval/leaderboard';

const ci = (mean: number, half: number, n = 10) => ({ mean, lo: mean - half, hi: mean + half, n });

function row(recommender: string, o: Partial<LeaderboardRow>): LeaderboardRow {
  return {
    recommender, base: recommender.replace(/\+follow$/, ''), follows: recommender.endsWith('+follow'), sessions: 10,
    watchSec: ci(100, 10), turns: ci(3, 0.5), itemsViewed: ci(12, 2), retention: ci(0.5, 0.05), instructions: ci(1, 0.2),
    compliance: 0.25, compliancePassed: 16, complianceCases: 64, ndcg: 0.1, recall: 0.2, offlineUsers: 20,
    verdict: 0.5, verdictInstructions: 8, diversity: 0.6, coverage: 0.05, quadrant: 'weak', ...o,
  };
}

export const fixtureResult: LeaderboardResult = {
  benchmark: { ...BENCHMARK, users: 10 },
  description: describeBenchmark({ ...BENCHMARK, users: 10 }),
  bases: ['popular'],
  rows: [
    row('popular', { watchSec: ci(120.5, 12.25), compliance: 0.125, compliancePassed: 8, ndcg: 0.05, quadrant: 'repetitive', verdict: null, verdictInstructions: 0 }),
    row('popular+follow', { watchSec: ci(150.25, 10.5), retention: ci(0.75, 0.02), compliance: 0.8125, compliancePassed: 52, ndcg: 0.12345, quadrant: 'exploitation', coverage: 0.1 }),
  ],
  medians: { ndcg: 0.12345, retention: 0.75 },
};
