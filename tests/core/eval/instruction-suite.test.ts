import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogIndex } from '../../../src/core/catalog/catalog-index';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { runCheck } from '../../../src/core/eval/compliance';
import { buildInstructionSuite, runInstructionSuite, type InstructionCase } from '../../../src/core/eval/instruction-suite';
import { createRecommender } from '../../../src/core/recommenders/agentic';
import { createRng } from '../../../src/core/rng';
import type { Catalog, UserProfile } from '../../../src/core/types';

let catalog: Catalog;
let personas: UserProfile[];
let cases: InstructionCase[];

beforeAll(async () => {
  catalog = await loadBuiltinCatalog();
  personas = await loadBuiltinPersonas();
  cases = buildInstructionSuite(catalog, personas);
});

async function compliance(name: string) {
  const rec = createRecommender(name);
  rec.fit!({ catalog, users: personas }, createRng(1));
  return runInstructionSuite(rec, cases, catalog, personas);
}

describe('instruction suite', () => {
  it('has at least 60 cases over every kind, specific and vague, several topics and personas', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(cases.map((c) => c.kind));
    for (const k of ['more_of_topic', 'less_of_topic', 'related_but_different', 'switch', 'bored', 'local', 'shorter', 'fresher', 'creator', 'format']) expect(kinds).toContain(k);
    expect(cases.some((c) => c.vague)).toBe(true);
    expect(new Set(cases.map((c) => c.userId)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(c.checks.length).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    expect(buildInstructionSuite(catalog, personas)).toEqual(cases);
  });

  it('checks measure what they state', () => {
    const index = buildCatalogIndex(catalog);
    const f1 = index.byTopic.get('f1')!.slice(0, 3).map((i) => i.id);
    const ufc = index.byTopic.get('ufc')!.slice(0, 1).map((i) => i.id);
    const ids = [...f1, ...ufc];
    expect(runCheck({ type: 'topics_share_at_least', topics: ['f1'], bound: 0.75 }, ids, index)).toMatchObject({ value: 0.75, pass: true });
    expect(runCheck({ type: 'topic_share_at_most', topic: 'ufc', bound: 0.2 }, ids, index)).toMatchObject({ value: 0.25, pass: false });
  });

  it('the instruction-following wrapper complies far more often than its traditional base', async () => {
    const base = await compliance('content');
    const follow = await compliance('content+follow');
    expect(follow.cases).toBe(cases.length);
    expect(follow.compliance).toBeGreaterThanOrEqual(0.9);
    expect(follow.compliance - base.compliance).toBeGreaterThanOrEqual(0.4);
    expect(follow.byKind.bored.compliance).toBeGreaterThanOrEqual(0.8);
  });
});
