/**
 * The recommender's one- or two-sentence answer to an instruction (the paper's
 * "Absolutely! Here are ..."), rendered from the plan so it never promises what the
 * plan does not do.
 */
import type { Item, Plan } from '../../types';

function list(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Reply text for a plan and the slate it produced. */
export function replyFor(plan: Plan, slate: Item[], label: (topic: string) => string, creatorName: (id: string) => string): string {
  const parts: string[] = [];
  if (plan.lessTopics.length) parts.push(`less ${list(plan.lessTopics.map(label))}`);
  if (plan.moreTopics.length) parts.push(`${plan.explore ? 'some' : 'more'} ${list(plan.moreTopics.map(label))}`);
  if (plan.moreCreators.length) parts.push(`more from ${list(plan.moreCreators.map(creatorName))}`);
  if (plan.locations.length) {
    const cities = [...new Set(plan.locations.map((l) => l.split(',')[0]))];
    parts.push(cities.length > 3 ? 'what people around you are watching' : `posts from ${list(cities)}`);
  }
  if (plan.maxDurationSec !== undefined) parts.push('shorter videos');
  if (plan.preferRecent) parts.push('the latest posts');
  if (plan.preferTrending && !plan.locations.length) parts.push("what's trending right now");
  let first: string;
  if (parts.length) first = `Absolutely! Here's ${list(parts)}.`;
  else if (plan.explore) first = 'Absolutely! Here are a few things related to your interests that you have not seen yet.';
  else first = 'Got it. Here are new picks based on your interests and engagement history.';
  const lead = slate[0];
  const second = plan.explore
    ? 'Tell me what you like among these, or name a topic or a creator you want more of.'
    : lead
      ? `Starting with "${lead.title}".`
      : '';
  return second ? `${first} ${second}` : first;
}
