/**
 * Names of recommenders that live outside the playground, usable wherever a built-in's
 * name is (Live, Compare, Batch, the leaderboard, the CLI), with "+follow" too:
 *   - `http://HOST:PORT/PATH` or `https://...`: an HTTP server speaking the common API;
 *   - `module:NAME`: a JavaScript module loaded by the adapter (the CLI imports the file,
 *     the app runs it in its own Worker) and registered here under NAME.
 *
 * The core opens no connection itself: the adapter installs how HTTP is reached
 * (`setHttpEndpointFactory`) and registers loaded modules (`registerModuleEndpoint`).
 */
import type { Recommender } from '../../types';
import { RemoteRecommender, type RecommenderEndpoint, type RemoteOptions } from './remote-recommender';

/** Prefix of module recommenders' names. */
export const MODULE_PREFIX = 'module:';

type EndpointFactory = () => RecommenderEndpoint;

let httpFactory: ((url: string) => RecommenderEndpoint) | null = null;
const modules = new Map<string, EndpointFactory>();

/** Longest URL name accepted (a link carries it). */
export const MAX_URL_NAME = 2000;

/**
 * True for an `http:`/`https:` URL name: a host, no spaces, at most MAX_URL_NAME
 * characters, and no credentials (`user:pass@host`): a name travels in links, History and
 * exports, so a password in it would leak.
 */
export function isHttpName(name: string): boolean {
  if (name.length > MAX_URL_NAME) return false;
  const m = /^https?:\/\/([^\s/?#]+)([/?#][^\s]*)?$/i.exec(name);
  return !!m && !m[1].includes('@');
}

/** Why `name` is not a usable HTTP recommender name (null when it is). */
export function httpNameProblem(name: string): string | null {
  if (!/^https?:\/\//i.test(name)) return 'the URL must start with http:// or https://';
  if (name.length > MAX_URL_NAME) return `the URL is longer than ${MAX_URL_NAME} characters`;
  if (/\s/.test(name)) return 'the URL contains spaces';
  const host = /^https?:\/\/([^/?#]*)/i.exec(name)?.[1] ?? '';
  if (host.includes('@')) return 'the URL carries credentials (user:password@): links and History would leak them; use a server that needs none, or one on 127.0.0.1';
  if (!host) return 'the URL has no host';
  // Menus, links, run descriptions and the CLI read "X+follow" as X with instruction
  // following: a URL ending in it, saved or run, would contact X, another URL.
  if (FOLLOW_END.test(name)) return `the URL ends in "+follow", which menus and links read as ${name.replace(FOLLOW_END, '')} with instruction following; serve the recommender at another path`;
  return null;
}

/** The suffix that asks for instruction following ("content+follow", "http://.../rec+follow"). */
const FOLLOW_END = /\+follow$/;

/** True for a `module:NAME` name. */
export function isModuleName(name: string): boolean {
  return name.startsWith(MODULE_PREFIX) && name.length > MODULE_PREFIX.length;
}

/**
 * True for any external base name (whether or not it can be created here). A URL ending in
 * "+follow" is not one: as a base it would be read back as another URL with instruction following.
 */
export function isExternalName(name: string): boolean {
  return (isHttpName(name) && !FOLLOW_END.test(name)) || isModuleName(name);
}

/** Install how HTTP recommenders are reached here (fetch in the browser and in Node). */
export function setHttpEndpointFactory(factory: ((url: string) => RecommenderEndpoint) | null): void {
  httpFactory = factory;
}

/** Register a loaded module under `module:NAME` (replacing an earlier one of that name). */
export function registerModuleEndpoint(name: string, factory: EndpointFactory): string {
  const full = name.startsWith(MODULE_PREFIX) ? name : `${MODULE_PREFIX}${name}`;
  if (!isModuleName(full) || /\+follow$/.test(full)) throw new Error(`Module recommender name ${JSON.stringify(name)} is not usable`);
  modules.set(full, factory);
  return full;
}

/** Forget a registered module. */
export function unregisterModuleEndpoint(name: string): void {
  modules.delete(name);
}

/** The registered module names (for menus). */
export function moduleNames(): string[] {
  return [...modules.keys()];
}

/** True when `name` is an external name that can be created here. */
export function canCreateExternal(name: string): boolean {
  if (isHttpName(name)) return httpFactory !== null;
  return modules.has(name);
}

/**
 * Create the external recommender `name` (unfitted); null when the name is not external.
 * An external name that cannot be reached from here is a clear error.
 */
export function createExternalRecommender(name: string, options?: Record<string, unknown>): Recommender | null {
  if (!isExternalName(name)) return null;
  const opts: RemoteOptions = {};
  const t = Number(options?.timeoutMs);
  if (Number.isFinite(t) && t > 0) opts.timeoutMs = t;
  const ft = Number(options?.fitTimeoutMs);
  if (Number.isFinite(ft) && ft > 0) opts.fitTimeoutMs = ft;
  if (isHttpName(name)) {
    if (!httpFactory) throw new Error(`Recommender ${name}: HTTP recommenders are not available here (no HTTP transport installed)`);
    return new RemoteRecommender(httpFactory(name), opts);
  }
  const f = modules.get(name);
  if (!f) {
    const known = moduleNames();
    throw new Error(`Recommender ${name} is not loaded${known.length ? ` (loaded: ${known.join(', ')})` : ''}: load the module first`);
  }
  return new RemoteRecommender(f(), opts);
}
