/**
 * The instruction-following suite: 64 instruction cases on the built-in catalog (specific
 * and vague; more / less / switch / related / local / creator / format / length /
 * recency; many topics and personas), each with stated compliance checks on the next list.
 * Cases are generated deterministically from the catalog and personas, so the suite is
 * the same on every machine and can be listed in full (`npm run evaluate -- --protocol
 * instructions --cases`).
 */
import { buildCatalogIndex, type CatalogIndex } from '../catalog/catalog-index';
import { createRng } from '../rng';
import { isBayArea, regionOf } from '../users/context';
import type { Catalog, Item, ItemFormat, Observation, Plan, Recommender, Slate, UserProfile } from '../types';
import { visibleProfile } from '../env/observation';
import { runCheck, type CheckResult, type ComplianceCheck } from './compliance';

export type CaseKind =
  | 'more_of_topic'
  | 'less_of_topic'
  | 'related_but_different'
  | 'switch'
  | 'bored'
  | 'local'
  | 'shorter'
  | 'fresher'
  | 'creator'
  | 'format';

export interface InstructionCase {
  id: string;
  kind: CaseKind;
  /** Vague instructions name no topic, creator or place. */
  vague: boolean;
  userId: string;
  instruction: string;
  /** The list the user saw before instructing (becomes `observation.shown`). */
  previous: string[];
  checks: ComplianceCheck[];
}

export interface CaseResult {
  caseId: string;
  kind: CaseKind;
  pass: boolean;
  checks: CheckResult[];
  itemIds: string[];
  /** The recommender's plan for the case, when it made one. */
  plan?: Plan;
}

export interface SuiteResult {
  recommender: string;
  cases: number;
  passed: number;
  compliance: number;
  byKind: Record<string, { cases: number; passed: number; compliance: number }>;
  results: CaseResult[];
}

/** Length of the list judged after each instruction. */
export const SUITE_LIST_SIZE = 10;

const fill = (tpl: string, v: Record<string, string>) => tpl.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

function strongTopics(user: UserProfile, min = 0.2): string[] {
  return Object.entries(user.interests)
    .filter(([, w]) => w >= min)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([t]) => t);
}

/** Topics "related to the user": their interests and the neighbours of those, plus extras. */
function userNeighbourhood(user: UserProfile, index: CatalogIndex, extra: string[] = []): string[] {
  const out = new Set<string>([...strongTopics(user), ...extra]);
  for (const t of [...out]) for (const r of index.related.get(t) ?? []) out.add(r);
  return [...out];
}

/** Build the suite for a catalog and its personas (deterministic). */
export function buildInstructionSuite(catalog: Catalog, personas: UserProfile[]): InstructionCase[] {
  const index = buildCatalogIndex(catalog);
  const rng = createRng('instruction-suite');
  const topics = index.topicIds.filter((t) => (index.byTopic.get(t)?.length ?? 0) >= 16);
  const label = (t: string) => catalog.topics.find((x) => x.id === t)?.label ?? t;
  const cases: InstructionCase[] = [];
  const persona = (i: number) => personas[i % personas.length];
  const take = (items: Item[] | undefined, n: number, offset = 0) => (items ?? []).slice(offset, offset + n).map((i) => i.id);
  /** The previous list: `n` items of `topic` plus items from the user's top interests. */
  const previousWith = (user: UserProfile, topic: string | null, n: number) => {
    const ids = topic ? take(index.byTopic.get(topic), n, 0) : [];
    for (const t of strongTopics(user)) {
      if (ids.length >= SUITE_LIST_SIZE) break;
      if (t === topic) continue;
      for (const id of take(index.byTopic.get(t), 2, 1)) if (ids.length < SUITE_LIST_SIZE && !ids.includes(id)) ids.push(id);
    }
    return ids;
  };
  const add = (c: Omit<InstructionCase, 'id'>) => cases.push({ ...c, id: `${c.kind}-${String(cases.filter((x) => x.kind === c.kind).length + 1).padStart(2, '0')}` });
  const at = (i: number) => topics[(i * 7 + 3) % topics.length];

  const MORE = ['Show me more {t}', 'I want more {t} content', 'Can I get more {t}?', 'More {t} please'];
  for (let i = 0; i < 10; i++) {
    const u = persona(i);
    const t = at(i);
    add({ kind: 'more_of_topic', vague: false, userId: u.id, instruction: fill(MORE[i % MORE.length], { t: label(t) }), previous: previousWith(u, null, 0), checks: [{ type: 'topics_share_at_least', topics: [t], bound: 0.4 }] });
  }
  const LESS = ["There's too much {t} in my feed", 'No more {t} please', 'Less {t}', "I'm tired of {t}"];
  for (let i = 0; i < 8; i++) {
    const u = persona(i + 3);
    const t = at(i + 11);
    add({ kind: 'less_of_topic', vague: false, userId: u.id, instruction: fill(LESS[i % LESS.length], { t: label(t) }), previous: previousWith(u, t, 6), checks: [{ type: 'topic_share_at_most', topic: t, bound: 0.1 }, { type: 'related_to_user_at_least', topics: userNeighbourhood(u, index).filter((x) => x !== t), bound: 0.5 }] });
  }
  const RELATED = ["There's too much {t}; show me something different but related", 'Enough {t}, show me something similar but different', '{t} is getting old, something related please'];
  for (let i = 0; i < 8; i++) {
    const u = persona(i + 5);
    const t = at(i + 19);
    const rel = index.related.get(t) ?? [];
    add({ kind: 'related_but_different', vague: false, userId: u.id, instruction: fill(RELATED[i % RELATED.length], { t: label(t) }), previous: previousWith(u, t, 6), checks: [{ type: 'topic_share_at_most', topic: t, bound: 0.1 }, { type: 'topics_share_at_least', topics: rel, bound: 0.4 }] });
  }
  const SWITCH = ['Less {a}, more {b}', 'Enough {a}, show me {b} instead', 'Stop showing me {a}; I want {b}'];
  for (let i = 0; i < 8; i++) {
    const u = persona(i + 7);
    const a = at(i + 2);
    let b = at(i + 29);
    if (b === a) b = at(i + 30);
    add({ kind: 'switch', vague: false, userId: u.id, instruction: fill(SWITCH[i % SWITCH.length], { a: label(a), b: label(b) }), previous: previousWith(u, a, 6), checks: [{ type: 'topic_share_at_most', topic: a, bound: 0.1 }, { type: 'topics_share_at_least', topics: [b], bound: 0.4 }] });
  }
  const BORED = ["I'm bored, show me something more interesting", 'This is boring', 'Show me something new', 'Surprise me with something interesting', 'Same old stuff, mix it up', "Meh. I'm bored"];
  for (let i = 0; i < 6; i++) {
    const u = persona(i * 4 + 1);
    const top = strongTopics(u)[0];
    const prev = previousWith(u, top, 8);
    const prevTopics = [...new Set(prev.map((id) => index.byId.get(id)!.topic))];
    add({ kind: 'bored', vague: true, userId: u.id, instruction: BORED[i], previous: prev, checks: [{ type: 'new_topics_at_least', previousTopics: prevTopics, bound: 0.5 }, { type: 'related_to_user_at_least', topics: userNeighbourhood(u, index), bound: 0.6 }] });
  }
  const bayLocales = [...new Set(catalog.items.map((i) => i.locale).filter((l) => isBayArea(l)))];
  const LOCAL_BAY = ['Show me what people in the Bay Area are watching', "What's popular around the Bay Area?", 'More from the Bay Area please'];
  for (let i = 0; i < 3; i++) {
    const u = persona(i * 5 + 2);
    add({ kind: 'local', vague: false, userId: u.id, instruction: LOCAL_BAY[i], previous: previousWith(u, null, 0), checks: [{ type: 'locale_share_at_least', locales: bayLocales, bound: 0.5 }] });
  }
  const NEAR = ['Show me stuff from near me', "What's happening around here?", 'Something local please'];
  const withLocalItems = personas.filter((p) => catalog.items.filter((it) => regionOf(it.locale) === regionOf(p.location)).length >= 12);
  for (let i = 0; i < 3 && withLocalItems.length; i++) {
    const u = withLocalItems[(i * 3) % withLocalItems.length];
    const locales = [...new Set(catalog.items.map((it) => it.locale).filter((l) => regionOf(l) === regionOf(u.location)))];
    add({ kind: 'local', vague: false, userId: u.id, instruction: NEAR[i], previous: previousWith(u, null, 0), checks: [{ type: 'locale_share_at_least', locales, bound: 0.5 }] });
  }
  const SHORT = ['These are all too long, show me shorter videos', 'Quick clips only please', 'Something short, I only have a minute', 'Shorter stuff please'];
  for (let i = 0; i < 4; i++) {
    const u = persona(i * 6);
    add({ kind: 'shorter', vague: false, userId: u.id, instruction: SHORT[i], previous: previousWith(u, null, 0), checks: [{ type: 'duration_share_at_least', sec: 60, bound: 0.7 }] });
  }
  const FRESH = ['Show me the latest posts', "What's new today?", 'This feels stale, show me fresh stuff', 'Only recent posts please'];
  for (let i = 0; i < 4; i++) {
    const u = persona(i * 6 + 1);
    add({ kind: 'fresher', vague: false, userId: u.id, instruction: FRESH[i], previous: previousWith(u, null, 0), checks: [{ type: 'recent_share_at_least', days: 7, bound: 0.5 }] });
  }
  const prolific = catalog.creators.filter((c) => (index.byCreator.get(c.id)?.length ?? 0) >= 6);
  const CREATOR = ['More from {c}', 'Show me more {c} posts', 'I like {c}, more of that creator please'];
  for (let i = 0; i < 6 && prolific.length; i++) {
    const c = prolific[(i * 11 + rng.int(3)) % prolific.length];
    const u = persona(i * 3 + 2);
    add({ kind: 'creator', vague: false, userId: u.id, instruction: fill(CREATOR[i % CREATOR.length], { c: c.name }), previous: previousWith(u, null, 0), checks: [{ type: 'creator_share_at_least', creator: c.id, bound: 0.3 }] });
  }
  const FORMATS: [string, ItemFormat][] = [['More photos please', 'image'], ['Can I get some text posts to read?', 'text_post'], ['Show me more pictures', 'image'], ['I want articles to read', 'text_post']];
  for (let i = 0; i < 4; i++) {
    const u = persona(i * 5 + 4);
    add({ kind: 'format', vague: false, userId: u.id, instruction: FORMATS[i][0], previous: previousWith(u, null, 0), checks: [{ type: 'format_share_at_least', format: FORMATS[i][1], bound: 0.5 }] });
  }
  return cases;
}

/** The observation a case gives the recommender: the persona, the previous list as shown, the instruction. */
export function caseObservation(c: InstructionCase, user: UserProfile, index: CatalogIndex): Observation {
  const topicEngagement: Record<string, number> = {};
  for (const id of c.previous) {
    const t = index.byId.get(id)?.topic;
    if (t) topicEngagement[t] = (topicEngagement[t] ?? 0) - 1;
  }
  // A user id per case: recommenders with memory (plans, bandit state, caches) must not
  // carry one case into the next.
  return {
    userId: `${user.id}#${c.id}`,
    profile: { ...visibleProfile(user), id: `${user.id}#${c.id}` },
    context: { timeOfDay: 'evening', dayOfWeek: 1, device: 'mobile', location: user.location },
    history: user.history,
    turn: 1,
    shown: c.previous,
    instruction: c.instruction,
    implicit: { skips: c.previous.length, shortWatches: 0, engaged: 0, left: true, topicEngagement },
  };
}

/** Run the suite against one fitted recommender. */
export async function runInstructionSuite(
  recommender: Recommender,
  cases: InstructionCase[],
  catalog: Catalog,
  personas: UserProfile[],
  seed = 1,
): Promise<SuiteResult> {
  const index = buildCatalogIndex(catalog);
  const users = new Map(personas.map((p) => [p.id, p]));
  const results: CaseResult[] = [];
  for (const c of cases) {
    const user = users.get(c.userId);
    if (!user) throw new Error(`Instruction case ${c.id}: unknown user ${c.userId}`);
    const slate: Slate = await recommender.recommend(caseObservation(c, user, index), SUITE_LIST_SIZE, createRng(seed).fork(c.id));
    const checks = c.checks.map((chk) => runCheck(chk, slate.itemIds, index));
    results.push({ caseId: c.id, kind: c.kind, pass: checks.every((r) => r.pass), checks, itemIds: slate.itemIds, ...(slate.plan ? { plan: slate.plan } : {}) });
  }
  const byKind: SuiteResult['byKind'] = {};
  for (const r of results) {
    const k = (byKind[r.kind] ??= { cases: 0, passed: 0, compliance: 0 });
    k.cases++;
    if (r.pass) k.passed++;
  }
  for (const k of Object.values(byKind)) k.compliance = k.passed / k.cases;
  const passed = results.filter((r) => r.pass).length;
  return { recommender: recommender.name, cases: results.length, passed, compliance: results.length ? passed / results.length : 0, byKind, results };
}
