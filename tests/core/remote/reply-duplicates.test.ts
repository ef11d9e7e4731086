/**
 * A list that repeats one id many times is one problem, said once with the count (it was
 * "appears twice" once per extra copy: five times over for six copies), and an unknown id
 * repeated is "not in catalog" once.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { firstObservation } from '../../../src/core/env/observation';
import { recommendRequest } from '../../../src/core/recommenders/remote/protocol';
import { readRecommendReply } from '../../../src/core/recommenders/remote/reply';
import { defaultContext } from '../../../src/core/users/context';

describe('readRecommendReply with repeated ids', () => {
  it('names each repeated id once, with how many times it appears', async () => {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
    const u = personas[0];
    const req = recommendRequest(firstObservation(u, defaultContext(u)), 6, catalog.id);
    const index = buildCatalogIndex(catalog);
    const a = catalog.items[0].id;
    expect(readRecommendReply({ items: Array(6).fill(a) }, req, index).problems).toEqual([`item "${a}" appears 6 times in the list`]);
    expect(readRecommendReply({ items: ['x', 'x', 'x', a, a, catalog.items[1].id] }, req, index).problems).toEqual([
      'item "x" is not in catalog "shortvideo"',
      'item "x" appears 3 times in the list',
      `item "${a}" appears twice in the list`,
    ]);
  });
});
