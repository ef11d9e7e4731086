/**
 * Plans: the structured, visible form of an instruction ("less hairstyling, more makeup").
 * Planners (rule-based, LLM) produce them; the re-ranker executes them.
 */
import type { Plan } from '../../types';

/** A plan that changes nothing. */
export function emptyPlan(planner: string): Plan {
  return {
    summary: '',
    moreTopics: [],
    lessTopics: [],
    moreCreators: [],
    lessCreators: [],
    locations: [],
    formats: [],
    explore: false,
    preferRecent: false,
    preferTrending: false,
    diversify: false,
    planner,
  };
}

/** True when the plan asks for nothing. */
export function isEmptyPlan(p: Plan): boolean {
  return (
    p.moreTopics.length + p.lessTopics.length + p.moreCreators.length + p.lessCreators.length + p.locations.length + p.formats.length === 0 &&
    !p.explore &&
    !p.preferRecent &&
    !p.preferTrending &&
    !p.diversify &&
    p.maxDurationSec === undefined &&
    !p.peopleItems?.length
  );
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * One-line summary of a plan, e.g. "less hairstyling; more makeup, fashion; explore related interests".
 * `label` maps topic ids to human labels.
 */
export function summarizePlan(p: Plan, label: (topic: string) => string = (t) => t, creator: (id: string) => string = (c) => c): string {
  const parts: string[] = [];
  if (p.peopleItems?.length) parts.push(`posts and shares from ${p.peopleLabel || 'people you know'}`);
  if (p.lessTopics.length) parts.push(`less ${p.lessTopics.map(label).join(', ')}`);
  if (p.moreTopics.length) parts.push(`more ${p.moreTopics.map(label).join(', ')}`);
  if (p.moreCreators.length) parts.push(`more from ${p.moreCreators.map(creator).join(', ')}`);
  if (p.lessCreators.length) parts.push(`less from ${p.lessCreators.map(creator).join(', ')}`);
  if (p.locations.length) parts.push(`near ${p.locations.join(', ')}`);
  if (p.formats.length) parts.push(`formats: ${p.formats.join(', ').replace(/_/g, ' ')}`);
  if (p.maxDurationSec !== undefined) parts.push(`at most ${p.maxDurationSec}s long`);
  if (p.preferRecent) parts.push('fresh posts first');
  if (p.preferTrending) parts.push('what is trending');
  if (p.explore) parts.push('explore related interests');
  if (p.diversify) parts.push('more variety');
  if (p.matchedBy === 'embedding') parts.push('topics matched by similarity');
  return parts.join('; ') || 'keep going with your interests';
}

/**
 * Merge a new plan over a remembered one: the new instruction wins where they conflict
 * (a topic asked for now is removed from the old "less" list and vice versa).
 */
export function mergePlans(older: Plan, newer: Plan): Plan {
  const less = uniq([...older.lessTopics.filter((t) => !newer.moreTopics.includes(t)), ...newer.lessTopics]);
  const more = uniq([...older.moreTopics.filter((t) => !newer.lessTopics.includes(t)), ...newer.moreTopics]);
  return {
    summary: newer.summary,
    moreTopics: more.filter((t) => !less.includes(t) || newer.moreTopics.includes(t)),
    lessTopics: less,
    moreCreators: uniq([...older.moreCreators.filter((c) => !newer.lessCreators.includes(c)), ...newer.moreCreators]),
    lessCreators: uniq([...older.lessCreators.filter((c) => !newer.moreCreators.includes(c)), ...newer.lessCreators]),
    locations: newer.locations.length ? newer.locations : older.locations,
    formats: newer.formats.length ? newer.formats : older.formats,
    explore: newer.explore || older.explore,
    maxDurationSec: newer.maxDurationSec ?? older.maxDurationSec,
    preferRecent: newer.preferRecent || older.preferRecent,
    preferTrending: newer.preferTrending || older.preferTrending,
    diversify: newer.diversify || older.diversify,
    planner: newer.planner,
    ...(newer.peopleItems?.length ? { people: newer.people, peopleItems: newer.peopleItems, peopleLabel: newer.peopleLabel } : {}),
    ...(newer.matchedBy ? { matchedBy: newer.matchedBy } : {}),
  };
}
