/**
 * External recommenders in the CLI: installs the fetch transport (so `--recommender
 * http://127.0.0.1:PORT/...` works) and loads `--recommender-module FILE` options by
 * dynamic import, registering each as `module:NAME`. Used by every CLI that takes a
 * recommender name, before its own option parsing.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stat } from 'node:fs/promises';
import { registerModuleEndpoint, setHttpEndpointFactory } from '../core/recommenders/remote/external';
import { fetchEndpoint } from '../remote/fetch-endpoint';
import { moduleEndpoint, moduleNameFromFile, recommenderModuleOf } from '../remote/module-endpoint';
import { UsageError } from './simulate-args';

/** How long a recommender module may take to load (its top-level code), in ms. */
export const MODULE_LOAD_MS = 10_000;

/** Import a recommender module file and register it; returns its `module:NAME`. */
export async function loadRecommenderModule(file: string): Promise<string> {
  const path = resolve(file);
  try {
    if (!(await stat(path)).isFile()) throw new Error('not a file');
  } catch {
    throw new UsageError(`--recommender-module ${file}: no such file`);
  }
  let ns: Record<string, unknown>;
  // A deadline on the import: a top-level await that never settles left nothing to wait for,
  // so Node exited with code 0 and no word, as if the command had run.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UsageError(`--recommender-module ${file} did not finish loading within ${MODULE_LOAD_MS / 1000} s (a top-level await that never settles?)`)), MODULE_LOAD_MS);
  });
  try {
    ns = (await Promise.race([import(pathToFileURL(path).href), deadline])) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--recommender-module ${file} could not be loaded: ${(e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  let mod;
  try {
    mod = recommenderModuleOf(ns, file);
  } catch (e) {
    throw new UsageError(`--recommender-module ${(e as Error).message}`);
  }
  const name = mod.name ?? moduleNameFromFile(file);
  return registerModuleEndpoint(name, () => moduleEndpoint(mod, `module:${name.replace(/^module:/, '')}`));
}

/**
 * Install HTTP recommenders and take the `--recommender-module FILE` options out of
 * `argv` (loading each). When no `--recommender` is given, the first module becomes it.
 * Returns the remaining arguments for the CLI's own parser.
 */
export async function prepareExternalRecommenders(argv: string[]): Promise<string[]> {
  setHttpEndpointFactory((url) => fetchEndpoint(url));
  const rest: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--recommender-module') {
      const f = argv[i + 1];
      if (f === undefined || f.startsWith('--')) throw new UsageError('--recommender-module needs a file (an ES module, e.g. ./my-rec.mjs)');
      files.push(f);
      i++;
    } else if (a.startsWith('--recommender-module=')) {
      files.push(a.slice('--recommender-module='.length));
    } else rest.push(a);
  }
  const names: string[] = [];
  for (const f of files) names.push(await loadRecommenderModule(f));
  const hasRecommender = rest.some((a) => a === '--recommender' || a.startsWith('--recommender='));
  if (names.length > 0 && !hasRecommender) rest.push('--recommender', names[0]);
  return rest;
}
