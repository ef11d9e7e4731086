/**
 * The readable (non-JSON) report of `npm run simulate`: a small aligned table.
 */
import type { MeanCI } from '../core/metrics/summary';
import type { RunSummary } from './summarize';

export interface FormattableReport extends RunSummary {
  recommender: string;
  simulator: string;
  seed: number;
  catalog: string;
  catalogItems: number;
  listSize: number;
  maxTurns: number;
  instructionsEnabled: boolean;
  reward: string;
  errors: number;
  stopped?: boolean;
  llmModel?: string | null;
  /** Said out loud under the table (e.g. a run mostly decided by the LLM's fallback). */
  warnings?: string[];
  out?: string;
  timing: { totalMs: number; fitMs: number; simulateMs: number; sessionsPerSecond: number; decisionsPerSecond: number };
}

const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '-');
const ci = (c: MeanCI, digits = 1) => (c.n > 1 ? `${fmt(c.mean, digits)}  [${fmt(c.lo, digits)}, ${fmt(c.hi, digits)}]` : fmt(c.mean, digits));

/** Rows of label/value pairs, aligned on the label column. */
function table(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n');
}

export function formatSummary(r: FormattableReport): string {
  const actions = Object.entries(r.actions)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${a} ${n}`)
    .join(', ');
  const ends = Object.entries(r.endReasons)
    .map(([e, n]) => `${e} ${n}`)
    .join(', ');
  return [
    `RecoWorld simulate: ${r.recommender} vs ${r.simulator} on ${r.catalog} (${r.catalogItems} items), seed ${r.seed}`,
    `${r.sessions} sessions of ${r.users} users, lists of ${r.listSize}, at most ${r.maxTurns} turns, instructions ${r.instructionsEnabled ? 'on' : 'off'}`,
    '',
    table([
      ['watch seconds / session', ci(r.ci.watchSeconds)],
      ['items viewed / session', ci(r.ci.itemsViewed)],
      ['turns / session', ci(r.ci.turns, 2)],
      [`reward (${r.reward}) / session`, ci(r.ci.reward, 2)],
      ['session seconds', ci(r.ci.sessionSeconds)],
      ['return probability', fmt(r.meanReturnProbability, 3)],
      ['decisions, instructions', `${r.decisions}, ${r.instructions}`],
      ['actions', actions || '-'],
      ['end reasons', ends || '-'],
      ['time', `${(r.timing.totalMs / 1000).toFixed(2)} s (fit ${r.timing.fitMs} ms, ${r.timing.sessionsPerSecond} sessions/s)`],
      ...(r.llm
        ? ([['LLM (' + (r.llmModel ?? '?') + ')', `${r.llm.decisions} decisions, ${r.llm.fallbacks} fallbacks (${Math.round(r.llm.fallbackShare * 100)} %), ${r.llm.promptTokens} + ${r.llm.completionTokens} tokens`]] as [string, string][])
        : []),
      ...(r.out ? ([['trajectories', r.out]] as [string, string][]) : []),
      ...(r.stopped ? ([['stopped', 'before the end (Ctrl-C or a failing first session)']] as [string, string][]) : []),
      ...(r.errors ? ([['failed sessions', String(r.errors)]] as [string, string][]) : []),
    ]),
    '',
    '  (means with 95% confidence intervals, t distribution)',
    ...(r.warnings ?? []).map((w) => `\n  WARNING: ${w}`),
  ].join('\n');
}
