/**
 * The user's own recommenders, listed beside the built-ins in the recommender menus (Live,
 * Compare, Batch, the leaderboard). HTTP ones (`http(s)://...`) are kept in localStorage,
 * so they are there after a reload; module ones (`module:NAME`) live only as long as their
 * Worker, that is this page. Importing this module also installs the page's HTTP transport
 * (fetch), so a URL name from a link runs in Live and Compare without a check first.
 */
import { httpNameProblem, isHttpName, isModuleName, setHttpEndpointFactory } from '../../core/recommenders/remote/external';
import { fetchEndpoint } from '../../remote/fetch-endpoint';
import { revealBidi } from '../../core/bidi';
import { hasCredentials, redactUrl } from '../../llm/redact';

setHttpEndpointFactory((u) => fetchEndpoint(u));

/** localStorage key (versioned: a new shape gets a new key). */
export const MY_RECOMMENDERS_KEY = 'recoworld.myRecommenders.v1';
/** At most this many are kept (oldest dropped first). */
export const MAX_MY_RECOMMENDERS = 20;

/** One of the user's recommenders as a menu entry. */
export interface MyRecommender {
  name: string;
  label: string;
}

/**
 * The menu label of an external name: "yours: 127.0.0.1:8001/recommend", "yours: my-rec (module)".
 * An <option> holds no markup, so a bidirectional control in the name (a module's declared
 * name, a link's URL) is revealed as `[U+202E]` rather than obeyed.
 */
export function labelOf(name: string): string {
  if (isModuleName(name)) return `yours: ${revealBidi(name.slice('module:'.length))} (module)`;
  return `yours: ${revealBidi(name.replace(/^https?:\/\//i, ''))}`;
}

type Store = Pick<Storage, 'getItem' | 'setItem'> | undefined;

/** The stored list, and why stored URLs were dropped ("URL: reason"). */
function readStored(storage: Store): { list: MyRecommender[]; dropped: string[] } {
  const dropped: string[] = [];
  try {
    const v = JSON.parse(storage?.getItem(MY_RECOMMENDERS_KEY) ?? '[]') as unknown;
    if (!Array.isArray(v)) return { list: [], dropped };
    // Anything of another shape, or a URL no longer accepted (credentials, a "+follow"
    // ending...), is dropped, and a repeat is kept once: the menus key their entries by name.
    const names: string[] = [];
    for (const x of v) {
      if (typeof x !== 'string') continue;
      const problem = httpNameProblem(x);
      if (problem) {
        // Said, but never with a password in it (the notice is on screen): a URL with
        // credentials is named redacted, one with a space by its (redacted) address.
        if (isHttpName(x)) dropped.push(`${x}: ${problem}`);
        else if (hasCredentials(x) || /^https?:\/\/[^/?#]*@/i.test(x)) dropped.push(`${redactUrl(x)}: it carried a user name or password (user:password@), which links and History would leak; add it again without one`);
        else if (/^https?:\/\//i.test(x)) dropped.push(`${redactUrl(x)}: ${problem}`);
        continue;
      }
      if (!names.includes(x)) names.push(x);
    }
    return { list: names.slice(-MAX_MY_RECOMMENDERS).map((name) => ({ name, label: labelOf(name) })), dropped };
  } catch {
    return { list: [], dropped };
  }
}

/** The list, reactive; `add`/`remove` keep localStorage in step for HTTP names. */
export class MyRecommenders {
  list = $state<MyRecommender[]>([]);
  /** Stored URLs dropped on loading, each "URL: why" (for a notice). */
  dropped: string[] = [];
  #storage: Store;

  constructor(storage: Store = globalThis.localStorage) {
    this.#storage = storage;
    const { list, dropped } = readStored(storage);
    this.list = list;
    this.dropped = dropped;
    // Saved without them, so the notice is said once, not on every load.
    if (dropped.length) this.#save();
  }

  /** Add a checked recommender (an HTTP URL or a loaded `module:NAME`); throws why a URL is refused. */
  add(name: string): void {
    if (!isModuleName(name)) {
      const problem = httpNameProblem(name);
      if (problem) throw new Error(`Cannot add ${name}: ${problem}`);
    }
    const rest = this.list.filter((r) => r.name !== name);
    this.list = [...rest, { name, label: labelOf(name) }].slice(-MAX_MY_RECOMMENDERS);
    this.#save();
  }

  /** Forget one. */
  remove(name: string): void {
    this.list = this.list.filter((r) => r.name !== name);
    this.#save();
  }

  /** The menu entries, plus `current` when it is an external name not in the list (from a link). */
  options(current?: string): MyRecommender[] {
    if (current && (isHttpName(current) || isModuleName(current)) && !this.list.some((r) => r.name === current)) {
      return [...this.list, { name: current, label: labelOf(current) }];
    }
    return this.list;
  }

  #save(): void {
    try {
      this.#storage?.setItem(MY_RECOMMENDERS_KEY, JSON.stringify(this.list.filter((r) => isHttpName(r.name)).map((r) => r.name)));
    } catch {
      // Storage full or blocked: the list still works for this page; nothing else to lose.
    }
  }
}

/** The page's one list. */
export const myRecommenders = new MyRecommenders();

/**
 * `builtins` plus the user's HTTP recommenders (the leaderboard's bases). Module ones are
 * left out: they run in their own Worker on the page, which the leaderboard worker cannot reach.
 */
export function withMyHttpRecommenders(builtins: string[], list: MyRecommender[] = myRecommenders.list): string[] {
  return [...builtins, ...list.map((r) => r.name).filter((n) => isHttpName(n) && !builtins.includes(n))];
}
