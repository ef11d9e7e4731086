/**
 * The paraphrase suite: 45 free-form instructions, written by hand apart from the planner's
 * lexicon (in the words a person might use, not the catalog's topic names), each with the
 * topics it is about and a stated check on the next list. It measures how much embedding
 * matching adds to the lexicon. It is an evaluation set only: never used to tune the
 * planner, the matcher or the embedding (docs/items.md says what was measured).
 */
import { buildCatalogIndex } from '../catalog/catalog-index';
import type { Catalog, UserProfile } from '../types';
import type { InstructionCase } from './instruction-suite';

/** One paraphrase: the words, the topics meant, and whether the user wants more or less. */
export interface Paraphrase {
  text: string;
  topics: string[];
  want: 'more' | 'less';
}

export const PARAPHRASES: readonly Paraphrase[] = [
  { text: 'something relaxing after work', topics: ['gardening', 'coffee', 'music', 'pets', 'fitness', 'baking', 'photography'], want: 'more' },
  { text: 'more like the crab boil one', topics: ['seafood-cooking'], want: 'more' },
  { text: 'I want to watch people catching big fish out at sea', topics: ['fishing'], want: 'more' },
  { text: 'show me guys getting punched in the face in a cage', topics: ['ufc', 'mma-training', 'boxing'], want: 'more' },
  { text: 'anything about sailboats and living on the water', topics: ['boating'], want: 'more' },
  { text: 'teach me how to cook a lobster', topics: ['seafood-cooking', 'cooking'], want: 'more' },
  { text: "I'd like to see people sleeping in tents under the stars", topics: ['camping'], want: 'more' },
  { text: 'trail walks with nice views', topics: ['hiking'], want: 'more' },
  { text: 'riding waves at the beach', topics: ['surfing'], want: 'more' },
  { text: 'grappling and chokes on the mat', topics: ['bjj', 'mma-training'], want: 'more' },
  { text: 'race cars going around the track really fast', topics: ['f1', 'cars'], want: 'more' },
  { text: 'engine swaps and old trucks', topics: ['cars'], want: 'more' },
  { text: 'hoops, dunks and pickup games', topics: ['basketball'], want: 'more' },
  { text: 'the beautiful game, goals and football clubs', topics: ['soccer'], want: 'more' },
  { text: 'braids and new haircuts', topics: ['hairstyling'], want: 'more' },
  { text: 'eyeliner and lipstick tutorials', topics: ['makeup'], want: 'more' },
  { text: 'outfits and thrift store finds', topics: ['fashion'], want: 'more' },
  { text: 'how to take care of my face and acne', topics: ['skincare'], want: 'more' },
  { text: 'quick dinners I can make on a weeknight', topics: ['cooking'], want: 'more' },
  { text: 'bread, croissants and cakes', topics: ['baking'], want: 'more' },
  { text: 'espresso and latte art', topics: ['coffee'], want: 'more' },
  { text: 'workouts to get stronger', topics: ['fitness', 'mma-training'], want: 'more' },
  { text: 'people busting moves to choreography', topics: ['dance'], want: 'more' },
  { text: 'cute dogs and cats', topics: ['pets'], want: 'more' },
  { text: 'places to visit on a cheap trip abroad', topics: ['travel'], want: 'more' },
  { text: 'new gadgets and coding', topics: ['tech'], want: 'more' },
  { text: 'video games and speedruns', topics: ['gaming'], want: 'more' },
  { text: 'people making beats and playing guitar', topics: ['music'], want: 'more' },
  { text: 'stand-up that makes me laugh', topics: ['comedy'], want: 'more' },
  { text: 'fixing stuff around the house', topics: ['diy'], want: 'more' },
  { text: 'growing tomatoes in my backyard', topics: ['gardening'], want: 'more' },
  { text: 'how to save money and invest', topics: ['finance'], want: 'more' },
  { text: 'tips for shooting better pictures with my camera', topics: ['photography'], want: 'more' },
  { text: 'cosplay and japanese cartoons', topics: ['anime'], want: 'more' },
  { text: 'space, experiments and how nature works', topics: ['science'], want: 'more' },
  { text: 'stories from the past about old streets and ancient empires', topics: ['history'], want: 'more' },
  { text: "what's going on with BART and the commute around here", topics: ['local-news'], want: 'more' },
  { text: 'no more fighting videos please', topics: ['ufc'], want: 'less' },
  { text: "I've had enough of the hair stuff", topics: ['hairstyling'], want: 'less' },
  { text: 'stop with all the car content', topics: ['cars'], want: 'less' },
  { text: "I don't want any more food videos", topics: ['cooking'], want: 'less' },
  { text: 'less of the boat stuff', topics: ['boating'], want: 'less' },
  { text: 'enough of the lipstick and foundation videos', topics: ['makeup'], want: 'less' },
  { text: "I'm over the video game clips", topics: ['gaming'], want: 'less' },
  { text: 'no more tuna and fishing rods', topics: ['fishing'], want: 'less' },
];

/**
 * The suite as instruction cases on a catalog (the built-in feed): users cycle through the
 * personas; a "less" case's previous list holds 6 items of the topic (as in the main
 * suite), a "more" case's holds items of the user's interests. Topics the catalog lacks
 * are an error (the suite was written for the built-in feed).
 */
export function buildParaphraseSuite(catalog: Catalog, personas: UserProfile[]): InstructionCase[] {
  const index = buildCatalogIndex(catalog);
  for (const p of PARAPHRASES) for (const t of p.topics) if (!index.byTopic.has(t)) throw new Error(`Paraphrase "${p.text}": catalog "${catalog.id}" has no topic "${t}"`);
  const strong = (u: UserProfile) =>
    Object.entries(u.interests)
      .filter(([, w]) => w >= 0.2)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([t]) => t);
  return PARAPHRASES.map((p, i) => {
    const user = personas[(i * 7) % personas.length];
    const previous: string[] = p.want === 'less' ? (index.byTopic.get(p.topics[0]) ?? []).slice(0, 6).map((it) => it.id) : [];
    for (const t of strong(user)) {
      if (previous.length >= 10) break;
      if (p.topics.includes(t)) continue;
      for (const it of (index.byTopic.get(t) ?? []).slice(1, 3)) if (previous.length < 10 && !previous.includes(it.id)) previous.push(it.id);
    }
    return {
      id: `paraphrase-${String(i + 1).padStart(2, '0')}`,
      kind: p.want === 'more' ? 'more_of_topic' : 'less_of_topic',
      vague: false,
      userId: user.id,
      instruction: p.text,
      previous,
      checks:
        p.want === 'more'
          ? [{ type: 'topics_share_at_least', topics: p.topics, bound: 0.4 }]
          : [{ type: 'topic_share_at_most', topic: p.topics[0], bound: 0.1 }],
    } satisfies InstructionCase;
  });
}
