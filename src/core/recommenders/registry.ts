/**
 * The traditional recommenders under their short stable names. Every one is created
 * unfitted: call `fit(data, rng)` (with the catalog and the training users) before
 * `recommend`. None follows instructions.
 */
import { Registry } from '../registry';
import type { Recommender } from '../types';
import { createContent } from './content';
import { createEmbedding } from './embedding';
import { createItemKnn } from './item-knn';
import { createLinUcb } from './linucb';
import { createMfBpr } from './mf-bpr';
import { createPopular } from './popular';
import { createRandom } from './random';
import { createTrending } from './trending';
import { RECOMMENDER_PARAMS } from './params';
import { createRlPolicy } from '../rl/rl-recommender';

/** Factory signature: options come from URLs, the CLI or the UI (unknown keys are ignored). */
export type RecommenderFactory = (options?: Record<string, unknown>) => Recommender;

export const recommenders = new Registry<RecommenderFactory>('recommender')
  .register({
    name: 'random',
    params: RECOMMENDER_PARAMS['random'],
    label: 'Random',
    description: 'Unseen items drawn uniformly at random from the seeded rng; the floor to beat.',
    create: () => createRandom(),
  })
  .register({
    name: 'popular',
    params: RECOMMENDER_PARAMS['popular'],
    label: 'Most popular',
    description: 'The same list for everyone: items with the most likes, shares and comments (blended with training engagement).',
    create: (o) => createPopular(o),
  })
  .register({
    name: 'trending',
    params: RECOMMENDER_PARAMS['trending'],
    label: 'Trending',
    description: 'Engagement with a 3-day half-life against the catalog clock: fresh items with a strong start first.',
    create: (o) => createTrending(o),
  })
  .register({
    name: 'content',
    params: RECOMMENDER_PARAMS['content'],
    label: 'Content-based',
    description: "TF-IDF similarity of items' titles, descriptions, tags, topics and creators to what the user engaged with.",
    create: (o) => createContent(o),
  })
  .register({
    name: 'item-knn',
    params: RECOMMENDER_PARAMS['item-knn'],
    label: 'Item-kNN',
    description: 'Collaborative filtering: items other users engaged with alongside the ones this user liked.',
    create: (o) => createItemKnn(o),
  })
  .register({
    name: 'mf-bpr',
    params: RECOMMENDER_PARAMS['mf-bpr'],
    label: 'Matrix factorisation (BPR)',
    description: 'Latent factors learned with Bayesian Personalised Ranking from all users’ interactions.',
    create: (o) => createMfBpr(o),
  })
  .register({
    name: 'linucb',
    params: RECOMMENDER_PARAMS['linucb'],
    label: 'LinUCB bandit',
    description: 'A contextual bandit that learns from this user’s engagement as it goes, exploring topics it is unsure about.',
    create: (o) => createLinUcb(o),
  })
  .register({
    name: 'embedding',
    params: [
      { name: 'lambda', label: 'Relevance vs variety (MMR λ)', type: 'number', default: 0.7, min: 0, max: 1, help: '1 ranks by similarity alone; lower values trade relevance for variety in the list.' },
    ],
    label: 'Embedding (MMR)',
    description: 'Cosine similarity of item embeddings to the user’s engaged items, picked by maximal marginal relevance for variety.',
    create: (o) => createEmbedding(o),
  })
  .register({
    name: 'rl-policy',
    params: [],
    label: 'RL slate policy',
    description: 'A softmax slate policy over item and user features, trained with REINFORCE on session length and return probability (npm run train).',
    create: (o) => createRlPolicy(o),
  });
