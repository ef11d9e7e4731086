import { describe, expect, it } from 'vitest';
import { MfBprRecommender } from '../../../src/core/recommenders/mf-bpr';
import { createRng } from '../../../src/core/rng';
import type { UserProfile } from '../../../src/core/types';
import { history, makeCatalog, makeUser, observe, TOPIC_IDS } from './fixtures';

/**
 * Planted structure: each user belongs to one topic group and likes a random 60% of
 * that topic's items; one liked item per user is held out. No declared interests, so
 * only the interaction structure can explain the held-out items.
 */
function planted(seed: number): { users: UserProfile[]; heldOut: Map<string, string> } {
  const catalog = makeCatalog(30);
  const rng = createRng(seed);
  const users: UserProfile[] = [];
  const heldOut = new Map<string, string>();
  for (let u = 0; u < 100; u++) {
    const topic = TOPIC_IDS[u % TOPIC_IDS.length];
    const liked = catalog.items.filter((it) => it.topic === topic && rng.next() < 0.6).map((it) => it.id);
    const out = liked.splice(rng.int(liked.length), 1)[0];
    heldOut.set(`u${u}`, out);
    users.push(makeUser(`u${u}`, history(liked)));
  }
  return { users, heldOut };
}

describe('mf-bpr', () => {
  const catalog = makeCatalog(30);
  const { users, heldOut } = planted(3);

  it('training loss decreases', () => {
    const r = new MfBprRecommender({ epochs: 15, minSteps: 0 });
    r.fit({ catalog, users }, createRng(1));
    expect(r.lossHistory.length).toBe(15);
    expect(r.lossHistory.every(Number.isFinite)).toBe(true);
    expect(r.lossHistory.at(-1)!).toBeLessThan(0.6 * r.lossHistory[0]);
  });

  it('ranks held-out positives above random items (AUC > 0.7), for trained and folded-in users', () => {
    const r = new MfBprRecommender();
    r.fit({ catalog, users: users.slice(0, 80) }, createRng(1));
    const pos = new Map(catalog.items.map((it, i) => [it.id, i]));
    const rng = createRng(2);
    const auc = (group: UserProfile[]): number => {
      let wins = 0;
      let total = 0;
      for (const u of group) {
        const vec = r.userVector(observe(u));
        const liked = new Set(u.history.map((h) => h.itemId));
        const target = r.itemScore(vec, pos.get(heldOut.get(u.id)!)!);
        for (let s = 0; s < 50; s++) {
          const neg = catalog.items[rng.int(catalog.items.length)].id;
          if (liked.has(neg) || neg === heldOut.get(u.id)) continue;
          const ns = r.itemScore(vec, pos.get(neg)!);
          wins += target > ns ? 1 : target === ns ? 0.5 : 0;
          total++;
        }
      }
      return wins / total;
    };
    expect(auc(users.slice(0, 80))).toBeGreaterThan(0.7);
    // Users 80..99 were not in training: fold-in from their history.
    expect(auc(users.slice(80))).toBeGreaterThan(0.7);
  });

  it('is reproducible for the same seed and differs for another', () => {
    const a = new MfBprRecommender({ epochs: 3, minSteps: 0 });
    const b = new MfBprRecommender({ epochs: 3, minSteps: 0 });
    const c = new MfBprRecommender({ epochs: 3, minSteps: 0 });
    a.fit({ catalog, users }, createRng(7));
    b.fit({ catalog, users }, createRng(7));
    c.fit({ catalog, users }, createRng(8));
    expect(a.lossHistory).toEqual(b.lossHistory);
    expect(a.lossHistory).not.toEqual(c.lossHistory);
  });
});
