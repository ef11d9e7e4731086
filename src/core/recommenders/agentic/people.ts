/**
 * Instructions about people (the paper's voice examples: "show me what's new with her",
 * "the latest posts from my family", "content from my high school classmates"). When the
 * observation carries the user's ties (a population's social graph), the planner resolves
 * who is meant, by tie kind, by first name or by pronoun, and the plan puts what those people
 * posted or shared first. Without ties nothing changes.
 */
import type { Observation, Plan, SocialTie } from '../../types';
import { normalizeWords } from './lexicon';

/** Words that name a kind of tie (normalised, plural folded by the caller's matcher). */
const KIND_CUES: [string[], SocialTie['kind'][]][] = [
  [['family'], ['family']], [['my', 'mom'], ['family']], [['my', 'dad'], ['family']], [['my', 'parents'], ['family']],
  [['my', 'sister'], ['family']], [['my', 'brother'], ['family']], [['relatives'], ['family']], [['my', 'kids'], ['family']],
  [['classmates'], ['classmate']], [['classmate'], ['classmate']], [['high', 'school'], ['classmate']], [['school', 'friends'], ['classmate']],
  [['college', 'friends'], ['classmate']], [['my', 'class'], ['classmate']],
  [['my', 'friends'], ['friend']], [['friends'], ['friend', 'classmate']], [['my', 'friend'], ['friend']],
  [['people', 'i', 'follow'], ['follow', 'creator']], [['creators', 'i', 'follow'], ['creator']], [['accounts', 'i', 'follow'], ['follow', 'creator']],
];
const SHE = ['her', 'she', 'hers'];
const HE = ['him', 'he', 'his'];
/** Most items a people plan carries (newest first across the people named). */
const MAX_PEOPLE_ITEMS = 40;

function contains(words: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Which ties an instruction is about, and how to name them in the plan's summary. */
export function resolvePeople(instruction: string, ties: readonly SocialTie[]): { ties: SocialTie[]; label: string } {
  if (ties.length === 0) return { ties: [], label: '' };
  const words = normalizeWords(instruction);
  // A first name wins over everything else.
  const named = ties.filter((t) => {
    const first = normalizeWords(t.name)[0];
    return first !== undefined && first.length > 1 && words.includes(first);
  });
  if (named.length) return { ties: named, label: named.map((t) => t.name).join(', ') };
  for (const [cue, kinds] of KIND_CUES) {
    if (!contains(words, cue)) continue;
    const hit = ties.filter((t) => kinds.includes(t.kind));
    const what = kinds[0] === 'family' ? 'your family' : kinds[0] === 'classmate' ? 'your classmates' : kinds[0] === 'friend' ? 'your friends' : 'people you follow';
    if (hit.length) return { ties: hit, label: what };
  }
  // "her" / "him": the closest such tie with something new (family, then friends, ...).
  const gender = words.some((w) => SHE.includes(w)) ? 'female' : words.some((w) => HE.includes(w)) ? 'male' : '';
  if (gender) {
    const order: SocialTie['kind'][] = ['family', 'friend', 'classmate', 'follow', 'creator'];
    const cands = ties.filter((t) => t.gender === gender && t.itemIds.length > 0).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
    if (cands.length) return { ties: [cands[0]], label: cands[0].name };
  }
  return { ties: [], label: '' };
}

/** Add the people an instruction names to the plan (their items first, fresh first). No ties, no change. */
export function applyPeople(plan: Plan, instruction: string, obs: Observation): void {
  const { ties, label } = resolvePeople(instruction, obs.ties ?? []);
  if (ties.length === 0) return;
  const items: string[] = [];
  const longest = Math.max(...ties.map((t) => t.itemIds.length));
  // Round-robin over the people, newest first: everyone named gets a turn near the top.
  for (let k = 0; k < longest && items.length < MAX_PEOPLE_ITEMS; k++) {
    for (const t of ties) if (k < t.itemIds.length && !items.includes(t.itemIds[k])) items.push(t.itemIds[k]);
  }
  plan.people = ties.map((t) => t.id);
  plan.peopleItems = items.slice(0, MAX_PEOPLE_ITEMS);
  plan.peopleLabel = label;
  for (const t of ties) if (t.kind === 'creator' && !plan.moreCreators.includes(t.id)) plan.moreCreators.push(t.id);
  plan.preferRecent = true;
}
