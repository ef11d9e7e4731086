/**
 * Reason codes of a movie decision made with the response model (movie-response.ts): the
 * part of the prediction that drove the decision comes first, so the card's words agree
 * with the act. A movie the user engages with is explained by its strongest positive
 * part ("loved by people with my taste", "I rate comedies high"); a skipped one by its
 * strongest negative part ("I rate comedies low", "hardly anyone has seen it").
 */
import type { ReasonCode } from '../types';
import type { ResponsePrediction } from './movie-response';

/** Effects smaller than this (rating points) are not worth a word. */
const MIN_EFFECT = 0.15;
/** Distance-weighted count of "rated within a few places of my latest movies" worth a word (about two people right next to them). */
const SESSION_WORTH = 1;
/** Shared distinctive title words that make a series (one word is too often chance: "American", "Star"). */
const SERIES_WORDS = 2;

/** The codes for one prediction, driver first; `share` is the movie's share of all ratings as of the cut-off. */
export function movieReasonCodes(p: ResponsePrediction, engaged: boolean, share: number): ReasonCode[] {
  const parts = p.parts;
  const cands: [ReasonCode, number][] = [];
  if (parts.latent >= MIN_EFFECT) cands.push(['taste_match', parts.latent]);
  if (parts.latent <= -MIN_EFFECT) cands.push(['taste_mismatch', parts.latent]);
  if (parts.genre >= MIN_EFFECT) cands.push(['genre_rated_high', parts.genre]);
  if (parts.genre <= -MIN_EFFECT) cands.push(['genre_rated_low', parts.genre]);
  if (parts.itemBias >= 2 * MIN_EFFECT) cands.push(['high_quality', parts.itemBias]);
  if (parts.itemBias <= -2 * MIN_EFFECT) cands.push(['low_quality', parts.itemBias]);
  if (parts.sessionNeighbours >= SESSION_WORTH) cands.push(['watched_together', 0.4]);
  if (parts.titleOverlap >= SERIES_WORDS) cands.push(['same_series', 0.6]);
  // Familiarity: a movie many people rated lately is a crowd pick; one almost nobody rated is obscure.
  if (share >= 1e-3) cands.push(['crowd_favourite', 0.5]);
  else if (parts.ratings <= 2) cands.push(['obscure', -0.5]);
  const sign = engaged ? 1 : -1;
  cands.sort((a, b) => sign * b[1] - sign * a[1]);
  return cands.map((c) => c[0]);
}

const POSITIVE = new Set<ReasonCode>(['taste_match', 'genre_rated_high', 'high_quality', 'crowd_favourite', 'watched_together', 'same_series']);

function phrase(c: ReasonCode, genre: string): string | null {
  switch (c) {
    case 'taste_match':
      return 'loved by people with my taste';
    case 'taste_mismatch':
      return 'people with my taste rate it low';
    case 'genre_rated_high':
      return `I rate ${genre} high`;
    case 'genre_rated_low':
      return `I rate ${genre} low`;
    case 'high_quality':
      return 'well rated';
    case 'low_quality':
      return 'poorly rated';
    case 'crowd_favourite':
      return 'lots of people watched it lately';
    case 'obscure':
      return 'hardly anyone has seen it';
    case 'watched_together':
      return 'people watch it right around the movies I just watched';
    case 'same_series':
      return "it's from a series I've watched";
    case 'seen_before':
      return "I've seen it before";
    default:
      return null;
  }
}

/**
 * The card's sentence for a response-model decision (`d.rating` set): the driving part,
 * at most two more, contrasts after a "but", and the rating the user would give, e.g.
 * "Loved by people with my taste, I rate comedies high; I'd rate it 4.2/5".
 * `genre` is the display name of the genre in `d.relatedTopic`.
 */
export function renderMovieReasons(d: { reasons: ReasonCode[]; actions: string[]; rating?: number; likes?: boolean }, genre: string, scaleMax = 5): string {
  const engaged = d.actions.some((a) => a !== 'skip' && a !== 'leave');
  const phrases = d.reasons.map((c) => [c, phrase(c, genre)] as const).filter((x): x is readonly [ReasonCode, string] => x[1] !== null);
  const agrees = (c: ReasonCode) => POSITIVE.has(c) === engaged || c === 'seen_before';
  const same = phrases.filter(([c]) => agrees(c)).map(([, p]) => p);
  const other = phrases.filter(([c]) => !agrees(c)).map(([, p]) => p);
  const head = same.length ? same.slice(0, 2) : [engaged ? 'worth a look' : 'not for me'];
  let s = head.join(', ');
  if (other.length) s += `, but ${other[0]}`;
  if (d.rating !== undefined) s += `; I'd rate it ${(Math.round(d.rating * 2) / 2).toFixed(1)}/${scaleMax}`;
  return s.charAt(0).toUpperCase() + s.slice(1);
}
