/**
 * Turns the hand-written personas into `UserProfile`s with a seeded 7-day engagement
 * history drawn from the catalog, consistent with their interests and traits.
 */
import type { Catalog, Interaction, Item, Rng, UserProfile } from '../../src/core/types';
import { normal, pick, weightedIndex } from '../../src/core/rng';
import { PERSONAS, type PersonaLex } from './persona-lexicon';
import { DAY_MS } from './catalog-gen';

const HISTORY_DAYS = 7;

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** One persona's history: a session or two a day, each a run of items picked by interest. */
function history(p: PersonaLex, catalog: Catalog, byTopic: Map<string, Item[]>, rng: Rng): Interaction[] {
  const [budget, curiosity, activity] = p.traits;
  const topics = catalog.topics.map((t) => t.id);
  // Topic pick weights: interest, sharpened, plus a little exploration set by curiosity.
  const weights = topics.map((t) => (p.interests[t] ?? 0) ** 1.5 + 0.01 + 0.04 * curiosity);
  const seen = new Set<string>();
  const out: Interaction[] = [];
  const start = catalog.now - HISTORY_DAYS * DAY_MS;
  for (let d = 0; d < HISTORY_DAYS; d++) {
    // Most days one session, active people sometimes two, and some days none.
    const sessions = rng.next() < 0.15 ? 0 : 1 + (rng.next() < activity * 0.6 ? 1 : 0);
    const hours = [...p.hours];
    for (let s = 0; s < sessions && hours.length > 0; s++) {
      const hour = hours.splice(rng.int(hours.length), 1)[0];
      let t = start + d * DAY_MS + hour * 3_600_000 + rng.int(50) * 60_000;
      if (t >= catalog.now) continue;
      // A history session is a sample of a real one: a fraction of the time budget.
      let left = budget * clamp(normal(rng, 0.3, 0.1), 0.1, 0.6);
      while (left > 0) {
        const topic = topics[weightedIndex(rng, weights)];
        const pool = (byTopic.get(topic) ?? []).filter((it) => it.publishedAt < t && !seen.has(it.id));
        if (pool.length === 0) { left -= 5; continue; }
        const item = pick(rng, pool);
        seen.add(item.id);
        const interest = p.interests[topic] ?? 0;
        const appeal = interest + 0.25 * (item.quality - 0.5) + normal(rng, 0, 0.08);
        let spent: number;
        if (appeal < 0.3 && rng.next() > curiosity * 0.4) {
          out.push({ itemId: item.id, action: 'skip', at: t });
          spent = 2;
        } else if (item.format === 'friend_suggestion') {
          out.push({ itemId: item.id, action: appeal > 0.5 ? 'click' : 'skip', at: t });
          spent = 4;
        } else {
          const frac = clamp(0.15 + 0.85 * appeal + normal(rng, 0, 0.12), 0.05, 1);
          const watchSec = Math.max(1, Math.round(item.durationSec * frac));
          out.push({ itemId: item.id, action: 'watch', at: t, watchSec });
          spent = watchSec;
          const after = t + watchSec * 1000;
          if (rng.next() < activity * appeal * 0.7) out.push({ itemId: item.id, action: 'like', at: after });
          if (rng.next() < activity * appeal * 0.22) out.push({ itemId: item.id, action: 'comment', at: after + 1000 });
          if (rng.next() < activity * appeal * 0.12) out.push({ itemId: item.id, action: 'share', at: after + 2000 });
        }
        t += (spent + 2) * 1000;
        left -= spent + 2;
        if (t >= catalog.now) break;
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Generates every persona, Maya first. */
export function generatePersonas(catalog: Catalog, rng: Rng): UserProfile[] {
  const known = new Set(catalog.topics.map((t) => t.id));
  const byTopic = new Map<string, Item[]>();
  for (const it of catalog.items) {
    const list = byTopic.get(it.topic);
    if (list) list.push(it);
    else byTopic.set(it.topic, [it]);
  }
  return PERSONAS.map((p) => {
    for (const t of Object.keys(p.interests)) if (!known.has(t)) throw new Error(`persona ${p.id}: unknown topic ${t}`);
    const [timeBudgetSec, curiosity, activity, conformity, fatigueSensitivity, instructionPropensity] = p.traits;
    return {
      id: p.id, name: p.name, age: p.age, gender: p.gender, location: p.location, occupation: p.occupation,
      bio: p.bio, groups: [...p.groups], interests: { ...p.interests },
      traits: { timeBudgetSec, curiosity, activity, conformity, fatigueSensitivity, instructionPropensity },
      history: history(p, catalog, byTopic, rng.fork(p.id)),
      source: 'persona' as const,
    };
  });
}
