/**
 * importSeconds and trainSeconds on ml-latest-small, when ../shared/datasets/ml-latest-small
 * exists (skipped otherwise): reading and importing the folder, and `fit` of every
 * recommender that has one on the imported catalog and users (history part only).
 */
import { existsSync } from 'node:fs';
import { importMovieLens } from '../../src/core/catalog/movielens';
import { recommenders } from '../../src/core/recommenders/registry';
import { createRng } from '../../src/core/rng';
import { readDatasetFolder } from '../../src/cli/read-dataset';
import { ML_LATEST_SMALL, now, round, type SectionResult } from './common';

export const title = 'MovieLens ml-latest-small';

export async function run(): Promise<SectionResult> {
  if (!existsSync(ML_LATEST_SMALL)) return { movielens: 'skipped: ../shared/datasets/ml-latest-small not found' };
  const t0 = now();
  const files = await readDatasetFolder(ML_LATEST_SMALL);
  const t1 = now();
  const imported = importMovieLens(files);
  const t2 = now();
  const trainSeconds: Record<string, number> = {};
  for (const name of recommenders.names()) {
    const rec = recommenders.get(name).create();
    if (!rec.fit) continue;
    const tf = now();
    rec.fit({ catalog: imported.catalog, users: imported.users }, createRng(1));
    trainSeconds[name] = round((now() - tf) / 1000);
  }
  return {
    importSeconds: round((t2 - t0) / 1000),
    importParseSeconds: round((t2 - t1) / 1000),
    movielensItems: imported.catalog.items.length,
    movielensUsers: imported.users.length,
    trainSeconds,
  };
}
