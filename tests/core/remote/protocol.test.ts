import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { firstObservation } from '../../../src/core/env/observation';
import {
  RECOMMENDER_API_VERSION,
  recommendRequest,
  recommendRequestSchema,
  recommenderApiJsonSchema,
} from '../../../src/core/recommenders/remote/protocol';
import { readRecommendReply, replyValue } from '../../../src/core/recommenders/remote/reply';
import { defaultContext } from '../../../src/core/users/context';

describe('recommender API protocol', () => {
  it('docs/recommender-api.schema.json is the schema the code validates with (regenerate: npx tsx scripts/gen-recommender-api-schema.ts)', () => {
    const file = JSON.parse(readFileSync('docs/recommender-api.schema.json', 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(recommenderApiJsonSchema())));
    expect(file.version).toBe(RECOMMENDER_API_VERSION);
  });

  it('a request carries the visible profile only and validates against its schema', async () => {
    const [catalog, personas] = await Promise.all([loadBuiltinCatalog('shortvideo'), loadBuiltinPersonas()]);
    const u = personas[0];
    const req = recommendRequest(firstObservation(u, defaultContext(u)), 6, catalog.id);
    expect(recommendRequestSchema.safeParse(req).success).toBe(true);
    expect(Object.keys(req.profile).sort()).toEqual(['age', 'gender', 'groups', 'id', 'interests', 'location', 'name', 'occupation']);
    expect(JSON.stringify(req)).not.toContain('timeBudgetSec');
    expect(req.feedback).toBeNull();
    // Reply checks: all problems at once, in words.
    const index = buildCatalogIndex(catalog);
    const ids = catalog.items.map((i) => i.id);
    expect(readRecommendReply({ items: ids.slice(0, 6), message: 'hi' }, req, index).slate).toEqual({ itemIds: ids.slice(0, 6), message: 'hi' });
    expect(readRecommendReply({ items: 'a' }, req, index).problems[0]).toMatch(/"items": .*expected \{"items"/);
    expect(readRecommendReply({ items: ['x', ids[0], ids[0]] }, req, index).problems).toEqual([
      'item "x" is not in catalog "shortvideo"',
      `item "${ids[0]}" appears twice in the list`,
      'the list has 3 items; k = 6, so exactly 6 are expected',
    ]);
    expect(replyValue({ kind: 'text', status: 200, text: 'nope' }).problems[0]).toMatch(/not valid JSON/);
    expect(replyValue({ kind: 'text', status: 503, text: '' }).problems[0]).toBe('the server answered HTTP 503');
  });
});
