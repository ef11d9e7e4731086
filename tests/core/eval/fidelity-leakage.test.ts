/**
 * No leakage (issue 8): a user's decisions under the response model depend on nothing from
 * after their cut-off. The test poisons every rating at or after one user's cut-off (that
 * user's held-out part and everyone else's later ratings: values flipped), re-imports the
 * dataset, refits the model, and shows the user's decisions (actions, predicted rating,
 * score, reasons) do not change, while a user whose cut-off lies after the poisoned time
 * does see different predictions (so the poison is strong enough to be noticed).
 */
import { describe, expect, it } from 'vitest';
import { importMovieLens } from '../../../src/core/catalog/movielens';
import { createRng } from '../../../src/core/rng';
import { emptyMemory } from '../../../src/core/simulator/memory';
import { ENGAGE_FEATURES, attachResponseModel } from '../../../src/core/simulator/movie-response';
import { buildResponseModel } from '../../../src/core/simulator/response-fit';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import type { Catalog, UserProfile } from '../../../src/core/types';
import { defaultContext } from '../../../src/core/users/context';
import { movieWorldCsv } from '../simulator/movie-fixture';
import { existence } from '../../../src/core/eval/fidelity-lists';
import { buildRatingLog, globalMeanAsOf, itemAsOf, itemCountBetween } from '../../../src/core/simulator/rating-log';

/**
 * Flip every rating at or after `from` (epoch ms; the CSV holds seconds), by anyone, except
 * the entries of `keep` (the victim's own history: its last entry is at `from` itself).
 */
function poison(files: Record<string, string>, from: number, keep: Set<string>): string {
  const [head, ...lines] = files['ratings.csv'].trim().split('\n');
  const out = lines.map((l) => {
    const [u, m, r, t] = l.split(',');
    return Number(t) * 1000 >= from && !keep.has(`${u}:${m}`) ? `${u},${m},${(5.5 - Number(r)).toFixed(1)},${t}` : l;
  });
  return [head, ...out].join('\n') + '\n';
}

/**
 * Drop every rating at or after `from` by anyone but the users in `keepUsers` (who-rated-what
 * changes, not only rating values: the co-occurrence features count raters, so a value flip
 * alone could not reveal a leak there).
 */
function dropLater(files: Record<string, string>, from: number, keepUsers: Set<string>): string {
  const [head, ...lines] = files['ratings.csv'].trim().split('\n');
  return [head, ...lines.filter((l) => { const [u, , , t] = l.split(','); return keepUsers.has(u) || Number(t) * 1000 < from; })].join('\n') + '\n';
}

/** The engagement features of `itemIds` for one user (all but the explicit-ALS one, whose seeded init follows the item order). */
function featureRows(catalog: Catalog, users: UserProfile[], userId: string, itemIds: string[]): number[][] {
  const ur = buildResponseModel(catalog, users, createRng(11)).user(userId)!;
  const skip = ENGAGE_FEATURES.indexOf('predictedVsMean');
  return itemIds.map((id) => ur.featuresOf(id).x.filter((_, j) => j !== skip));
}

function decisions(catalog: Catalog, users: UserProfile[], userId: string, itemIds: string[]) {
  const model = buildResponseModel(catalog, users, createRng(11));
  attachResponseModel(catalog, model);
  const full = users.find((u) => u.id === userId)!;
  const { heldOut: _h, ...user } = full;
  const session = createRuleBasedSimulator().startSession({ user, context: defaultContext(user), memory: emptyMemory(user.id), catalog, rng: createRng(5), instructionsEnabled: false });
  const byId = new Map(catalog.items.map((it) => [it.id, it] as const));
  return itemIds.map((id, p) => {
    const d = session.decide(byId.get(id)!, p, 0);
    return { actions: d.actions, rating: d.rating, likes: d.likes, interest: d.interest, reasons: d.reasons, watchSec: d.watchSec };
  });
}

describe('fidelity: no leakage from after the cut-off', () => {
  const files = movieWorldCsv({ users: 40, movies: 300, seed: 3 });
  const clean = importMovieLens(files);
  const cut = (u: UserProfile) => u.history[u.history.length - 1].at;
  const sorted = clean.users.filter((u) => u.heldOut!.length > 0).sort((a, b) => cut(a) - cut(b));
  const victim = sorted[Math.floor(sorted.length / 3)];
  const later = sorted[sorted.length - 1];
  const t = cut(victim);
  const uid = victim.id.replace('ml-user-', '');
  const keep = new Set(victim.history.map((x) => `${uid}:${x.itemId.replace('ml-', '')}`));
  const dirty = importMovieLens({ ...files, 'ratings.csv': poison(files, t, keep) });
  // The held-out movies, and a spread of other movies (many rated by others after t).
  const items = [...victim.heldOut!.map((x) => x.itemId), ...clean.catalog.items.slice(0, 40).map((it) => it.id)];

  it('the poison reaches the held-out part and other users\' later ratings', () => {
    const dv = dirty.users.find((u) => u.id === victim.id)!;
    expect(dv.heldOut!.map((x) => x.rating)).not.toEqual(victim.heldOut!.map((x) => x.rating));
    expect(dv.history).toEqual(victim.history);
    expect(cut(later)).toBeGreaterThan(t);
  });

  it("leaves the victim's decisions unchanged", () => {
    const a = decisions(clean.catalog, clean.users, victim.id, items);
    const b = decisions(dirty.catalog, dirty.users, victim.id, items);
    expect(a.some((d) => d.actions.includes('skip'))).toBe(true);
    expect(a.some((d) => !d.actions.includes('skip'))).toBe(true);
    expect(b).toEqual(a);
  });

  it("leaves the protocol's negatives and every as-of baseline figure unchanged", () => {
    const la = buildRatingLog(clean.users);
    const lb = buildRatingLog(dirty.users);
    // Negatives are drawn uniformly from the movies that existed by the cut-off, in this order,
    // minus the movies the user rated (the same set of ids in both).
    const prefix = (log: typeof la) => {
      const ex = existence(log);
      return Array.from(ex.order.subarray(0, ex.firstAt.findIndex((x) => x >= t)), (i) => log.itemIds[i]);
    };
    expect(prefix(lb)).toEqual(prefix(la));
    expect(prefix(la).length).toBeGreaterThan(20);
    for (const id of la.itemIds) {
      const ia = la.itemIndex.get(id)!;
      const ib = lb.itemIndex.get(id)!;
      expect(itemAsOf(lb, ib, t)).toEqual(itemAsOf(la, ia, t));
      expect(itemCountBetween(lb, ib, t - 365 * 86_400_000, t)).toBe(itemCountBetween(la, ia, t - 365 * 86_400_000, t));
    }
    expect(globalMeanAsOf(lb, t)).toBe(globalMeanAsOf(la, t));
    // Later in time the poison is visible (so these checks can fail).
    expect(globalMeanAsOf(lb, Infinity)).not.toBe(globalMeanAsOf(la, Infinity));
  });

  it("leaves the victim's co-occurrence and popularity features unchanged when later ratings are removed", () => {
    const keepUsers = new Set([uid]);
    const gone = importMovieLens({ ...files, 'ratings.csv': dropLater(files, t, keepUsers) });
    const la = buildRatingLog(clean.users);
    const existed = items.filter((id) => { const i = la.itemIndex.get(id); return i !== undefined && itemAsOf(la, i, t).count > 0; });
    expect(existed.length).toBeGreaterThan(10);
    expect(gone.users.find((u) => u.id === victim.id)!.history).toEqual(victim.history);
    const a = featureRows(clean.catalog, clean.users, victim.id, existed);
    expect(featureRows(gone.catalog, gone.users, victim.id, existed)).toEqual(a);
    // The same removal does change what a user with a later cut-off sees (the check can fail).
    const lu = later.id.replace('ml-user-', '');
    const gone2 = importMovieLens({ ...files, 'ratings.csv': dropLater(files, cut(sorted[Math.floor(sorted.length / 2)]), new Set([lu])) });
    expect(featureRows(gone2.catalog, gone2.users, later.id, existed)).not.toEqual(featureRows(clean.catalog, clean.users, later.id, existed));
  });

  it('changes the predictions of a user whose cut-off is after the poisoned time', () => {
    const laterItems = [...later.heldOut!.map((x) => x.itemId), ...items];
    const a = decisions(clean.catalog, clean.users, later.id, laterItems);
    const b = decisions(dirty.catalog, dirty.users, later.id, laterItems);
    expect(b.map((d) => d.rating)).not.toEqual(a.map((d) => d.rating));
  });

  it("takes a movie's genres from its metadata only: a user tag that spells a genre (written at any time) changes nothing", () => {
    const movie = clean.catalog.items.find((it) => !it.tags.includes('horror'))!;
    const mid = movie.id.replace('ml-', '');
    // Written after the victim's cut-off by the user with the latest cut-off, before theirs:
    // the importer keeps such a tag (it is in its tagger's visible past).
    const tagger = later.id.replace('ml-user-', '');
    const when = Math.floor((t + cut(later)) / 2000);
    expect(when * 1000).toBeGreaterThan(t);
    const tags = `userId,movieId,tag,timestamp\n${tagger},${mid},horror,${when}\n${tagger},${mid},horror,${when + 1}\n`;
    const tagged = importMovieLens({ ...files, 'tags.csv': tags });
    const item = tagged.catalog.items.find((it) => it.id === movie.id)!;
    expect(item.tags).toEqual(movie.tags);
    const a = buildResponseModel(clean.catalog, clean.users, createRng(11));
    const b = buildResponseModel(tagged.catalog, tagged.users, createRng(11));
    const i = a.log.itemIndex.get(movie.id)!;
    expect(b.content.genres[b.log.itemIndex.get(movie.id)!]).toEqual(a.content.genres[i]);
    // A tag that is not a genre id is kept (so the tag did reach the importer).
    const other = importMovieLens({ ...files, 'tags.csv': tags.replaceAll('horror', 'slow burn') });
    expect(other.catalog.items.find((it) => it.id === movie.id)!.tags).toContain('slow-burn');
  });
});
