import { describe, expect, it } from 'vitest';
import { parseEdgeList, EdgeListError, MAX_EDGE_ERRORS } from '../../../src/core/population/graph-csv';
import { FAMILY, FOLLOW, degree } from '../../../src/core/population/graph';

describe('edge-list CSV import', () => {
  it('reads users, creators, kinds and a header', () => {
    const g = parseEdgeList('source,target,kind\n0,1,family\nu2,u1,friend\n# comment\n\n3,creator:bob,follow\n2,3,follow\n', 4, ['alice', 'bob']);
    expect(g.userEdges).toBe(3);
    expect(degree(g.creatorFollowers, 1)).toBe(1);
    expect(g.ties.kind[g.ties.offsets[0]]).toBe(FAMILY);
    // 2 follows 3: 2's shares do not reach 3, 3's shares reach 2.
    const reachOf = (u: number) => Array.from(g.reach.to.slice(g.reach.offsets[u], g.reach.offsets[u + 1]));
    expect(reachOf(3)).toContain(2);
    expect(reachOf(2)).not.toContain(3);
    expect(g.ties.kind.includes(FOLLOW)).toBe(true);
  });

  it('names every bad line and why, and imports nothing', () => {
    const text = '0,1,friend\n0,9,friend\n1,2,cousin\n1,creator:zed,follow\n1,creator:bob,friend\nx,1,friend\n2,2,family\n1,2\n';
    let err: EdgeListError | null = null;
    try {
      parseEdgeList(text, 4, ['bob'], 'ties.csv');
    } catch (e) {
      err = e as EdgeListError;
    }
    expect(err).toBeInstanceOf(EdgeListError);
    expect(err!.lines).toEqual([
      'ties.csv:2: target user 9 is out of range (the population has 4 users, 0..3)',
      'ties.csv:3: unknown kind "cousin" (expected family, classmate, friend, follow)',
      'ties.csv:4: unknown creator "zed"',
      'ties.csv:5: a creator can only be followed (kind "follow"), got "friend"',
      'ties.csv:6: source "x" is not a user (expected an index like 12 or u12, or creator:<id>)',
      'ties.csv:7: a user cannot be tied to themselves',
      'ties.csv:8: expected 3 fields (source,target,kind), got 2',
    ]);
  });

  it('a wrong file of many lines keeps a bounded list of messages and counts the rest; long fields are cut', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `${i},${i + 1},cousin`).join('\n');
    let err: EdgeListError | null = null;
    try {
      parseEdgeList(text, 10, []);
    } catch (e) {
      err = e as EdgeListError;
    }
    expect(err).toBeInstanceOf(EdgeListError);
    // It kept 50,000 messages (a file of millions of bad lines kept millions of strings).
    expect(err!.lines).toHaveLength(MAX_EDGE_ERRORS);
    expect(err!.total).toBe(50_000);
    expect(err!.message).toMatch(/^50000 bad lines in the edge list:\n/);
    expect(err!.message).toMatch(/\n\.\.\. and 49980 more$/);
    const long = 'z'.repeat(100_000);
    let one: EdgeListError | null = null;
    try {
      parseEdgeList(`${long},1,friend\n0,1,${long}\n0,${'9'.repeat(400)},friend`, 10, []);
    } catch (e) {
      one = e as EdgeListError;
    }
    expect(one!.lines).toEqual([
      `edges.csv:1: source "${'z'.repeat(60)}..." is not a user (expected an index like 12 or u12, or creator:<id>)`,
      `edges.csv:2: unknown kind "${'z'.repeat(60)}..." (expected family, classmate, friend, follow)`,
      `edges.csv:3: target user "${'9'.repeat(60)}..." is out of range (the population has 10 users, 0..9)`,
    ]);
  });
});
