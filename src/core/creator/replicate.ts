/**
 * One replicate of one strategy: a fresh world advanced through the week with its own
 * random stream, then read out: cumulative views, likes, comments, shares and new followers
 * at each horizon, who engaged, the cascade of the first post and (on request) a trace of
 * who saw the post when, for the network view. Replicate r of every strategy uses the same
 * stream (common random numbers), so differences between strategies are paired.
 */
import { createRng } from '../rng';
import { advance, initialWorld } from '../population/week';
import { cascadeTree, treeStats, type CascadeStats } from '../population/cascade';
import { EV_COMMENT, EV_FOLLOW, EV_LIKE, EV_SHARE, EV_UNFOLLOW, EV_VIEW } from '../population/world';
import { AGE_BANDS, REGIONS } from '../population/demographics';
import { HORIZONS, type PreparedExperiment } from './prepare';

/** The metrics read at each horizon. */
export const METRICS = ['views', 'likes', 'comments', 'shares', 'follows'] as const;
export type Metric = (typeof METRICS)[number];
const EV_OF_METRIC = [EV_VIEW, EV_LIKE, EV_COMMENT, EV_SHARE, EV_FOLLOW];

/** Who engaged (liked, commented, shared or followed), as counts by age band, region and community (topic id). */
export interface Engaged {
  total: number;
  ages: number[];
  regions: number[];
  communities: Record<string, number>;
}

/** When each user first saw the first post, and through whom (-1: seeded or recommended). */
export interface Trace {
  users: number[];
  minutes: number[];
  parents: number[];
}

export interface ReplicateResult {
  strategy: number;
  replicate: number;
  /** metric -> cumulative value at each horizon (HORIZONS order). */
  metrics: Record<Metric, number[]>;
  engaged: Engaged;
  cascade: CascadeStats;
  unfollows: number;
  exposures: number;
  trace?: Trace;
}

/** Run replicate `r` of strategy `s`. Deterministic in (experiment, s, r). */
export function runReplicate(prep: PreparedExperiment, s: number, r: number, withTrace = false): ReplicateResult {
  const ps = prep.strategies[s];
  const rng = createRng(prep.experiment.run.seed).fork(`replicate-${r}`);
  const w = advance(initialWorld(ps.setup), ps.setup, ps.endMin, rng);
  const posts = new Set(ps.postItems);
  const metrics = Object.fromEntries(METRICS.map((m) => [m, HORIZONS.map(() => 0)])) as Record<Metric, number[]>;
  const engagedUsers = new Set<number>();
  let unfollows = 0;
  let exposures = 0;
  for (let e = 0; e < w.evCount; e++) {
    if (!posts.has(w.evItem[e])) continue;
    const kind = w.evKind[e];
    const dt = w.evMin[e] - ps.firstPublishMin;
    if (kind === EV_UNFOLLOW) unfollows++;
    else if (kind === 0) exposures++;
    const mi = EV_OF_METRIC.indexOf(kind);
    if (mi >= 0) {
      const arr = metrics[METRICS[mi]];
      for (let h = 0; h < HORIZONS.length; h++) if (dt < HORIZONS[h].min) arr[h]++;
    }
    if (kind === EV_LIKE || kind === EV_COMMENT || kind === EV_SHARE || kind === EV_FOLLOW) engagedUsers.add(w.evUser[e]);
  }
  const pop = prep.pop;
  const engaged: Engaged = { total: engagedUsers.size, ages: AGE_BANDS.map(() => 0), regions: REGIONS.map(() => 0), communities: {} };
  for (const u of engagedUsers) {
    engaged.ages[pop.ageBand[u]]++;
    engaged.regions[pop.region[u]]++;
    const c = pop.topicIds[pop.community[u]];
    engaged.communities[c] = (engaged.communities[c] ?? 0) + 1;
  }
  const tree = cascadeTree(w, ps.postItems[0], ps.endMin);
  const out: ReplicateResult = { strategy: s, replicate: r, metrics, engaged, cascade: treeStats(tree.parent), unfollows, exposures };
  if (withTrace) {
    const minutes: number[] = [];
    const byUser = new Map<number, number>();
    for (let e = 0; e < w.evCount; e++) if (w.evKind[e] === EV_VIEW && w.evItem[e] === ps.postItems[0] && !byUser.has(w.evUser[e])) byUser.set(w.evUser[e], w.evMin[e] - ps.firstPublishMin);
    for (const u of tree.users) minutes.push(byUser.get(u) ?? 0);
    out.trace = { users: tree.users, minutes, parents: Array.from(tree.parent, (p) => (p >= 0 ? tree.users[p] : -1)) };
  }
  return out;
}
