/**
 * The catalog and users of a CLI run: a built-in catalog with the personas (then seeded
 * variants of them), or a MovieLens folder with the profiles built from its users.
 */
import { stat } from 'node:fs/promises';
import { BUILTIN_CATALOGS, loadBuiltinCatalog, loadBuiltinPersonas } from '../core/catalog/builtin';
import { importMovieLens } from '../core/catalog/movielens';
import { ensureResponseModel } from '../core/run/dataset-world';
import type { Catalog, UserProfile } from '../core/types';
import { personasThenPopulation } from '../core/users/population';
import { readDatasetFolder } from './read-dataset';
import { UsageError } from './simulate-args';

export interface World {
  catalog: Catalog;
  /** The users to simulate, in order. */
  users: UserProfile[];
  /** What trainable recommenders learn from (all known users; held-out data stays out). */
  training: UserProfile[];
  source: 'builtin' | 'movielens';
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Load the world of a run. An unknown catalog id that is not a folder is a UsageError;
 * a malformed dataset is the importer's ImportError (file and line named).
 */
export async function loadWorld(catalogArg: string, nUsers: number, seed: number): Promise<World> {
  if (BUILTIN_CATALOGS.some((c) => c.id === catalogArg)) {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog(catalogArg), loadBuiltinPersonas()]);
    const users = personasThenPopulation(personas, nUsers, seed);
    return { catalog, users, training: users.length >= personas.length ? users : personas, source: 'builtin' };
  }
  if (!(await isDirectory(catalogArg))) {
    throw new UsageError(
      `--catalog "${catalogArg}" is neither a built-in catalog (${BUILTIN_CATALOGS.map((c) => c.id).join(', ')}) nor a MovieLens folder`,
    );
  }
  const files = await readDatasetFolder(catalogArg);
  const imported = importMovieLens(files);
  // Movies of real users are judged by the learned response model, fitted as every entry
  // point fits it (core/run/dataset-world.ts, docs/movielens.md).
  ensureResponseModel(imported.catalog, imported.users);
  if (nUsers > imported.users.length) {
    throw new UsageError(`--users ${nUsers}: the dataset in ${catalogArg} has only ${imported.users.length} users`);
  }
  return { catalog: imported.catalog, users: imported.users.slice(0, nUsers), training: imported.users, source: 'movielens' };
}

/** The data a run description's catalog reference resolves to in the CLI (for `buildRun`). */
export interface RunWorldLoaded {
  catalog: Catalog;
  /** Known users: the personas (built-in catalog) or the dataset's users. */
  users: UserProfile[];
  /** The personas (built-in catalogs only): the base of population variants. */
  personas?: UserProfile[];
  source: 'builtin' | 'movielens';
}

/**
 * Load what a description's `catalog` names: a built-in catalog with the personas, or a
 * MovieLens folder with its users. Same errors as `loadWorld`.
 */
export async function loadRunWorld(catalogArg: string): Promise<RunWorldLoaded> {
  if (BUILTIN_CATALOGS.some((c) => c.id === catalogArg)) {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog(catalogArg), loadBuiltinPersonas()]);
    return { catalog, users: personas, personas, source: 'builtin' };
  }
  if (!(await isDirectory(catalogArg))) {
    throw new UsageError(
      `--catalog "${catalogArg}" is neither a built-in catalog (${BUILTIN_CATALOGS.map((c) => c.id).join(', ')}) nor a MovieLens folder`,
    );
  }
  const imported = importMovieLens(await readDatasetFolder(catalogArg));
  // Movies of real users are judged by the learned response model, fitted as every entry
  // point fits it (core/run/dataset-world.ts, docs/movielens.md).
  ensureResponseModel(imported.catalog, imported.users);
  return { catalog: imported.catalog, users: imported.users, source: 'movielens' };
}
