/**
 * Reading a remote recommender's reply: JSON, the reply schema, then the slate rules the
 * built-ins honour (known ids, no duplicates, nothing already shown, exactly `k` items
 * unless fewer unshown items remain). Every violation is one plain sentence; all of them
 * are reported together so a user fixes their server in one round.
 */
import type { CatalogIndex } from '../../catalog/catalog-index';
import type { Slate } from '../../types';
import { recommendReplySchema, toPlan, type RecommendRequest } from './protocol';

/** A remote recommender broke the protocol (or could not be reached); `problems` in plain words. */
export class RemoteRecommenderError extends Error {
  override readonly name = 'RemoteRecommenderError';
  constructor(
    /** The recommender's name, e.g. "http://127.0.0.1:8000/recommend" or "module:my-rec". */
    readonly recommender: string,
    readonly problems: string[],
    /** True when the call got no reply within its deadline (later calls would wait the same). */
    readonly timedOut = false,
    /** For a call that got no reply: which call, and the deadline it was given. */
    readonly unanswered?: { op: string; timeoutMs: number },
  ) {
    super(`Recommender ${recommender}: ${problems.join('; ')}`);
  }
}

/** What an endpoint answered: text to parse (HTTP) or a value (a module). */
export type EndpointReply = { kind: 'text'; status: number; text: string } | { kind: 'value'; value: unknown };

/** Longest excerpt of a bad reply quoted in an error. */
const EXCERPT = 160;

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > EXCERPT ? `${t.slice(0, EXCERPT)}...` : t;
}

/** Parse a raw reply into a value; problems for a failed status or malformed JSON. */
export function replyValue(reply: EndpointReply): { value?: unknown; problems: string[] } {
  if (reply.kind === 'value') return { value: reply.value, problems: [] };
  if (reply.status < 200 || reply.status > 299) {
    return { problems: [`the server answered HTTP ${reply.status}${reply.text.trim() ? `: ${excerpt(reply.text)}` : ''}`] };
  }
  try {
    return { value: JSON.parse(reply.text), problems: [] };
  } catch (e) {
    const why = (e as Error).message;
    return { problems: [`the reply is not valid JSON (${why}); it began: ${JSON.stringify(excerpt(reply.text))}`] };
  }
}

/**
 * Check a `recommend` reply against the request; returns the slate or the problems.
 * `available` is how many catalog items are not yet shown in this session.
 */
export function readRecommendReply(
  value: unknown,
  req: RecommendRequest,
  index: CatalogIndex,
): { slate?: Slate; problems: string[] } {
  const parsed = recommendReplySchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((i) => {
      const where = i.path.length ? `"${i.path.join('.')}"` : 'the reply';
      return `${where}: ${i.message} (expected {"items": ["id", ...], "message"?: "...", "plan"?: {...}})`;
    });
    return { problems };
  }
  const reply = parsed.data;
  const problems: string[] = [];
  const shown = new Set(req.shown);
  // Each id is judged once: a list of six copies of one id is one problem, with its count.
  const counts = new Map<string, number>();
  for (const id of reply.items) counts.set(id, (counts.get(id) ?? 0) + 1);
  const seen = new Set<string>();
  for (const id of reply.items) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (!index.byId.has(id)) problems.push(`item ${JSON.stringify(id)} is not in catalog "${req.catalogId}"`);
    else if (shown.has(id)) problems.push(`item "${id}" was already shown in this session`);
    const n = counts.get(id) ?? 1;
    if (n > 1) problems.push(`item ${JSON.stringify(id)} appears ${n === 2 ? 'twice' : `${n} times`} in the list`);
  }
  const available = Math.max(0, index.catalog.items.length - shown.size);
  const want = Math.min(req.k, available);
  if (reply.items.length !== want) {
    problems.push(
      want === req.k
        ? `the list has ${reply.items.length} items; k = ${req.k}, so exactly ${req.k} are expected`
        : `the list has ${reply.items.length} items; only ${available} unshown items remain, so exactly ${want} are expected`,
    );
  }
  if (problems.length > 0) return { problems: problems.slice(0, 8).concat(problems.length > 8 ? [`... and ${problems.length - 8} more`] : []) };
  return {
    slate: {
      itemIds: [...reply.items],
      ...(reply.message !== undefined ? { message: reply.message } : {}),
      ...(reply.plan ? { plan: toPlan(reply.plan) } : {}),
    },
    problems: [],
  };
}
