/**
 * The judge protocol: seeded sessions of each recommender (as the compare protocol),
 * every trajectory judged, the passing ones kept as JSONL for training. Pure; the CLI
 * writes the JSONL to a file.
 */
import { buildCatalogIndex } from '../catalog/catalog-index';
import { runBatch } from '../env/batch';
import { createRecommender } from '../recommenders/agentic';
import type { AbortLike, UserSimulator } from '../simulator/simulator';
import type { Catalog, Context, Trajectory, UserProfile } from '../types';
import { createRuleJudge, filterJudged, judgedJsonl, type JudgeVerdict, type TrajectoryJudge } from './judge';

export interface JudgeBatchConfig {
  catalog: Catalog;
  users: UserProfile[];
  trainingUsers?: UserProfile[];
  contextFor: (u: UserProfile) => Context;
  simulator: UserSimulator;
  /** Full recommender names, e.g. ['content+follow']. */
  recommenders: string[];
  seed: number;
  listSize: number;
  maxTurns: number;
  /** Default: the rule-based judge. */
  judge?: TrajectoryJudge;
  signal?: AbortLike;
  onProgress?: (done: number, total: number, recommender: string) => void;
}

export interface JudgeBatchSummary {
  recommender: string;
  sessions: number;
  /** Sessions with at least one instruction that has a next list. */
  judged: number;
  passed: number;
}

export interface JudgeBatchResult {
  judge: string;
  rows: JudgeBatchSummary[];
  verdicts: JudgeVerdict[];
  /** The kept trajectories, one `{trajectory, verdict}` per line. */
  jsonl: string;
}

/** Run the sessions, judge them, keep what passes. */
export async function runJudgeBatch(cfg: JudgeBatchConfig): Promise<JudgeBatchResult> {
  const index = buildCatalogIndex(cfg.catalog);
  const judge = cfg.judge ?? createRuleJudge(index);
  const rows: JudgeBatchSummary[] = [];
  const verdicts: JudgeVerdict[] = [];
  const kept: Trajectory[] = [];
  let done = 0;
  for (const name of cfg.recommenders) {
    const res = await runBatch({
      catalog: cfg.catalog,
      index,
      users: cfg.users,
      training: { catalog: cfg.catalog, users: cfg.trainingUsers ?? cfg.users },
      contextFor: cfg.contextFor,
      simulator: cfg.simulator,
      recommenders: [createRecommender(name)],
      seed: cfg.seed,
      listSize: cfg.listSize,
      maxTurns: cfg.maxTurns,
      instructionsEnabled: true,
      keepTrajectories: true,
      signal: cfg.signal,
    });
    const set = await filterJudged(res.runs[0].trajectories, judge, { signal: cfg.signal });
    verdicts.push(...set.verdicts);
    kept.push(...set.kept);
    rows.push({ recommender: name, sessions: set.verdicts.length, judged: set.verdicts.filter((v) => v.instructions > 0).length, passed: set.kept.length });
    cfg.onProgress?.(++done, cfg.recommenders.length, name);
  }
  return { judge: judge.name, rows, verdicts, jsonl: judgedJsonl({ kept, verdicts }) };
}
