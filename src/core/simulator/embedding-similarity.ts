/**
 * Optional embedding similarity for the rule-based simulator: when item vectors are given
 * (`createRuleBasedSimulator({ itemVectors })`), "related topic" also counts topics whose
 * item centroids are close (not only the catalog's hand-written topic graph), and an item
 * nearly identical to one already seen this session is "seen something similar". Without
 * vectors nothing changes.
 */
import type { ItemVectors } from '../embed/vectors';
import type { Catalog } from '../types';

export interface SimilarityOptions {
  /** Cosine between topic centroids for topics to count as related. Default 0.6. */
  topicThreshold?: number;
  /** Cosine between two items for "seen something similar". Default 0.97. */
  duplicateThreshold?: number;
  /** Related topics kept per topic. Default 3. */
  maxRelated?: number;
}

export class EmbeddingSimilarity {
  private readonly pos: Map<string, number>;
  private readonly related = new Map<string, string[]>();
  private readonly dupAt: number;

  constructor(private readonly v: ItemVectors, catalog: Catalog, opts: SimilarityOptions = {}) {
    this.pos = new Map(v.ids.map((id, i) => [id, i]));
    this.dupAt = opts.duplicateThreshold ?? 0.97;
    const byTopic = new Map<string, Float64Array>();
    for (const it of catalog.items) {
      const p = this.pos.get(it.id);
      if (p === undefined) continue;
      const c = byTopic.get(it.topic) ?? new Float64Array(v.dim);
      for (let d = 0; d < v.dim; d++) c[d] += v.data[p * v.dim + d];
      byTopic.set(it.topic, c);
    }
    const topics = [...byTopic.keys()].sort();
    const unit = new Map(topics.map((t) => {
      const c = byTopic.get(t)!;
      const n = Math.hypot(...c) || 1;
      return [t, c.map((x) => x / n)] as const;
    }));
    const at = opts.topicThreshold ?? 0.6;
    for (const a of topics) {
      const sims: [string, number][] = [];
      for (const b of topics) {
        if (a === b) continue;
        let s = 0;
        const ca = unit.get(a)!;
        const cb = unit.get(b)!;
        for (let d = 0; d < v.dim; d++) s += ca[d] * cb[d];
        if (s >= at) sims.push([b, s]);
      }
      sims.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
      this.related.set(a, sims.slice(0, opts.maxRelated ?? 3).map(([t]) => t));
    }
  }

  /** Topics whose centroids are close to `topic`, most similar first. */
  relatedTopics(topic: string): readonly string[] {
    return this.related.get(topic) ?? [];
  }

  /** True when `itemId` is nearly identical (cosine >= the threshold) to one of `seen`. */
  nearDuplicate(itemId: string, seen: readonly string[]): boolean {
    const a = this.pos.get(itemId);
    if (a === undefined) return false;
    const { data, dim } = this.v;
    for (const id of seen) {
      const b = this.pos.get(id);
      if (b === undefined || b === a) continue;
      let s = 0;
      for (let d = 0; d < dim; d++) s += data[a * dim + d] * data[b * dim + d];
      if (s >= this.dupAt) return true;
    }
    return false;
  }
}
