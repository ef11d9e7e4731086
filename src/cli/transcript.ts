/**
 * A session as text, in the shape of the paper's Table 2: per item the title, the action,
 * the reasoning and the mindset update; per list the reflection, the instruction and the
 * recommender's reply. Sentences come from the simulator's renderers (codes -> text).
 */
import type { CatalogIndex } from '../core/catalog/catalog-index';
import { renderAction, renderMindsetNote, renderReasons, renderReflection } from '../core/simulator/render';
import type { Trajectory } from '../core/types';

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** Lines of text for one trajectory. */
export function formatTranscript(t: Trajectory, index: CatalogIndex): string {
  const lines: string[] = [`Session ${t.id}: user ${t.userId}, ${t.context.timeOfDay} on ${t.context.device}, ended: ${t.endReason}`];
  const labels = index.catalog;
  for (const turn of t.turns) {
    lines.push('', `List ${turn.index + 1} (${turn.slate.itemIds.length} items, reward ${Math.round(turn.reward * 100) / 100})`);
    if (turn.slate.message) lines.push(`  Recommender: "${turn.slate.message}"`);
    for (const d of turn.decisions) {
      const item = index.byId.get(d.itemId);
      lines.push(`  ${d.position + 1}. ${clip(item?.title ?? d.itemId, 60)}  [${item?.topic ?? '?'}]`);
      lines.push(`     ${renderAction(d, item)}: ${d.thought ?? renderReasons(d, item, labels)}`);
      lines.push(`     -> ${d.mindsetText ?? renderMindsetNote(d, labels)}`);
    }
    if (turn.reflection) {
      lines.push(`  Reflection: ${turn.reflection.text ?? renderReflection(turn.reflection)}`);
      if (turn.reflection.instruction) lines.push(`  Instruction: "${turn.reflection.instruction.text}"`);
    }
  }
  const m = t.metrics;
  lines.push('', `Watched ${Math.round(m.watchSec)} s over ${m.itemsViewed} items in ${m.turns} lists; return probability ${m.returnProbability}`);
  return lines.join('\n');
}
