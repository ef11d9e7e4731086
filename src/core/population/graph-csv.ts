/**
 * Importing a social graph as an edge-list CSV. One edge per line:
 *
 *   source,target,kind
 *   0,1,friend
 *   u12,u40,family
 *   7,creator:salt_and_traps_lobster_co,follow
 *
 * Users are 0-based indices (`12` or `u12`); creators are `creator:<id>` (catalog creator ids,
 * follow only). Kinds: family, classmate, friend (mutual) and follow (directed). A header line
 * and blank lines and `#` comments are allowed. Every bad line is reported (file, line, why)
 * and nothing is half-imported: the whole file is rejected when any line is bad.
 */
import { FOLLOW, TIE_KINDS, graphFromEdges, type Edge, type SocialGraph } from './graph';

/** Most bad lines whose messages are kept (the rest are counted): a wrong file of millions of lines kept millions of strings. */
export const MAX_EDGE_ERRORS = 1000;

/** Thrown for an edge list with bad lines; `lines` holds the first MAX_EDGE_ERRORS messages, `total` counts them all. */
export class EdgeListError extends Error {
  constructor(
    readonly lines: string[],
    readonly total = lines.length,
  ) {
    super(total === 1 ? lines[0] : `${total} bad lines in the edge list:\n${lines.slice(0, 20).join('\n')}${total > 20 ? `\n... and ${total - 20} more` : ''}`);
    this.name = 'EdgeListError';
  }
}

/** A field as quoted in a message: a long one is cut (a 1 MB "user" was echoed whole). */
function quoted(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}...` : s);
}

/** Parse an edge-list CSV into a graph over `n` users and the given creators. Throws EdgeListError. */
export function parseEdgeList(text: string, n: number, creatorIds: readonly string[], fileName = 'edges.csv'): SocialGraph {
  const creatorIndex = new Map(creatorIds.map((c, i) => [c, i]));
  const userEdges: Edge[] = [];
  const creatorFollows: Edge[] = [];
  const errors: string[] = [];
  let bad = 0;
  const report = (message: string) => {
    if (++bad <= MAX_EDGE_ERRORS) errors.push(message);
  };
  const lines = text.split(/\r?\n/);
  const user = (s: string): number | string => {
    const m = /^u?(\d+)$/.exec(s);
    if (!m) return `${quoted(s)} is not a user (expected an index like 12 or u12, or creator:<id>)`;
    const i = Number(m[1]);
    return i < n ? i : `user ${m[1].length > 12 ? quoted(m[1]) : i} is out of range (the population has ${n} users, 0..${n - 1})`;
  };
  lines.forEach((raw, li) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
    const where = `${fileName}:${li + 1}`;
    if (li === 0 && /^(source|from|a)$/i.test(cells[0])) return;
    if (cells.length !== 3) {
      report(`${where}: expected 3 fields (source,target,kind), got ${cells.length}`);
      return;
    }
    const [s, t, k] = cells;
    const kind = (TIE_KINDS as readonly string[]).indexOf(k.toLowerCase());
    if (kind < 0) {
      report(`${where}: unknown kind ${quoted(k)} (expected ${TIE_KINDS.join(', ')})`);
      return;
    }
    const a = user(s);
    if (typeof a === 'string') {
      report(`${where}: source ${a}`);
      return;
    }
    if (t.startsWith('creator:')) {
      const c = creatorIndex.get(t.slice(8));
      if (c === undefined) report(`${where}: unknown creator ${quoted(t.slice(8))}`);
      else if (kind !== FOLLOW) report(`${where}: a creator can only be followed (kind "follow"), got ${quoted(k)}`);
      else creatorFollows.push({ a, b: c, kind });
      return;
    }
    const b = user(t);
    if (typeof b === 'string') report(`${where}: target ${b}`);
    else if (a === b) report(`${where}: a user cannot be tied to themselves`);
    else userEdges.push({ a, b, kind });
  });
  if (bad > 0) throw new EdgeListError(errors, bad);
  return graphFromEdges(n, creatorIds, userEdges, creatorFollows);
}
