/**
 * Turning a creator experiment into runnable worlds: the run description gives the catalog's
 * recommender (fitted the one way, `buildRun`), the population and its graph are drawn from
 * the experiment's seed (fixed across replicates: the creator's audience is who it is), and
 * each strategy becomes a `WeekSetup` with its posts, schedule and audience.
 */
import type { Catalog, Rng, UserProfile } from '../types';
import { createRng } from '../rng';
import { buildRun } from '../run/build-run';
import { resolveParams } from '../simulator/rule-params';
import { buildPopulation, type Population } from '../population/users';
import { generateGraph, FOLLOW, type Edge, type SocialGraph } from '../population/graph';
import { EdgeListError, parseEdgeList } from '../population/graph-csv';
import { buildWorldItems, NEW_CREATOR, type PostDraft, type WorldItems } from '../population/world-items';
import { buildOonPools } from '../population/oon';
import type { OonPools, PostPlan, WeekSetup } from '../population/week';
import { ageBandIndex, regionIndex } from '../population/demographics';
import { ExperimentError, type Audience, type CreatorExperiment, type PostSpec, type Strategy } from './experiment';

/** The data an experiment refers to (the entry point loads it). */
export interface CreatorWorld {
  catalog: Catalog;
  /** Base profiles of the population (the built-in personas, or imported MovieLens users). */
  personas: readonly UserProfile[];
  /** Users the recommender trains on (default: the personas). */
  users?: readonly UserProfile[];
  /** An imported edge list (CSV text) instead of the generated graph. */
  edges?: { text: string; fileName: string };
}

/** Minutes after the first post at which outcomes are read: 6 h, 12 h, 24 h, 2 d, 1 w. */
export const HORIZONS = [
  { key: '6h', min: 360 },
  { key: '12h', min: 720 },
  { key: '24h', min: 1440 },
  { key: '2d', min: 2880 },
  { key: '1w', min: 10080 },
] as const;
export type HorizonKey = (typeof HORIZONS)[number]['key'];

export interface PreparedStrategy {
  strategy: Strategy;
  setup: WeekSetup;
  /** World item indices of this strategy's posts, in publishing order. */
  postItems: number[];
  firstPublishMin: number;
  endMin: number;
  /** Users the first post is seeded to. */
  audienceSize: number;
}

export interface PreparedExperiment {
  experiment: CreatorExperiment;
  items: WorldItems;
  pop: Population;
  graph: SocialGraph;
  strategies: PreparedStrategy[];
}

function draftOf(post: PostSpec, catalog: Catalog): PostDraft {
  if ('itemId' in post) {
    const it = catalog.items.find((i) => i.id === post.itemId);
    if (!it) throw new ExperimentError([`post.itemId: "${post.itemId}" is not in the catalog "${catalog.id}"`]);
    return { title: it.title, topic: it.topic, format: it.format, durationSec: it.durationSec, description: it.description, quality: it.quality, locale: it.locale, creator: it.creator };
  }
  if (!catalog.topics.some((t) => t.id === post.topic)) {
    const known = catalog.topics.map((t) => t.id);
    throw new ExperimentError([`post.topic: "${post.topic}" is not a topic of the catalog "${catalog.id}" (known: ${known.slice(0, 40).join(', ')}${known.length > 40 ? ', ...' : ''})`]);
  }
  return { ...post, creator: NEW_CREATOR };
}

/** Minutes of each scheduled post, from the first one. */
export function scheduleMinutes(s: Strategy): number[] {
  const first = s.postHour * 60;
  if (s.schedule === 'once') return [first];
  const perDay = s.schedule === 'daily' ? [0] : [0, 240, 480];
  const out: number[] = [];
  for (let d = 0; d < 7; d++) for (const off of perDay) out.push(first + d * 1440 + off);
  return out;
}

/** Users matching a target audience (or everyone for 'followers' / 'general' before sampling). */
export function targetUsers(pop: Population, a: Extract<Audience, { kind: 'target' }>): Int32Array {
  const ages = new Set(a.ages.map(ageBandIndex));
  const regions = new Set(a.regions.map(regionIndex));
  const t = a.interest ? pop.topicIds.indexOf(a.interest) : -1;
  if (a.interest && t < 0) throw new ExperimentError([`audience.interest: "${a.interest}" is not a topic of the catalog`]);
  const out: number[] = [];
  const T = pop.topicIds.length;
  for (let u = 0; u < pop.n; u++) {
    if (ages.size > 0 && !ages.has(pop.ageBand[u])) continue;
    if (regions.size > 0 && !regions.has(pop.region[u])) continue;
    if (t >= 0 && pop.interests[u * T + t] < 0.35) continue;
    out.push(u);
  }
  return Int32Array.from(out);
}

function sample(n: number, k: number, rng: Rng): Int32Array {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  const m = Math.min(k, n);
  for (let i = 0; i < m; i++) {
    const j = i + rng.int(n - i);
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
  }
  return idx.slice(0, m).sort();
}

/** Followers of a new creator: `k` users drawn by their interest in the post's topic (weighted, without replacement). */
function newCreatorFollowers(pop: Population, topic: string, k: number, rng: Rng): Int32Array {
  const T = pop.topicIds.length;
  const t = pop.topicIds.indexOf(topic);
  const keys = new Float64Array(pop.n);
  for (let u = 0; u < pop.n; u++) {
    const w = (t >= 0 ? pop.interests[u * T + t] ** 2 : 0) + 0.02;
    keys[u] = Math.log(Math.max(1e-12, rng.next())) / w; // Efraimidis-Spirakis: the k largest keys
  }
  const order = Int32Array.from({ length: pop.n }, (_, i) => i).sort((a, b) => keys[b] - keys[a] || a - b);
  return order.slice(0, Math.min(k, pop.n)).sort();
}

/** Prepare an experiment (async: the recommender may answer asynchronously). */
export async function prepareExperiment(exp: CreatorExperiment, world: CreatorWorld): Promise<PreparedExperiment> {
  if (exp.run.simulator.name !== 'rule-based') {
    throw new ExperimentError([`run.simulator.name: populations run the rule-based simulator (got "${exp.run.simulator.name}")`]);
  }
  const { catalog, personas } = world;
  if (personas.length === 0) throw new ExperimentError(['personas: at least one base profile is needed']);
  const rng = createRng(exp.run.seed);
  const drafts: PostDraft[] = [];
  const perStrategy: { minutes: number[]; first: number; draft: PostDraft }[] = [];
  for (const s of exp.strategies) {
    const draft = draftOf(s.post, catalog);
    const minutes = scheduleMinutes(s);
    perStrategy.push({ minutes, first: drafts.length, draft });
    for (let k = 0; k < minutes.length; k++) drafts.push(draft);
  }
  const items = buildWorldItems(catalog, drafts);
  const pop = buildPopulation({ n: exp.users, bases: personas, topicIds: items.topicIds }, rng);
  let graph: SocialGraph;
  if (world.edges) {
    graph = parseEdgeList(world.edges.text, pop.n, items.creatorIds, world.edges.fileName);
    // An empty file (or a header and comments only) ran on a graph with no tie and no
    // follower (nothing shared on, no follower audience), unsaid.
    if (graph.userEdges === 0 && graph.creatorFollowers.to.length === 0) {
      throw new EdgeListError([`${world.edges.fileName}: the file has no edges (one "source,target,kind" line per edge); without a file the graph is generated`]);
    }
  } else {
    const you = items.creatorIds.indexOf(NEW_CREATOR);
    const composed = exp.strategies.map((s) => s.post).find((p) => !('itemId' in p));
    const extra: Edge[] = [];
    if (you >= 0 && composed && !('itemId' in composed)) {
      for (const u of newCreatorFollowers(pop, composed.topic, exp.followers, rng.fork('followers'))) extra.push({ a: u, b: you, kind: FOLLOW });
    }
    graph = generateGraph(pop, items.creatorIds, { creatorTopic: items.creatorTopic, creatorWeight: items.creatorWeight, extraCreatorFollows: extra }, rng);
  }
  const built = buildRun({ ...exp.run, users: { kind: 'population', size: personas.length } }, { catalog, users: world.users ?? personas, personas });
  const lastMin = Math.max(...perStrategy.map((p) => p.minutes[0] + 10080));
  const oon: OonPools = await buildOonPools(built.recommender, personas, items, Math.ceil(lastMin / 1440) + 1, 120, rng.fork('oon'));
  const response = { kind: 'rule' as const, params: resolveParams(exp.run.simulator.params) };
  const strategies = exp.strategies.map((s, si): PreparedStrategy => {
    const ps = perStrategy[si];
    const focusCreator = items.creatorIds.indexOf(ps.draft.creator ?? NEW_CREATOR);
    let audience: 'followers' | Int32Array;
    if (s.audience.kind === 'followers') audience = 'followers';
    else if (s.audience.kind === 'general') audience = sample(pop.n, s.audience.size, rng.fork(`audience-${si}`));
    else audience = targetUsers(pop, s.audience);
    const posts: PostPlan[] = ps.minutes.map((m, k) => ({ item: items.catalogCount + ps.first + k, publishMin: m, audience }));
    const setup: WeekSetup = { pop, graph, items, response, oon, focusCreator, posts };
    let audienceSize: number;
    if (audience === 'followers') {
      const f = graph.creatorFollowers;
      audienceSize = focusCreator >= 0 ? f.offsets[focusCreator + 1] - f.offsets[focusCreator] : 0;
    } else audienceSize = audience.length;
    return { strategy: s, setup, postItems: posts.map((p) => p.item), firstPublishMin: ps.minutes[0], endMin: ps.minutes[0] + 10080, audienceSize };
  });
  return { experiment: exp, items, pop, graph, strategies };
}
