/** Persona, item and memory as prompt text. */
import { describe, expect, it } from 'vitest';
import { itemText, personaText, relativeTime, compactCount } from '../../src/core/simulator/llm/describe';
import { compressedMemoryText, fullHistoryText } from '../../src/core/simulator/llm/memory-text';
import { emptyMemory } from '../../src/core/simulator/memory';
import type { ItemDecision } from '../../src/core/types';
import { catalog, maya } from './fixtures';

const byId = new Map(catalog.items.map((i) => [i.id, i]));
const decision = (itemId: string, actions: ItemDecision['actions'], watchSec = 0): ItemDecision => ({
  itemId, position: 0, actions, watchSec, reasons: [], interest: 0.5, mindsetNote: 'neutral',
  mindset: { satisfaction: 0.5, timeLeftSec: 100, boredom: 0, interests: {}, fatigue: {} },
});

describe('prompt text', () => {
  it('describes the item: title, creator, topic, hashtags, duration, engagement, age', () => {
    const t = itemText(catalog.items[0], catalog);
    for (const part of ['"Lobster trap haul at dawn"', 'By Captain Reel (Oakland, CA)', 'Topic: Fishing', '#fishing #clip', '45 s', '1.2k likes', '85 comments', '40 shares', 'posted 3 hours ago']) {
      expect(t).toContain(part);
    }
    expect(relativeTime(catalog.now - 9 * 86_400_000, catalog.now)).toBe('1 week ago');
    expect(compactCount(2_500_000)).toBe('2.5M');
  });

  it('describes the persona with interests strongest first and traits in words', () => {
    const p = personaText(maya, catalog);
    expect(p).toMatch(/^You are Maya, 34, woman, nurse, living in Oakland, CA\./);
    expect(p.indexOf('Fishing (love)')).toBeLessThan(p.indexOf('UFC (love)'));
    expect(p.indexOf('UFC (love)')).toBeLessThan(p.indexOf('Cooking (somewhat like)'));
    expect(p).toContain('about 10 minutes per session');
    expect(p).toContain('Groups: BJJ gym.');
  });

  it('keeps the last items in full and folds older ones into counts; the full history lists all', () => {
    const seen = ['a', 'b', 'c', 'd', 'e', 'a', 'b'].map((id, i) => ({ item: byId.get(id)!, decision: decision(id, i % 2 ? ['skip'] : ['watch', 'like'], 20) }));
    const memory = { ...emptyMemory(maya.id), sessions: [{ sessionIndex: 0, startedAt: 0, durationSec: 480, itemsViewed: 12, watchSec: 300, endReason: 'left_silent' as const, finalSatisfaction: 0.3, topTopics: ['fishing'], tiredTopics: ['hairstyling'], instructions: ['Less hair stuff'] }] };
    const c = compressedMemoryText(maya, memory, seen, catalog, byId, { recentItems: 3 });
    expect(c).toContain('Earlier in this session (4 items)');
    expect(c).toContain('Session 1: 8 min, 12 items');
    expect(c).toContain('asked "Less hair stuff"');
    expect(c).toContain('Lately you have enjoyed: Fishing');
    const recentLines = c.split('\n').filter((l) => l.startsWith('- '));
    expect(recentLines).toHaveLength(3);
    expect(recentLines[0]).toContain('"Fish tacos" (Cooking, 30 s): watched 20 of 30 s, liked.');
    expect(recentLines[1]).toContain('"Lobster trap haul at dawn" (Fishing, 45 s): skipped.');
    expect(recentLines[2]).toContain('Title fight in 60 seconds');
    const f = fullHistoryText(maya, memory, seen, catalog, byId);
    expect(f.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(1 + seen.length);
    expect(compressedMemoryText({ ...maya, history: [] }, emptyMemory(maya.id), [], catalog, byId)).toBe('Nothing yet: this is your first item.');
  });
});
