/**
 * How items and the session history are written in the LLM simulator's prompt. 'text'
 * (the default, prompt.ts) writes titles and descriptions. With semantic IDs:
 * - 'sid': each item is its code (e.g. 3-1-7-0) plus format and length; the system message
 *   (the cached prefix) carries a legend of the level-1 and level-2 codes, with the terms
 *   that label them, and the reply format; the history is an append-only line of codes and
 *   actions, so consecutive prompts share everything up to the newest entry;
 * - 'sid-counts': the history as counts of actions per level-2 code prefix (shorter for
 *   long sessions, but the counts change in place, so less of the prompt is reused).
 */
import type { ChatMessage } from '../../llm/chat-engine';
import { sidPrefix, sidString, type SemanticIds } from '../../embed/semantic-ids';
import type { Catalog, Item, Mindset } from '../../types';
import type { SeenItem } from './memory-text';
import { mindsetText } from './prompt';
import { durationText } from './describe';
import { REPLY_FORMAT } from './templates';

export type RepresentationMode = 'text' | 'sid' | 'sid-counts';

/** Inputs of one item's user message. */
export interface RepresentationInputs {
  seen: readonly SeenItem[];
  mindset: Mindset;
  item: Item;
  position: number;
  turn: number;
  /** The recommender's last reply, if any. */
  lastReply: string | null;
}

/** A non-text representation: it extends the system message and writes the user message. */
export interface PromptRepresentation {
  readonly mode: Exclude<RepresentationMode, 'text'>;
  system(base: ChatMessage): ChatMessage;
  user(i: RepresentationInputs): ChatMessage;
}

const FORMAT: Record<string, string> = { short_video: 'video', text_post: 'text', image: 'photo', friend_suggestion: 'people', movie: 'film' };

/** The legend: level-1 and level-2 codes with their label terms, one per line. */
export function sidLegend(sid: SemanticIds, depth = 2): string {
  const keys = [...sid.labels.keys()].filter((k) => k.split('-').length <= depth).sort((a, b) => {
    const pa = a.split('-').map(Number);
    const pb = b.split('-').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? -1) !== (pb[i] ?? -1)) return (pa[i] ?? -1) - (pb[i] ?? -1);
    return 0;
  });
  return keys.map((k) => `${k}: ${(sid.labels.get(k) ?? []).join(', ')}`).join('\n');
}

function actionWord(s: SeenItem): string {
  const a = s.decision.actions.filter((x) => x !== 'leave');
  return a.length ? a.join('+') : 'left';
}

/** A representation by semantic IDs ('sid' or 'sid-counts'). `sid` must cover the catalog. */
export function sidRepresentation(sid: SemanticIds, catalog: Catalog | null, mode: 'sid' | 'sid-counts' = 'sid'): PromptRepresentation {
  const pos = new Map(sid.ids.map((id, i) => [id, i]));
  const code = (item: Item) => {
    const i = pos.get(item.id);
    return i === undefined ? `?(${item.topic})` : sidString(sid, i);
  };
  const legend = sidLegend(sid);
  return {
    mode,
    system(base) {
      return {
        role: 'system',
        content: `${base.content}\n\n# Item codes\nItems are shown as codes, coarse to fine (level 1-level 2-level 3[-n]). What the first levels are about:\n${legend}\n\n${REPLY_FORMAT}`,
      };
    },
    user(i) {
      let history: string;
      if (mode === 'sid') {
        history = i.seen.length ? i.seen.map((s) => `${code(s.item)} ${actionWord(s)}`).join('; ') : 'nothing yet';
      } else {
        const counts = new Map<string, Map<string, number>>();
        for (const s of i.seen) {
          const p = pos.get(s.item.id);
          const key = p === undefined ? '?' : sidPrefix(sid, p, Math.min(2, sid.levels));
          const m = counts.get(key) ?? new Map<string, number>();
          const a = actionWord(s);
          m.set(a, (m.get(a) ?? 0) + 1);
          counts.set(key, m);
        }
        history = counts.size ? [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, m]) => `${k}: ${[...m.entries()].map(([a, n]) => `${n} ${a}`).join(', ')}`).join('; ') : 'nothing yet';
      }
      const reply = i.lastReply ? `\nThe recommender told you: "${i.lastReply}"` : '';
      const it = i.item;
      return {
        role: 'user',
        content: `# This session so far\n${history}${reply}\n\n# Your mindset\n${mindsetText(i.mindset, catalog)}\n\n# Item ${i.position + 1} of list ${i.turn + 1}\n${code(it)} · ${FORMAT[it.format] ?? it.format} · ${durationText(it.durationSec)}`,
      };
    },
  };
}
