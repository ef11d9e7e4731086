/**
 * The paper's Table 2: a fishing + UFC fan watches the lobster-fishing video, watches and
 * likes UFC, skips hairstyling, grows selective after repeated UFC, and skips hairstyling
 * again because it was already skipped.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Catalog, Context, Item, ItemDecision, UserProfile } from '../../../src/core/types';
import { createRng } from '../../../src/core/rng';
import { emptyMemory } from '../../../src/core/simulator/memory';
import { createRuleBasedSimulator } from '../../../src/core/simulator/rule-based';
import { renderAction, renderMindsetNote, renderReasons } from '../../../src/core/simulator/render';
import { EVENING, makeCatalog, maya, table2Items } from './fixtures';

function runTable2(seed: number, user: UserProfile, catalog: Catalog, items: Item[], context: Context = EVENING): ItemDecision[] {
  const s = createRuleBasedSimulator().startSession({
    user,
    context,
    memory: emptyMemory(user.id),
    catalog,
    rng: createRng(seed),
    instructionsEnabled: true,
  });
  return items.map((it, i) => s.decide(it, i, 0) as ItemDecision);
}

/** Which steps of the Table 2 pattern hold (all five must for the pattern). */
function pattern(ds: ItemDecision[], items: Item[]): Record<string, boolean> {
  const [fish, ufc1, hair1, ufc2, hair2] = ds;
  const frac = (d: ItemDecision, it: Item) => d.watchSec / it.durationSec;
  return {
    watchesFishing: fish.actions.includes('watch') && !fish.actions.includes('skip'),
    watchesAndLikesUfc: ufc1.actions.includes('watch') && ufc1.actions.includes('like'),
    skipsHairstyling: hair1.actions[0] === 'skip' && hair1.watchSec === 0,
    selectiveUfc:
      (ufc2.reasons.includes('over_engagement') || ufc2.reasons.includes('fatigue')) &&
      (frac(ufc2, items[3]) < frac(ufc1, items[1]) || ufc2.actions.includes('skip')),
    skipsHairAgain: hair2.actions[0] === 'skip' && hair2.reasons.includes('already_skipped_topic'),
  };
}

const holds = (p: Record<string, boolean>) => Object.values(p).every(Boolean);

describe('Table 2 pattern (Maya: fishing + UFC fan)', () => {
  const catalog = makeCatalog();
  const items = table2Items();

  it('holds exactly for seed 1, with the paper-like sentences', () => {
    const ds = runTable2(1, maya(), catalog, items);
    expect(pattern(ds, items)).toEqual({
      watchesFishing: true,
      watchesAndLikesUfc: true,
      skipsHairstyling: true,
      selectiveUfc: true,
      skipsHairAgain: true,
    });
    expect(renderReasons(ds[0], items[0], catalog)).toBe('Related to my fishing interest');
    expect(renderReasons(ds[1], items[1], catalog)).toBe("Strong interest, I've engaged with this before");
    expect(renderReasons(ds[2], items[2], catalog)).toBe('Unrelated, testing new content');
    expect(renderReasons(ds[3], items[3], catalog)).toBe('Interest, but avoiding over-engagement');
    expect(renderReasons(ds[4], items[4], catalog)).toBe('Unrelated, already skipped');
    expect(renderAction(ds[2], items[2])).toBe('Skip');
    expect(renderAction(ds[1], items[1])).toMatch(/^Watch \d+s \/ 50s, Like/);
    expect(renderMindsetNote(ds[0], catalog)).toBe('Open to more fishing content');
    expect(renderMindsetNote(ds[1], catalog)).toBe('UFC is a top interest, expect more');
    expect(renderMindsetNote(ds[2], catalog)).toBe('Not interested, less likely to engage');
    expect(renderMindsetNote(ds[3], catalog)).toBe('Selective with UFC, want variety');
    expect(renderMindsetNote(ds[4], catalog)).toBe('Not interested, expect fewer');
  });

  it('holds for the large majority of 20 seeds', () => {
    let ok = 0;
    for (let seed = 100; seed < 120; seed++) if (holds(pattern(runTable2(seed, maya(), catalog, items), items))) ok++;
    expect(ok).toBeGreaterThanOrEqual(16);
  });

  it('does not hold for a user with the opposite tastes (the test can fail)', () => {
    const hairFan = maya();
    hairFan.interests = { hairstyling: 0.95, makeup: 0.6 };
    let ok = 0;
    for (let seed = 100; seed < 120; seed++) if (holds(pattern(runTable2(seed, hairFan, catalog, items), items))) ok++;
    expect(ok).toBe(0);
  });

  const builtinPath = fileURLToPath(new URL('../../../src/core/catalog/builtin.ts', import.meta.url));
  it.skipIf(!existsSync(builtinPath))('holds with the built-in catalog and persona-maya when they exist', async () => {
    const mod = (await import(/* @vite-ignore */ builtinPath)) as {
      loadBuiltinCatalog(id?: string): Promise<Catalog>;
      loadBuiltinPersonas(): Promise<UserProfile[]>;
    };
    const cat = await mod.loadBuiltinCatalog();
    const persona = (await mod.loadBuiltinPersonas()).find((p) => p.id === 'persona-maya');
    expect(persona).toBeDefined();
    const pickTopic = (pred: (t: string) => boolean, n: number) => cat.items.filter((i) => pred(i.topic)).slice(0, n);
    const topicOf = (word: string) => (t: string) => t.toLowerCase().includes(word);
    const fish = pickTopic(topicOf('fish'), 1);
    const ufc = pickTopic(topicOf('ufc'), 2);
    const hair = pickTopic(topicOf('hair'), 2);
    expect(fish.length + ufc.length + hair.length).toBe(5);
    const list = [fish[0], ufc[0], hair[0], ufc[1], hair[1]];
    const user = { ...persona!, history: [] };
    let ok = 0;
    for (let seed = 0; seed < 20; seed++) if (holds(pattern(runTable2(seed, user, cat, list), list))) ok++;
    expect(ok).toBeGreaterThanOrEqual(12);
  });
});
