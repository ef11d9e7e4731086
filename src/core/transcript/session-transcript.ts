/**
 * A session transcript for a class handout: per list a table in the shape of the paper's
 * Table 2 (item, reasoning, action, mindset update), then the reflection, the user's
 * instruction and the recommender's reply, and the session's rewards. Markdown and a
 * self-contained, printable HTML page. Every title and sentence is escaped (titles come
 * from imported catalogs, thoughts and instructions from LLMs or people).
 */
import { revealBidi } from '../bidi';
import { renderAction, renderMindsetNote, renderReasons, renderReflection } from '../simulator/render';
import type { Item, Trajectory } from '../types';

/** Facts the transcript needs beyond the trajectory. */
export interface TranscriptInfo {
  /** Item by id (titles and topics); unknown ids are shown as ids. */
  item: (id: string) => Item | undefined;
  userName?: string;
  /** Human words for the end reason (the app's), else the code. */
  endReason?: string;
}

interface Row {
  n: string;
  title: string;
  reasoning: string;
  action: string;
  mindset: string;
}
interface ListBlock {
  heading: string;
  message?: string;
  rows: Row[];
  reflection?: string;
  instruction?: string;
}

function blocks(t: Trajectory, info: TranscriptInfo): ListBlock[] {
  return t.turns.map((turn) => ({
    heading: `List ${turn.index + 1}`,
    message: turn.slate.message,
    rows: turn.decisions.map((d) => {
      const item = info.item(d.itemId);
      return {
        n: String(d.position + 1),
        title: item ? `${item.title} (${item.topic})` : d.itemId,
        reasoning: d.thought ?? safe(() => renderReasons(d, item), d.reasons.join(', ')),
        action: safe(() => renderAction(d, item), d.actions.join(' + ')),
        mindset: d.mindsetText ?? safe(() => renderMindsetNote(d), d.mindsetNote),
      };
    }),
    reflection: turn.reflection ? turn.reflection.text ?? safe(() => renderReflection(turn.reflection!), turn.reflection.reasons.join(', ')) : undefined,
    instruction: turn.reflection?.instruction?.text,
  }));
}

function safe(f: () => string, fallback: string): string {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function summary(t: Trajectory, info: TranscriptInfo): string[] {
  const m = t.metrics;
  return [
    `Watch time: ${Math.round(m.watchSec)} s over ${m.itemsViewed} items in ${m.turns} list${m.turns === 1 ? '' : 's'}`,
    `Likes ${m.actions.like}, comments ${m.actions.comment}, shares ${m.actions.share}, skips ${m.actions.skip}; instructions ${m.instructions}`,
    `Return chance ${Math.round(m.returnProbability * 100)}% in about ${Math.round(m.returnAfterHours)} h`,
    `Ended: ${info.endReason ?? t.endReason}`,
  ];
}

/**
 * Markdown: `|`, `\`, `*`, `_`, backticks, brackets and angle brackets are escaped; newlines
 * become spaces; bidirectional controls are shown as `[U+202E]` (core/bidi.ts), not obeyed.
 */
export function escapeMarkdown(s: string): string {
  return revealBidi(s)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]|#]/g, (c) => '\\' + c)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** HTML text escaping; bidirectional controls are shown as `[U+202E]`, not obeyed. */
export function escapeHtml(s: string): string {
  return revealBidi(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function title(t: Trajectory, info: TranscriptInfo): string {
  return `${info.userName ?? t.userId} × ${t.recommender}`;
}

function subtitle(t: Trajectory): string {
  return `seed ${t.seed} · ${t.context.timeOfDay} on ${t.context.device} · simulator ${t.simulator} · catalog ${t.catalogId} · instructions ${t.instructionsEnabled ? 'on' : 'off'}`;
}

/** The session as Markdown. */
export function transcriptMarkdown(t: Trajectory, info: TranscriptInfo): string {
  const e = escapeMarkdown;
  const out: string[] = [`# ${e(title(t, info))}`, '', e(subtitle(t)), ''];
  for (const b of blocks(t, info)) {
    out.push(`## ${b.heading}`, '');
    if (b.message) out.push(`**Recommender:** ${e(b.message)}`, '');
    out.push('| # | Item | Reasoning | Action | Mindset update |', '|---|---|---|---|---|');
    for (const r of b.rows) out.push(`| ${r.n} | ${e(r.title)} | ${e(r.reasoning)} | ${e(r.action)} | ${e(r.mindset)} |`);
    out.push('');
    if (b.reflection) out.push(`**Reflection:** ${e(b.reflection)}`, '');
    // Isolated (U+2068 ... U+2069): right-to-left words cannot carry the closing quote along.
    if (b.instruction) out.push(`**User:** “\u2068${e(b.instruction)}\u2069”`, '');
  }
  out.push('## Session rewards', '', ...summary(t, info).map((l) => `- ${e(l)}`), '');
  return out.join('\n');
}

/** The session as one printable HTML page (no scripts, no external resources). */
export function transcriptHtml(t: Trajectory, info: TranscriptInfo): string {
  const h = escapeHtml;
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${h(title(t, info))}</title>`,
    '<style>body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f2a}table{border-collapse:collapse;width:100%;margin:.4rem 0}th,td{border:1px solid #c9cfdb;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f0f2f8}.muted{color:#5b6478}blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:4px solid #4f46e5;background:#f6f7fb}@media print{body{margin:0}}</style>',
    '</head><body>',
    `<h1>${h(title(t, info))}</h1>`,
    `<p class="muted">${h(subtitle(t))}</p>`,
  ];
  for (const b of blocks(t, info)) {
    parts.push(`<h2>${h(b.heading)}</h2>`);
    if (b.message) parts.push(`<blockquote><strong>Recommender:</strong> <bdi>${h(b.message)}</bdi></blockquote>`);
    parts.push('<table><thead><tr><th>#</th><th>Item</th><th>Reasoning</th><th>Action</th><th>Mindset update</th></tr></thead><tbody>');
    for (const r of b.rows) parts.push(`<tr><td>${h(r.n)}</td><td>${h(r.title)}</td><td>${h(r.reasoning)}</td><td>${h(r.action)}</td><td>${h(r.mindset)}</td></tr>`);
    parts.push('</tbody></table>');
    if (b.reflection) parts.push(`<p><strong>Reflection:</strong> <bdi>${h(b.reflection)}</bdi></p>`);
    if (b.instruction) parts.push(`<blockquote><strong>User:</strong> “<bdi>${h(b.instruction)}</bdi>”</blockquote>`);
  }
  parts.push('<h2>Session rewards</h2><ul>', ...summary(t, info).map((l) => `<li>${h(l)}</li>`), '</ul></body></html>');
  return parts.join('\n');
}
