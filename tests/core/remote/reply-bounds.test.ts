/**
 * A recommender's reply is bounded like an HTTP body (1 MB) whatever its transport: a list
 * longer than max(1000, 10 x k) is not read, an unknown id longer than 256 characters is
 * not quoted whole, and a module's reply (ten million ids, a huge string) is refused before
 * anything walks or copies it. Each is a violation in the check's report, naming the bound.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { firstObservation } from '../../../src/core/env/observation';
import { checkRecommender } from '../../../src/core/recommenders/remote/check-recommender';
import { recommendRequest } from '../../../src/core/recommenders/remote/protocol';
import { RemoteRecommender } from '../../../src/core/recommenders/remote/remote-recommender';
import { MAX_REPLY_BYTES, readRecommendReply } from '../../../src/core/recommenders/remote/reply';
import { simulators } from '../../../src/core/simulator/registry';
import type { Catalog, UserProfile } from '../../../src/core/types';
import { defaultContext } from '../../../src/core/users/context';
import { moduleEndpoint } from '../../../src/remote/module-endpoint';
import { MAX_REPLY_BYTES as HTTP_BOUND } from '../../../src/remote/fetch-endpoint';

let catalog: Catalog;
let personas: UserProfile[];
beforeAll(async () => {
  [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
});

const requestFor = (k: number) => recommendRequest(firstObservation(personas[0], defaultContext(personas[0])), k, catalog.id);

describe('reply bounds', () => {
  it('a list longer than max(1000, 10 x k) is one problem naming the bound; up to it, the usual checks', () => {
    const index = buildCatalogIndex(catalog);
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`);
    expect(readRecommendReply({ items: ids(1001) }, requestFor(6), index).problems).toEqual([
      'the list has 1001 items, more than the 1000 read (at most max(1000, 10 x k) with k = 6); it was not read',
    ]);
    // k = 200: the bound is 2000, so 1500 ids are read and judged one by one.
    const read = readRecommendReply({ items: ids(1500) }, requestFor(200), index).problems;
    expect(read[0]).toBe('item "x0" is not in catalog "shortvideo"');
  });

  it('an unknown id longer than 256 characters is named by its length, not quoted whole', () => {
    const index = buildCatalogIndex(catalog);
    const long = 'y'.repeat(50_000);
    const problems = readRecommendReply({ items: [long, ...catalog.items.slice(0, 5).map((i) => i.id)] }, requestFor(6), index).problems;
    expect(problems).toEqual([`an item id of 50000 characters is longer than the 256 allowed (it began "${'y'.repeat(40)}")`]);
  });

  it('a module reply is held to the HTTP body bound (one bound, not two)', async () => {
    expect(MAX_REPLY_BYTES).toBe(HTTP_BOUND);
    const huge = moduleEndpoint({ recommend: () => ({ items: new Array(10_000_000) }) }, 'module:huge');
    await expect(huge.call(requestFor(6), { timeoutMs: 5000 })).rejects.toThrow(/^the list has 10000000 items, more than the 1000 read/);
    const chatty = moduleEndpoint({ recommend: () => ({ items: [], message: 'é'.repeat(600_000) }) }, 'module:chatty');
    await expect(chatty.call(requestFor(6), { timeoutMs: 5000 })).rejects.toThrow(`the reply is more than the ${MAX_REPLY_BYTES} bytes allowed (1200025 bytes as JSON)`);
  });

  it('the check reports a module that returns too long a list as a violation naming the bound', async () => {
    const mod = {
      recommend: (r: unknown) => ({ items: new Array(5000 + (r as { k: number }).k) }),
    };
    const report = await checkRecommender({
      catalog, users: personas, contextFor: defaultContext,
      simulator: () => simulators.get('rule-based').create(),
      recommender: () => new RemoteRecommender(moduleEndpoint(mod, 'module:huge'), { timeoutMs: 5000 }),
    });
    expect(report.problems[0]).toBe('recommend: the list has 5006 items, more than the 1000 read (at most max(1000, 10 x k) with k = 6); it was not read (a first list of 6)');
  });
});
