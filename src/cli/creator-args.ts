/**
 * Options of `npm run creator`: flags into a creator experiment (src/core/creator). Bad
 * flags are a UsageError naming the flag (exit code 2).
 */
import { parseArgs } from 'node:util';
import { checkInputFile, readInputFile, rejectDuplicateKeys } from './input-file';
import { rejectRepeatedFlags } from './repeated-flags';
import { sameFile } from './output-path';
import { AGE_BANDS, REGIONS } from '../core/population/demographics';
import { mostDrawnFrom, PostSchema } from '../core/creator/experiment';
import { UsageError } from './simulate-args';

/** The largest --edges file read (an edge list of a few million edges). */
export const EDGES_MAX_BYTES = 256_000_000;

export const CREATOR_HELP = `npm run creator -- (--post post.json | --item ID) [options]

Test the waters: post to a simulated population for a week, R seeded replicates.
  --post FILE          a post as JSON: {"title","topic","format","durationSec","description"}
  --item ID            post a catalog item anew (its creator's followers are the audience)
  --audience A         followers (default) | general[:SIZE] | target:AGE[,AGE]:REGION[,REGION][:TOPIC]
                       (a general SIZE is at most --users; bare general: 500, or --users when smaller)
                       AGE: ${AGE_BANDS.join(' ')}  REGION: ${REGIONS.join(' ')}  (use "any" for either)
  --hour H             hour of day of the first post, 0..23 (default 18)
  --schedule S         once (default) | daily | three-a-day
  --compare-schedule S a second strategy: the same post on another schedule
  --variant FILE       a second strategy: another post (same audience and time)
  --replicates R       default 100 (stops early once the 95% interval of mean 1-week views < 5% of the median)
  --users N            population size, default 2000 (at most 100000)
  --followers N        followers of a new creator, at most --users   [default: 200, or --users when smaller]
  --seed N             default 42
  --recommender NAME   the out-of-network recommender, default popular
  --catalog ID|DIR     built-in catalog id or a MovieLens folder (its users are the population's bases)
  --edges FILE         social graph as an edge-list CSV (source,target,kind) instead of the generated one
  --json               print one JSON object
  --quiet              no progress on stderr`;

export interface CreatorOptions {
  help: boolean;
  json: boolean;
  quiet: boolean;
  catalog: string;
  edges?: string;
  experiment: Record<string, unknown>;
}

function int(name: string, v: string | undefined, def: number, min: number, max: number): number {
  if (v === undefined) return def;
  if (!/^-?\d+$/.test(v)) throw new UsageError(`--${name} "${v}" is not a whole number`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`--${name} ${n} is out of range (${min}..${max})`);
  return n;
}

function readJson(flag: string, path: string): unknown {
  // A post is a few hundred bytes; a pipe or a device is refused (it was read forever).
  const text = readInputFile(flag, path, 1_000_000);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--${flag} ${path}: invalid JSON (${(e as Error).message})`);
  }
  rejectDuplicateKeys(flag, path, text);
  return v;
}

/**
 * A post file checked field by field: as one side of a union every mistake was said as
 * "strategies.0.post: Invalid input" (a format of "video", a duration of 1e9, a misspelt key).
 */
function readPost(flag: string, path: string): unknown {
  const post = readJson(flag, path);
  if (!post || typeof post !== 'object' || Array.isArray(post)) throw new UsageError(`--${flag} ${path}: must hold one JSON object: a post {"title", "topic", ...} or {"itemId"}`);
  const r = PostSchema.options['itemId' in post ? 0 : 1].safeParse(post);
  if (!r.success) throw new UsageError(`--${flag} ${path}: ${r.error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ')}`);
  return post;
}

/** Parse an --audience value. */
export function parseAudience(v: string): Record<string, unknown> {
  if (v === 'followers') return { kind: 'followers' };
  if (v === 'general' || v.startsWith('general:')) {
    const size = v === 'general' ? 500 : int('audience general size', v.slice(8), 500, 1, 100_000);
    return { kind: 'general', size };
  }
  if (v.startsWith('target:')) {
    const [, ages = 'any', regions = 'any', interest = ''] = v.split(':');
    const list = (s: string, allowed: readonly string[], what: string) => {
      if (s === 'any' || s === '') return [];
      return s.split(',').map((x) => {
        const hit = allowed.find((a) => a.toLowerCase() === x.trim().toLowerCase());
        if (!hit) throw new UsageError(`--audience: unknown ${what} "${x}" (known: ${allowed.join(', ')})`);
        return hit;
      });
    };
    return { kind: 'target', ages: list(ages, AGE_BANDS, 'age band'), regions: list(regions, REGIONS, 'region'), interest };
  }
  throw new UsageError(`--audience "${v}": expected followers, general[:SIZE] or target:AGE:REGION[:TOPIC]`);
}

export function parseCreatorArgs(argv: string[]): CreatorOptions {
  let v;
  rejectRepeatedFlags(argv);
  try {
    v = parseArgs({
      args: argv,
      options: {
        help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, quiet: { type: 'boolean' },
        post: { type: 'string' }, item: { type: 'string' }, variant: { type: 'string' },
        audience: { type: 'string' }, hour: { type: 'string' }, schedule: { type: 'string' }, 'compare-schedule': { type: 'string' },
        replicates: { type: 'string' }, users: { type: 'string' }, followers: { type: 'string' }, seed: { type: 'string' },
        recommender: { type: 'string' }, catalog: { type: 'string' }, edges: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const base = { help: !!v.help, json: !!v.json, quiet: !!v.quiet, catalog: v.catalog ?? 'shortvideo', edges: v.edges };
  if (v.help) return { ...base, experiment: {} };
  // Checked now, read after the catalog loads: a missing file was found only then, as a bare ENOENT.
  if (v.edges !== undefined) checkInputFile('edges', v.edges, EDGES_MAX_BYTES);
  // An emptied --post= (or --item=) beside the other flag was skipped as if not given: refused by name.
  for (const f of ['post', 'item'] as const) {
    if (v[f] !== undefined && v[f]!.trim() === '') throw new UsageError(`--${f} is empty: give ${f === 'post' ? 'a post JSON file' : 'a catalog item id'}`);
  }
  if (!v.post === !v.item) throw new UsageError('give exactly one of --post FILE or --item ID');
  const post = v.post ? readPost('post', v.post) : { itemId: v.item };
  const schedules = ['once', 'daily', 'three-a-day'];
  for (const f of ['schedule', 'compare-schedule'] as const) {
    if (v[f] !== undefined && !schedules.includes(v[f]!)) throw new UsageError(`--${f} "${v[f]}": expected ${schedules.join(', ')}`);
  }
  const first = {
    label: 'A',
    post,
    audience: parseAudience(v.audience ?? 'followers'),
    postHour: int('hour', v.hour, 18, 0, 23),
    schedule: v.schedule ?? 'once',
  };
  const strategies: Record<string, unknown>[] = [first];
  if (v.variant !== undefined && v['compare-schedule']) throw new UsageError('give at most one of --variant and --compare-schedule');
  // B as A again compared a strategy with itself (a B - A of noise), unsaid.
  if (v['compare-schedule'] !== undefined && v['compare-schedule'] === first.schedule) {
    throw new UsageError(`--compare-schedule ${first.schedule} is the first strategy's schedule already (--schedule ${first.schedule}); name another to compare`);
  }
  if (v.variant && v.post && sameFile(v.variant, v.post)) throw new UsageError('--variant names the --post file: both strategies would post the same; give another post');
  // An emptied --variant= is read (and refused as a file), not skipped: it ran A alone, unsaid.
  if (v.variant !== undefined) strategies.push({ ...first, label: 'B', post: readPost('variant', v.variant) });
  if (v['compare-schedule']) strategies.push({ ...first, label: 'B', schedule: v['compare-schedule'] });
  // Followers and a general sample are drawn from the population: more than its users ran on
  // all of them without a word (core's mostDrawnFrom, which the Creator lab's form checks too). The default 200
  // followers become the whole population when it is smaller.
  const users = int('users', v.users, 2000, 1, 100_000);
  const followers = v.followers === undefined ? Math.min(200, users) : int('followers', v.followers, 200, 0, 100_000);
  if (followers > mostDrawnFrom(users)) throw new UsageError(`--followers ${followers} is more than the population's ${users} users (--users)`);
  // A composed post goes from a new creator to its --followers: with none, every replicate is 0.
  // --followers is the new creator's: it was ignored without a word where no composed post
  // comes from one (only --item: the item's creator keeps the graph's followers) or where
  // the graph is a file's (--edges).
  if (v.followers !== undefined) {
    if (v.edges !== undefined) throw new UsageError("--followers is not read with --edges: the graph, followers included, is the file's");
    const composed = strategies.some((s) => !s.post || typeof s.post !== 'object' || !('itemId' in s.post));
    if (!composed) throw new UsageError("--followers sets the followers of a new creator (a composed --post or --variant); --item posts as the item's own creator, who keeps the graph's followers");
  }
  if (v.post && first.audience.kind === 'followers' && followers === 0) {
    throw new UsageError('--followers 0 with --audience followers: a new creator with no followers reaches nobody (every figure would be 0); give followers or another --audience');
  }
  if (first.audience.kind === 'general') {
    // A bare `general` takes 500 users, or the whole population when it is smaller.
    if (v.audience === 'general') first.audience.size = Math.min(500, users);
    const sample = Number(first.audience.size);
    if (sample > mostDrawnFrom(users)) throw new UsageError(`--audience general:${sample}: the sample is more than the population's ${users} users (--users)`);
  }
  return {
    ...base,
    experiment: {
      users,
      followers,
      replicates: int('replicates', v.replicates, 100, 1, 1000),
      run: { seed: int('seed', v.seed, 42, 0, 2 ** 31 - 1), recommender: { name: v.recommender ?? 'popular' }, catalog: base.catalog.includes('/') ? 'dataset' : base.catalog },
      strategies,
    },
  };
}
