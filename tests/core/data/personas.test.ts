import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinPersonas, DEFAULT_PERSONA_ID } from '../../../src/core/catalog/builtin';
import { UserProfileSchema } from '../../../src/core/catalog/validate';
import { findPersona, personaSummary, topInterests, TRAIT_RANGES, clampTraits, editableCopy } from '../../../src/core/users/personas';
import { defaultContext, CONTEXT_PRESETS, sameRegion, isBayArea, regionOf, BAY_AREA } from '../../../src/core/users/context';

const catalog = await loadBuiltinCatalog();
const personas = await loadBuiltinPersonas();
const DAY = 86_400_000;

describe('built-in personas', () => {
  it('are at least 24 valid persona profiles with unique ids', () => {
    expect(personas.length).toBeGreaterThanOrEqual(24);
    expect(new Set(personas.map((p) => p.id)).size).toBe(personas.length);
    for (const p of personas) {
      const r = UserProfileSchema.safeParse(p);
      expect(r.success ? [] : r.error.issues.slice(0, 2), p.id).toEqual([]);
      expect(p.source).toBe('persona');
      expect(p.bio.length, p.id).toBeGreaterThan(30);
      expect(p.groups.length, p.id).toBeGreaterThan(0);
      expect(p.age, p.id).not.toBeNull();
      for (const f of [p.gender, p.location, p.occupation]) expect(f.length, p.id).toBeGreaterThan(0);
      expect(p.traits.timeBudgetSec).toBeGreaterThanOrEqual(120);
      expect(p.traits.timeBudgetSec).toBeLessThanOrEqual(1200);
    }
  });

  it('have interests over catalog topics and traits that vary across personas', () => {
    const topics = new Set(catalog.topics.map((t) => t.id));
    for (const p of personas) for (const t of Object.keys(p.interests)) expect(topics, `${p.id}: ${t}`).toContain(t);
    for (const key of Object.keys(TRAIT_RANGES) as (keyof typeof TRAIT_RANGES)[]) {
      const values = personas.map((p) => p.traits[key]);
      const spread = Math.max(...values) - Math.min(...values);
      expect(spread, key).toBeGreaterThan(0.3 * (TRAIT_RANGES[key].max - TRAIT_RANGES[key].min));
    }
    const bay = personas.filter((p) => isBayArea(p.location));
    expect(bay.length).toBeGreaterThanOrEqual(8);
  });

  it('starts with Maya, the paper\'s fishing and UFC fan with no interest in hairstyling', () => {
    expect(personas[0].id).toBe(DEFAULT_PERSONA_ID);
    const maya = findPersona(personas, 'persona-maya')!;
    expect(maya).toMatchObject({ name: 'Maya', age: 34, location: 'Oakland, CA' });
    expect(maya.interests.fishing).toBeGreaterThanOrEqual(0.8);
    expect(maya.interests.ufc).toBeGreaterThanOrEqual(0.8);
    expect(maya.interests.hairstyling ?? 0).toBeLessThan(0.1);
    expect(topInterests(maya, 2)).toEqual(['fishing', 'ufc']);
    expect(personaSummary(maya)).toMatch(/^Maya, 34, Oakland, CA: .*fishing, ufc/);
  });

  it('have 7-day histories drawn from the catalog, consistent with their interests', () => {
    const byId = new Map(catalog.items.map((i) => [i.id, i]));
    for (const p of personas) {
      expect(p.history.length, p.id).toBeGreaterThan(10);
      let last = -Infinity;
      const watchByTopic = new Map<string, number>();
      for (const h of p.history) {
        const item = byId.get(h.itemId);
        expect(item, `${p.id} ${h.itemId}`).toBeDefined();
        expect(h.at).toBeGreaterThanOrEqual(catalog.now - 7 * DAY);
        expect(h.at).toBeLessThan(catalog.now);
        expect(h.at).toBeGreaterThanOrEqual(last);
        expect(h.at, 'interaction before the item was published').toBeGreaterThan(item!.publishedAt);
        last = h.at;
        expect(['watch', 'like', 'comment', 'share', 'skip', 'click']).toContain(h.action);
        if (h.action === 'watch') {
          expect(h.watchSec).toBeGreaterThan(0);
          expect(h.watchSec!).toBeLessThanOrEqual(item!.durationSec);
          watchByTopic.set(item!.topic, (watchByTopic.get(item!.topic) ?? 0) + h.watchSec!);
        }
      }
      // The most-watched topic is one the persona cares about.
      const top = [...watchByTopic.entries()].sort((a, b) => b[1] - a[1])[0][0];
      expect(p.interests[top] ?? 0, `${p.id} watched most ${top}`).toBeGreaterThanOrEqual(0.4);
    }
    const maya = personas[0];
    const hairWatches = maya.history.filter((h) => h.action === 'watch' && byId.get(h.itemId)!.topic === 'hairstyling');
    expect(hairWatches).toEqual([]);
  });
});

describe('context and persona helpers', () => {
  it('defaultContext uses the user location and a preset', () => {
    const c = defaultContext(personas[0]);
    expect(c.location).toBe('Oakland, CA');
    expect(CONTEXT_PRESETS.map((p) => p.context)).toContainEqual({ timeOfDay: c.timeOfDay, dayOfWeek: c.dayOfWeek, device: c.device });
  });

  it('treats Bay Area cities as one region', () => {
    expect(sameRegion('Oakland, CA', 'San Francisco, CA')).toBe(true);
    expect(sameRegion('Oakland, CA', 'Seattle, WA')).toBe(false);
    expect(sameRegion('', '')).toBe(false);
    expect(regionOf('Berkeley, CA')).toBe(BAY_AREA);
    expect(regionOf('Seattle, WA')).toBe('Seattle, WA');
  });

  it('clampTraits and editableCopy leave the original alone', () => {
    const t = clampTraits({ timeBudgetSec: 5000, curiosity: -1, activity: 0.5, conformity: 2, fatigueSensitivity: NaN, instructionPropensity: 0.3 });
    expect(t).toEqual({ timeBudgetSec: 1200, curiosity: 0, activity: 0.5, conformity: 1, fatigueSensitivity: 0, instructionPropensity: 0.3 });
    const copy = editableCopy(personas[0]);
    copy.interests.fishing = 0;
    expect(copy.source).toBe('edited');
    expect(personas[0].interests.fishing).toBeGreaterThan(0.8);
  });
});
