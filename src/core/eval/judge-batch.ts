/**
 * The judge protocol: seeded sessions of each recommender (as the compare protocol),
 * every trajectory judged, the passing ones kept as JSONL for training. Pure; the CLI
 * writes the JSONL to a file.
 */
import { buildCatalogIndex } from '../catalog/catalog-index';
import { runBatch } from '../env/batch';
import { buildRun, type RunWorld } from '../run/build-run';
import type { RunDescription } from '../run/description';
import type { AbortLike, UserSimulator } from '../simulator/simulator';
import type { Trajectory } from '../types';
import { createRuleJudge, filterJudged, judgedJsonl, type JudgeVerdict, type TrajectoryJudge } from './judge';

/**
 * One run description run once per recommender (as the compare protocol): `buildRun` picks
 * the users, the training data, the fitting stream and the seeds exactly as for any run.
 */
export interface JudgeBatchConfig {
  /** What the description's references resolve to (catalog, known users, personas). */
  world: RunWorld;
  /** The run every recommender gets; its recommender is replaced by each name below. */
  run: RunDescription;
  /** Full recommender names, e.g. ['content', 'content+follow']. */
  recommenders: string[];
  /** The simulator, when the caller supplies one (default: the description's, from the registry). */
  simulator?: UserSimulator;
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
  const world = { ...cfg.world, index: cfg.world.index ?? buildCatalogIndex(cfg.world.catalog) };
  const judge = cfg.judge ?? createRuleJudge(world.index);
  const rows: JudgeBatchSummary[] = [];
  const verdicts: JudgeVerdict[] = [];
  const kept: Trajectory[] = [];
  let done = 0;
  for (const name of cfg.recommenders) {
    const follows = name.endsWith('+follow');
    const base = follows ? name.slice(0, -'+follow'.length) : name;
    const desc: RunDescription = { ...cfg.run, recommender: { ...cfg.run.recommender, name: base, follow: follows, params: {} } };
    const built = buildRun(desc, world, { simulator: cfg.simulator });
    const res = await runBatch({ ...built.batchConfig(), keepTrajectories: true, signal: cfg.signal });
    const set = await filterJudged(res.runs[0].trajectories, judge, { signal: cfg.signal });
    verdicts.push(...set.verdicts);
    kept.push(...set.kept);
    rows.push({ recommender: name, sessions: set.verdicts.length, judged: set.verdicts.filter((v) => v.instructions > 0).length, passed: set.kept.length });
    cfg.onProgress?.(++done, cfg.recommenders.length, name);
  }
  return { judge: judge.name, rows, verdicts, jsonl: judgedJsonl({ kept, verdicts }) };
}
