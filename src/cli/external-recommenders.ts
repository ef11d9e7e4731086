/**
 * External recommenders in the CLI: installs the fetch transport (so `--recommender
 * http://127.0.0.1:PORT/...` works) and loads `--recommender-module FILE` options by
 * import in a thread of its own, registering each as `module:NAME`. Used by every CLI that takes a
 * recommender name, before its own option parsing.
 */
import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { registerModuleEndpoint, setHttpEndpointFactory } from '../core/recommenders/remote/external';
import { fetchEndpoint } from '../remote/fetch-endpoint';
import { moduleNameFromFile } from '../remote/module-endpoint';
import { loadModuleThread, type ModuleThread } from '../remote/module-thread-endpoint';
import { UsageError } from './simulate-args';

/** How long a recommender module may take to load (its top-level code), in ms. */
export const MODULE_LOAD_MS = 10_000;

/** The thread of each loaded module, by `module:NAME`. */
const threads = new Map<string, ModuleThread>();

/** Load a recommender module file in its own thread and register it; returns its `module:NAME`. */
export async function loadRecommenderModule(file: string): Promise<string> {
  const path = resolve(file);
  const st = await stat(path).catch(() => null);
  // A folder was said as "no such file" too (it exists: the user looked for a typo).
  if (st?.isDirectory()) throw new UsageError(`--recommender-module ${file}: is a folder; name the module's .mjs or .js file inside it`);
  if (!st?.isFile()) throw new UsageError(`--recommender-module ${file}: no such file`);
  // In its own thread (module-thread-endpoint.ts): a module stuck in a loop, at load or in a
  // call, is stopped at its deadline instead of hanging the command.
  // A deadline on the load too: a top-level await that never settles left nothing to wait
  // for, so Node exited with code 0 and no word, as if the command had run.
  const stop = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const e = new UsageError(`--recommender-module ${file} did not finish loading within ${MODULE_LOAD_MS / 1000} s (a top-level await that never settles, or a loop?); its thread was stopped`);
      stop.abort(e.message);
      reject(e);
    }, MODULE_LOAD_MS);
  });
  let thread: ModuleThread;
  try {
    thread = await Promise.race([loadModuleThread(path, file, stop.signal), deadline]);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const msg = (e as Error).message;
    // recommenderModuleOf's words already start with the file.
    throw new UsageError(msg.startsWith(file) ? `--recommender-module ${msg}` : `--recommender-module ${file} could not be loaded: ${msg}`);
  } finally {
    clearTimeout(timer);
  }
  const name = thread.declaredName ?? moduleNameFromFile(file);
  const full = `module:${name.replace(/^module:/, '')}`;
  // A module loaded again under the same name replaces the old one: its thread is stopped.
  threads.get(full)?.close(`${full} was loaded again`);
  threads.set(full, thread);
  return registerModuleEndpoint(name, () => thread.endpoint(full));
}

/**
 * Install HTTP recommenders and take the `--recommender-module FILE` options out of
 * `argv` (loading each). When no `--recommender` is given, the first module becomes it.
 * Returns the remaining arguments for the CLI's own parser; `loaded` receives each file and
 * its `module:NAME`.
 */
export async function prepareExternalRecommenders(argv: string[], loaded: { file: string; name: string }[] = []): Promise<string[]> {
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
  for (const f of files) {
    names.push(await loadRecommenderModule(f));
    loaded.push({ file: f, name: names[names.length - 1] });
  }
  const hasRecommender = rest.some((a) => a === '--recommender' || a.startsWith('--recommender='));
  if (names.length > 0 && !hasRecommender) rest.push('--recommender', names[0]);
  return rest;
}
