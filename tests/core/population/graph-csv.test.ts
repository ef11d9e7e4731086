import { describe, expect, it } from 'vitest';
import { parseEdgeList, EdgeListError } from '../../../src/core/population/graph-csv';
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
});
