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

/**
 * Largest reply accepted, in bytes of JSON: an HTTP body is read up to it
 * (src/remote/fetch-endpoint.ts), a module's reply is measured the same way before it is
 * copied (`boundModuleReply`). One bound for both transports, in Live and in the check.
 */
export const MAX_REPLY_BYTES = 1_000_000;
/** Longest item id read from a reply when the catalog has no such id (it is quoted in the report). */
export const MAX_ID_CHARS = 256;
/** Most items a `recommend` reply may list before it is not read at all: max(1000, 10 k). */
export function maxListLength(k: number): number {
  return Math.max(1000, 10 * k);
}

/** The words for a list over `maxListLength(k)` (shared with the CLI's module thread, which counts before copying). */
export function listTooLong(n: number, k: number): string {
  return `the list has ${n} items, more than the ${maxListLength(k)} read (at most max(1000, 10 x k) with k = ${k}); it was not read`;
}

/** UTF-8 length of a string, without allocating an encoded copy. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * A module's `recommend` value held to the HTTP bounds before anything copies it: the list
 * length first (no walk of a ten-million-element array), then its size as JSON. Returns the
 * JSON text (for a worker to send) or the broken bound in words.
 */
export function boundModuleReply(value: unknown, k: number): { json: string; problem?: undefined } | { json?: undefined; problem: string } {
  const items = (value as { items?: unknown } | null | undefined)?.items;
  if (Array.isArray(items) && items.length > maxListLength(k)) return { problem: listTooLong(items.length, k) };
  let json: string;
  try {
    json = JSON.stringify(value ?? null) ?? 'null';
  } catch (e) {
    return { problem: replyNotJson((e as Error)?.message ?? String(e)) };
  }
  // A string's length is at most its UTF-8 size: the exact count is needed only near the bound.
  const bytes = json.length > MAX_REPLY_BYTES ? json.length : utf8Bytes(json);
  if (bytes > MAX_REPLY_BYTES) return { problem: replyTooLarge(bytes, json.length > MAX_REPLY_BYTES) };
  return { json };
}

/** The words for a reply over MAX_REPLY_BYTES as JSON (`atLeast`: `bytes` is a lower bound). */
export function replyTooLarge(bytes: number, atLeast = false): string {
  return `the reply is more than the ${MAX_REPLY_BYTES} bytes allowed (${atLeast ? 'at least ' : ''}${bytes} bytes as JSON)`;
}

/** The words for a reply that JSON.stringify refuses (a cycle, a BigInt). */
export function replyNotJson(why: string): string {
  return `the reply cannot be turned into JSON (${why})`;
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
  // Bounded before the schema walks it: a reply of ten million ids is one problem, not a stall.
  const listed = (value as { items?: unknown } | null | undefined)?.items;
  if (Array.isArray(listed) && listed.length > maxListLength(req.k)) return { problems: [listTooLong(listed.length, req.k)] };
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
    if (id.length > MAX_ID_CHARS && !index.byId.has(id)) {
      problems.push(`an item id of ${id.length} characters is longer than the ${MAX_ID_CHARS} allowed (it began ${JSON.stringify(id.slice(0, 40))})`);
      continue;
    }
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
