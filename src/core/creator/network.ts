/**
 * A sample of the population around the post, for the network view: the users who saw the
 * first post in replicate 0 (with when and through whom), the seeded audience, their
 * neighbours, then others, up to `size` users; links are the graph's ties among them plus
 * the share edges of the cascade. Plain data: d3-force lays it out, Svelte draws it.
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, type SimulationNodeDatum } from 'd3-force';
import type { Rng } from '../types';
import type { PreparedExperiment } from './prepare';
import type { Trace } from './replicate';

export interface NetworkNode {
  user: number;
  ageBand: number;
  region: number;
  community: string;
  /** Minutes after the post when they first saw it (-1: not in this replicate). */
  viewedAt: number;
  /** 1 when the post was seeded to them. */
  seeded: boolean;
}

export interface NetworkLink {
  /** Indices into `nodes`. */
  source: number;
  target: number;
  /** True for the edge a share travelled along. */
  share: boolean;
}

export interface NetworkSample {
  nodes: NetworkNode[];
  links: NetworkLink[];
  /** Layout in a NETWORK_WIDTH x NETWORK_HEIGHT box (d3-force, seeded), computed with the sample (in the worker). */
  x: number[];
  y: number[];
}

export const NETWORK_WIDTH = 640;
export const NETWORK_HEIGHT = 420;

/** Seeded force layout of a sample (d3-force computes; the view only draws). */
function layout(nodes: NetworkNode[], links: NetworkLink[], rng: Rng): { x: number[]; y: number[] } {
  const sim = forceSimulation(nodes.map((): SimulationNodeDatum => ({})))
    .randomSource(() => rng.next())
    .force('link', forceLink(links.map((l) => ({ source: l.source, target: l.target }))).distance(18).strength(0.25))
    .force('charge', forceManyBody().strength(-14))
    .force('center', forceCenter(NETWORK_WIDTH / 2, NETWORK_HEIGHT / 2))
    .force('collide', forceCollide(4))
    .stop();
  sim.tick(220);
  const pad = 8;
  const clampX = (v: number) => Math.round(Math.min(NETWORK_WIDTH - pad, Math.max(pad, v)) * 10) / 10;
  const clampY = (v: number) => Math.round(Math.min(NETWORK_HEIGHT - pad, Math.max(pad, v)) * 10) / 10;
  const ns = sim.nodes();
  return { x: ns.map((n) => clampX(n.x ?? 0)), y: ns.map((n) => clampY(n.y ?? 0)) };
}

/** Sample about `size` users (at least 300 when the population has them) around strategy s's post. */
export function networkSample(prep: PreparedExperiment, s: number, trace: Trace, size: number, rng: Rng): NetworkSample {
  const { pop, graph } = prep;
  const want = Math.min(pop.n, Math.max(300, size));
  const chosen: number[] = [];
  const index = new Map<number, number>();
  const add = (u: number) => {
    if (chosen.length >= want || index.has(u)) return;
    index.set(u, chosen.length);
    chosen.push(u);
  };
  const viewed = new Map<number, number>();
  trace.users.forEach((u, k) => viewed.set(u, trace.minutes[k]));
  for (let k = 0; k < trace.users.length && chosen.length < want * 0.7; k++) add(trace.users[k]);
  const audience = prep.strategies[s].setup.posts[0]?.audience;
  const seeded = new Set<number>();
  if (audience && audience !== 'followers') for (const u of audience) seeded.add(u);
  else {
    const c = prep.strategies[s].setup.focusCreator;
    if (c >= 0) for (let k = graph.creatorFollowers.offsets[c]; k < graph.creatorFollowers.offsets[c + 1]; k++) seeded.add(graph.creatorFollowers.to[k]);
  }
  for (const u of seeded) if (chosen.length < want * 0.8) add(u);
  for (let k = 0; k < chosen.length && chosen.length < want; k++) {
    const u = chosen[k];
    for (let q = graph.reach.offsets[u]; q < graph.reach.offsets[u + 1] && chosen.length < want; q++) if (rng.next() < 0.5) add(graph.reach.to[q]);
  }
  while (chosen.length < want) add(rng.int(pop.n));
  const nodes: NetworkNode[] = chosen.map((u) => ({
    user: u,
    ageBand: pop.ageBand[u],
    region: pop.region[u],
    community: pop.topicIds[pop.community[u]],
    viewedAt: viewed.get(u) ?? -1,
    seeded: seeded.has(u),
  }));
  const links: NetworkLink[] = [];
  const key = new Set<number>();
  const push = (a: number, b: number, share: boolean) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const k = lo * want + hi;
    if (a === b || key.has(k)) return;
    key.add(k);
    links.push({ source: a, target: b, share });
  };
  trace.users.forEach((u, k) => {
    const p = trace.parents[k];
    if (p >= 0 && index.has(u) && index.has(p)) push(index.get(p)!, index.get(u)!, true);
  });
  chosen.forEach((u, i) => {
    for (let q = graph.reach.offsets[u]; q < graph.reach.offsets[u + 1]; q++) {
      const j = index.get(graph.reach.to[q]);
      if (j !== undefined) push(i, j, false);
    }
  });
  return { nodes, links, ...layout(nodes, links, rng.fork('layout')) };
}
