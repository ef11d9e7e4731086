import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogIndex, type CatalogIndex } from '../../../src/core/catalog/catalog-index';
import { loadBuiltinCatalog, loadBuiltinPersonas } from '../../../src/core/catalog/builtin';
import { buildLexicon, findEntities, normalizeWords, type Lexicon } from '../../../src/core/recommenders/agentic/lexicon';
import { rulePlan } from '../../../src/core/recommenders/agentic/rule-planner';
import type { Observation, UserProfile } from '../../../src/core/types';

let index: CatalogIndex;
let lexicon: Lexicon;
let maya: UserProfile;

function obsFor(user: UserProfile, extra: Partial<Observation> = {}): Observation {
  return {
    userId: user.id,
    profile: { id: user.id, name: user.name, age: user.age, gender: user.gender, location: user.location, occupation: user.occupation, interests: user.interests, groups: user.groups },
    context: { timeOfDay: 'evening', dayOfWeek: 3, device: 'mobile', location: user.location },
    history: user.history,
    turn: 1,
    shown: [],
    instruction: null,
    ...extra,
  };
}

function plan(text: string, extra: Partial<Observation> = {}) {
  return rulePlan({ instruction: text, observation: obsFor(maya, extra), index, lexicon });
}

beforeAll(async () => {
  const catalog = await loadBuiltinCatalog();
  index = buildCatalogIndex(catalog);
  lexicon = buildLexicon(index);
  maya = (await loadBuiltinPersonas()).find((p) => p.id === 'persona-maya')!;
});

describe('lexicon', () => {
  it('finds topics by id, label, spacing variants and small typos', () => {
    const ids = (s: string) => findEntities(lexicon, normalizeWords(s)).map((m) => m.entry.id);
    expect(ids('too much hair styling')).toContain('hairstyling');
    expect(ids('more Formula 1 please')).toContain('f1');
    expect(ids('UFC fights')).toContain('ufc');
    expect(ids('brazilian jiu-jitsu')).toContain('bjj');
    expect(ids('more fishng')).toContain('fishing'); // one typo in a longer word
    expect(ids('more xyzzy quux')).toEqual([]);
    expect(ids('show me cats')).not.toContain('cars'); // no fuzzy matching for short words
    expect(ids('more photograpy')).toContain('photography');
  });
});

describe('rule-based planner', () => {
  it("the paper's example: too much hairstyling, something different but related", () => {
    const p = plan("There's too much hairstyling; show me something different but related");
    expect(p.lessTopics).toEqual(['hairstyling']);
    expect(p.moreTopics.length).toBeGreaterThan(0);
    expect(p.moreTopics).not.toContain('hairstyling');
    for (const t of p.moreTopics) expect(index.related.get('hairstyling')).toContain(t);
    expect(p.explore).toBe(true);
    expect(p.summary).toMatch(/less Hairstyling/);
  });

  it('more of a named topic', () => {
    const p = plan('Show me more F1');
    expect(p.moreTopics).toEqual(['f1']);
    expect(p.lessTopics).toEqual([]);
  });

  it('less of one, more of another, in one sentence', () => {
    const p = plan('Less UFC, more fishing');
    expect(p.lessTopics).toEqual(['ufc']);
    expect(p.moreTopics).toEqual(['fishing']);
  });

  it('"no more X" is negative even though it contains "more"', () => {
    expect(plan('No more boxing please').lessTopics).toEqual(['boxing']);
  });

  it('vague boredom explores related interests the user has not seen, not random topics', () => {
    const shownUfc = index.byTopic.get('ufc')!.slice(0, 5).map((i) => i.id);
    const p = plan("I'm bored, show me something more interesting", {
      shown: shownUfc,
      implicit: { skips: 3, shortWatches: 0, engaged: 1, left: true, topicEngagement: { ufc: -3 } },
    });
    expect(p.explore).toBe(true);
    expect(p.moreTopics.length).toBeGreaterThan(0);
    // every explored topic neighbours one of Maya's interests in the topic graph
    const mayaTopics = Object.keys(maya.interests).filter((t) => maya.interests[t] > 0.2);
    for (const t of p.moreTopics) expect(mayaTopics.some((a) => index.related.get(a)?.includes(t))).toBe(true);
    expect(p.moreTopics).not.toContain('ufc');
    expect(p.lessTopics).toContain('ufc');
  });

  it('local: the Bay Area alias covers Bay Area cities, "near me" uses the user location', () => {
    const p = plan('Show me what people in the Bay Area are watching');
    expect(p.locations).toContain('Oakland, CA');
    expect(p.locations).toContain('San Francisco, CA');
    expect(p.locations).not.toContain('Chicago, IL');
    expect(p.preferTrending).toBe(true);
    expect(plan('Something near me').locations).toContain('Oakland, CA');
  });

  it('length, recency and format cues', () => {
    expect(plan('These are all too long, show me shorter videos').maxDurationSec).toBe(60);
    expect(plan('Show me the latest posts').preferRecent).toBe(true);
    expect(plan('More photos please').formats).toEqual(['image']);
  });

  it('a creator by name', () => {
    const creator = index.catalog.creators.find((c) => c.topic === 'fishing')!;
    const p = plan(`More from ${creator.name}`);
    expect(p.moreCreators).toContain(creator.id);
  });
});

describe('rule-based planner: pronouns point at the last list', () => {
  it('"too much of it" means the topic that filled the last list', () => {
    const shown = [...index.byTopic.get('ufc')!.slice(0, 4), ...index.byTopic.get('fishing')!.slice(0, 1)].map((i) => i.id);
    const p = plan("There's too much of it, show me something different but related", { shown });
    expect(p.lessTopics).toEqual(['ufc']);
    expect(p.moreTopics).not.toContain('ufc');
  });

  it('"more like this" means the topic the user engaged with most', () => {
    const shown = index.byTopic.get('f1')!.slice(0, 3).map((i) => i.id);
    const p = plan('More like this please', { shown, implicit: { skips: 1, shortWatches: 0, engaged: 2, left: false, topicEngagement: { f1: 2, ufc: -1 } } });
    expect(p.moreTopics).toEqual(['f1']);
  });

  it('common words ("look", "good") do not name topics', () => {
    expect(plan('That look is good').moreTopics).not.toContain('makeup');
  });
});

describe('rule-based planner: cue words in context', () => {
  it('"local" inside a topic name is not a place cue; "today" alone is not a recency cue', () => {
    const p = plan('Less bay area local news, please. How about some anime?');
    expect(p.lessTopics).toEqual(['local-news']);
    expect(p.moreTopics).toEqual(['anime']);
    expect(p.locations).toEqual([]);
    expect(plan('Okay, I have seen enough fishing for today. Mix it up a bit.').preferRecent).toBe(false);
    expect(plan("This all feels old. Show me what's new today.").preferRecent).toBe(true);
  });

  it('"something close to it, just different" explores neighbours of the named topic', () => {
    const p = plan("I like travel, but that's too much travel. Something close to it, just different.");
    expect(p.lessTopics).toEqual(['travel']);
    expect(p.moreTopics.length).toBeGreaterThan(0);
    for (const t of p.moreTopics) expect(index.related.get('travel')).toContain(t);
  });
});
