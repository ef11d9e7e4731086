/**
 * `rl-policy`: the trained softmax slate policy (policy.ts) as a recommender. It draws
 * its slates from the policy with the rng it is given (as `random` does), so its lists are
 * reproducible for a seed; the stochastic policy is what training optimised (its greedy
 * top-k is more repetitive and keeps users for less time). The policy is the pretrained one shipped in static-data/rl-policy.json
 * unless options carry another (`{ policy: PolicyJson }`) or `setActivePolicy` installed
 * one in this thread (the Train view's "use this policy").
 */
import { buildCatalogIndex } from '../catalog/catalog-index';
import type { Observation, Recommender, Rng, Slate, TrainingData } from '../types';
import pretrained from '../../../static-data/rl-policy.json';
import { buildFeatureTables } from './features';
import { SlatePolicy, parsePolicyJson, type PolicyJson } from './policy';

let active: PolicyJson | null = null;

/** The policy `rl-policy` uses from now on in this thread (null: the shipped one). */
export function setActivePolicy(p: PolicyJson | null): void {
  active = p ? parsePolicyJson(p) : null;
}

/** The shipped, pretrained policy. */
export function pretrainedPolicy(): PolicyJson {
  return parsePolicyJson(pretrained);
}

/** The policy as a recommender; `sample` draws slates from it instead (training). */
export class RlPolicyRecommender implements Recommender {
  readonly name: string;
  readonly followsInstructions = false;
  private policy: SlatePolicy | null = null;
  private readonly json: PolicyJson;

  constructor(options?: { policy?: PolicyJson; name?: string }) {
    this.json = options?.policy ? parsePolicyJson(options.policy) : (active ?? pretrainedPolicy());
    this.name = options?.name ?? 'rl-policy';
  }

  fit(data: TrainingData, _rng: Rng): void {
    this.policy = new SlatePolicy(buildFeatureTables(buildCatalogIndex(data.catalog)), this.json.theta);
  }

  recommend(obs: Observation, k: number, rng: Rng): Slate {
    if (!this.policy) throw new Error(`Recommender "${this.name}": call fit(data, rng) before recommend()`);
    const items = this.policy.tables.index.catalog.items;
    return { itemIds: this.policy.act(obs, k, rng).positions.map((p) => items[p].id) };
  }
}

/** Factory for the registry (options other than `policy` are ignored). */
export function createRlPolicy(options?: Record<string, unknown>): RlPolicyRecommender {
  const p = options?.policy;
  return new RlPolicyRecommender(p && typeof p === 'object' ? { policy: p as PolicyJson } : undefined);
}
