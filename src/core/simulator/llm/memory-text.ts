/**
 * The user's memory as prompt text. Compressed (what the simulator sends): the last few
 * items of this session in full, the rest of the session as per-topic counts, earlier
 * behaviour as recency-weighted topic preferences, and one line per recent past session.
 * `fullHistoryText` writes every interaction out instead; the benchmark compares the two.
 */
import type { ActionType, Catalog, Interaction, Item, ItemDecision, SessionSummary, UserProfile } from '../../types';
import type { UserMemory } from '../memory';
import { durationText, topicLabel } from './describe';

/** One item seen in the current session and what the user did with it. */
export interface SeenItem {
  item: Item;
  decision: ItemDecision;
}

export interface MemoryTextOptions {
  /** Items of this session written out in full (most recent). Default 5. */
  recentItems?: number;
  /** Past sessions summarised. Default 3. */
  pastSessions?: number;
  /** Half-life of past interactions, in days. Default 7. */
  halfLifeDays?: number;
}

const ENGAGED: readonly ActionType[] = ['click', 'comment', 'share', 'like', 'watch'];

/** What the user did with an item, in a few words ("watched 30 of 45 s, liked"). */
export function actionSummary(d: ItemDecision, item: Item): string {
  const parts: string[] = [];
  for (const a of d.actions) {
    if (a === 'watch') parts.push(`watched ${Math.round(d.watchSec)} of ${Math.round(item.durationSec)} s`);
    else if (a === 'comment') parts.push(d.comment ? `commented "${d.comment.slice(0, 60)}"` : 'commented');
    else parts.push({ click: 'opened', share: 'shared', like: 'liked', skip: 'skipped', leave: 'left' }[a]);
  }
  return parts.join(', ');
}

function weightOf(action: ActionType, watchSec: number | undefined, rating: number | undefined): number {
  if (rating !== undefined) return (rating - 2.75) / 2.25;
  if (action === 'skip') return -1;
  if (action === 'leave') return -0.5;
  if (action === 'watch') return Math.min(1, 0.3 + (watchSec ?? 0) / 60);
  return ENGAGED.includes(action) ? 1 : 0;
}

/** Topic -> recency-weighted net engagement, from the profile's history and the interaction memory. */
function topicScores(user: UserProfile, memory: UserMemory, byId: Map<string, Item>, now: number, halfLifeDays: number): Map<string, number> {
  const scores = new Map<string, number>();
  const decay = (at: number) => Math.pow(0.5, Math.max(0, now - at) / (halfLifeDays * 86_400_000));
  const add = (topic: string | undefined, w: number) => {
    if (topic) scores.set(topic, (scores.get(topic) ?? 0) + w);
  };
  for (const h of user.history) add(byId.get(h.itemId)?.topic, weightOf(h.action, h.watchSec, h.rating) * decay(h.at) * 0.5);
  for (const m of memory.interactions) add(m.topic, weightOf(m.action, m.watchSec, undefined) * decay(m.at) * (0.5 + m.importance));
  return scores;
}

/** One line for a past session. */
export function sessionLine(s: SessionSummary, catalog: Catalog | null): string {
  const parts = [
    `${Math.round(s.durationSec / 60)} min, ${s.itemsViewed} items, satisfaction ${s.finalSatisfaction.toFixed(1)} at the end (${s.endReason.replace(/_/g, ' ')})`,
  ];
  if (s.topTopics.length) parts.push(`enjoyed ${s.topTopics.slice(0, 3).map((t) => topicLabel(catalog, t)).join(', ')}`);
  if (s.tiredTopics.length) parts.push(`tired of ${s.tiredTopics.slice(0, 3).map((t) => topicLabel(catalog, t)).join(', ')}`);
  if (s.instructions.length) parts.push(`asked "${s.instructions[s.instructions.length - 1]}"`);
  return `Session ${s.sessionIndex + 1}: ${parts.join('; ')}.`;
}

/** The compressed memory text. */
export function compressedMemoryText(
  user: UserProfile,
  memory: UserMemory,
  seen: readonly SeenItem[],
  catalog: Catalog | null,
  byId: Map<string, Item>,
  opts: MemoryTextOptions = {},
): string {
  const recentN = opts.recentItems ?? 5;
  const lines: string[] = [];
  const now = catalog?.now ?? 0;
  const scores = topicScores(user, memory, byId, now, opts.halfLifeDays ?? 7);
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const liked = ranked.filter(([, v]) => v > 0.05).slice(0, 4).map(([t]) => topicLabel(catalog, t));
  const disliked = ranked.filter(([, v]) => v < -0.05).slice(-3).reverse().map(([t]) => topicLabel(catalog, t));
  if (liked.length) lines.push(`Lately you have enjoyed: ${liked.join(', ')}.`);
  if (disliked.length) lines.push(`Lately you have skipped: ${disliked.join(', ')}.`);
  const past = memory.sessions.slice(-(opts.pastSessions ?? 3));
  for (const s of past) lines.push(sessionLine(s, catalog));

  const older = seen.slice(0, Math.max(0, seen.length - recentN));
  if (older.length) {
    const perTopic = new Map<string, { engaged: number; skipped: number }>();
    for (const { item, decision } of older) {
      const c = perTopic.get(item.topic) ?? { engaged: 0, skipped: 0 };
      if (decision.actions.includes('skip')) c.skipped++;
      else c.engaged++;
      perTopic.set(item.topic, c);
    }
    const parts = [...perTopic.entries()].map(([t, c]) => `${topicLabel(catalog, t)} ${c.engaged} engaged/${c.skipped} skipped`);
    lines.push(`Earlier in this session (${older.length} items): ${parts.join('; ')}.`);
  }
  const recent = seen.slice(-recentN);
  if (recent.length) {
    lines.push('Just now in this session (most recent last):');
    for (const { item, decision } of recent) {
      lines.push(`- "${item.title}" (${topicLabel(catalog, item.topic)}, ${durationText(item.durationSec)}): ${actionSummary(decision, item)}.`);
    }
  }
  return lines.length ? lines.join('\n') : 'Nothing yet: this is your first item.';
}

/** Every interaction written out (the uncompressed baseline for the benchmark). */
export function fullHistoryText(
  user: UserProfile,
  memory: UserMemory,
  seen: readonly SeenItem[],
  catalog: Catalog | null,
  byId: Map<string, Item>,
): string {
  const line = (h: Pick<Interaction, 'itemId' | 'action' | 'watchSec' | 'rating'>) => {
    const item = byId.get(h.itemId);
    const title = item ? `"${item.title}" (${topicLabel(catalog, item.topic)})` : h.itemId;
    const extra = h.rating !== undefined ? ` rated ${h.rating}` : h.watchSec ? ` ${Math.round(h.watchSec)} s` : '';
    return `- ${title}: ${h.action}${extra}`;
  };
  const lines = ['Your whole history (oldest first):'];
  for (const h of user.history) lines.push(line(h));
  for (const m of memory.interactions) lines.push(line(m));
  for (const s of memory.sessions) lines.push(sessionLine(s, catalog));
  for (const { item, decision } of seen) lines.push(`- "${item.title}" (${topicLabel(catalog, item.topic)}): ${actionSummary(decision, item)}`);
  return lines.join('\n');
}
