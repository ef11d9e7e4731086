/**
 * Leaderboard rows as CSV, JSON and a Markdown table. The column list is data, shared by
 * the exports and the leaderboard view, so what is downloaded is what is shown.
 */
import { csvField, csvText } from '../csv';
import type { MeanCI } from '../metrics/summary';
import type { LeaderboardResult, LeaderboardRow } from './leaderboard';

/** A leaderboard column: its key (also the CSV header), label, sort value and display format. */
export interface LeaderboardColumn {
  key: string;
  label: string;
  /** Short explanation (table header tooltip, Markdown legend). */
  title: string;
  /** Sort value; null sorts last. */
  value(r: LeaderboardRow): number | string | null;
  /** Cell text. */
  text(r: LeaderboardRow): string;
  /** A mean with a 95% interval: the CSV gets `_lo` / `_hi` columns too. */
  ci?(r: LeaderboardRow): MeanCI;
}

const fixed = (x: number | null, d: number) => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(d));
const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(1)}%`);
const ciText = (m: MeanCI, d: number) => (Number.isFinite(m.mean) ? `${m.mean.toFixed(d)} [${m.lo.toFixed(d)}, ${m.hi.toFixed(d)}]` : '–');

/** The leaderboard's columns, in display order. */
export const LEADERBOARD_COLUMNS: readonly LeaderboardColumn[] = [
  { key: 'recommender', label: 'Recommender', title: 'Base recommender, or "+follow": wrapped by the instruction-following recommender', value: (r) => r.recommender, text: (r) => r.recommender },
  { key: 'watch_sec', label: 'Watch s', title: 'Mean watch seconds per session with its 95% confidence interval', value: (r) => r.watchSec.mean, text: (r) => ciText(r.watchSec, 1), ci: (r) => r.watchSec },
  { key: 'turns', label: 'Turns', title: 'Mean lists per session (95% CI)', value: (r) => r.turns.mean, text: (r) => ciText(r.turns, 2), ci: (r) => r.turns },
  { key: 'items_viewed', label: 'Items', title: 'Mean items viewed per session (95% CI)', value: (r) => r.itemsViewed.mean, text: (r) => ciText(r.itemsViewed, 1), ci: (r) => r.itemsViewed },
  { key: 'retention', label: 'Retention', title: "Mean return probability after the session (the simulator's retention model), 95% CI", value: (r) => r.retention.mean, text: (r) => ciText(r.retention, 3), ci: (r) => r.retention },
  { key: 'compliance', label: 'Compliance', title: 'Share of the 64 instruction cases whose next list passed its stated checks', value: (r) => r.compliance, text: (r) => pct(r.compliance) },
  { key: 'verdict', label: 'User verdict', title: "Share of the simulated users' instructions after which satisfaction recovered on the next list", value: (r) => r.verdict, text: (r) => pct(r.verdict) },
  { key: 'ndcg', label: 'NDCG@10', title: "Offline NDCG@10 against the personas' held-out positives", value: (r) => r.ndcg, text: (r) => fixed(r.ndcg, 4) },
  { key: 'recall', label: 'Recall@10', title: "Offline Recall@10 against the personas' held-out positives", value: (r) => r.recall, text: (r) => fixed(r.recall, 4) },
  { key: 'diversity', label: 'Diversity', title: "Mean intra-list diversity of each user's first list", value: (r) => r.diversity, text: (r) => fixed(r.diversity, 3) },
  { key: 'coverage', label: 'Coverage', title: "Share of the catalog in at least one user's first list", value: (r) => r.coverage, text: (r) => pct(r.coverage) },
  { key: 'quadrant', label: 'Quadrant', title: 'Where the recommender falls on the NDCG-versus-retention chart (relative to the medians)', value: (r) => r.quadrant, text: (r) => r.quadrant },
];

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e4) / 1e4 : NaN);

/** What the view says in place of an interval from a single session. */
export const ONE_SESSION_NO_INTERVAL = 'one session: no interval';

/** A column's cell as the view shows it: a one-session mean says it has no interval ([x, x] before). */
function cellText(c: LeaderboardColumn, r: LeaderboardRow): string {
  const m = c.ci?.(r);
  if (m && m.n < 2 && Number.isFinite(m.mean)) return `${c.text(r).replace(/ \[[^\]]*\]$/, '')} (${ONE_SESSION_NO_INTERVAL})`;
  return c.text(r);
}

/**
 * The rows as CSV (RFC 4180, CRLF line ends): raw numbers rounded to 4 decimals, intervals as
 * `_lo`/`_hi` columns (empty for a one-session mean, which has none). Text cells (a recommender's name is whatever its author called it) are
 * defused against spreadsheet formulas (`csvText`).
 */
export function toCsv(result: LeaderboardResult): string {
  const header: string[] = [];
  for (const c of LEADERBOARD_COLUMNS) {
    header.push(c.key);
    if (c.ci) header.push(`${c.key}_lo`, `${c.key}_hi`);
  }
  header.push('sessions', 'compliance_passed', 'compliance_cases', 'verdict_instructions');
  const lines = [header.map(csvField).join(',')];
  for (const r of result.rows) {
    const cells: (string | number | null)[] = [];
    for (const c of LEADERBOARD_COLUMNS) {
      if (c.ci) {
        const m = c.ci(r);
        // One session has no interval (lo = hi = mean claimed a certainty): empty cells, read
        // back as missing; the row's `sessions` says why.
        cells.push(round(m.mean), ...(m.n < 2 ? [NaN, NaN] : [round(m.lo), round(m.hi)]));
      } else {
        const v = c.value(r);
        cells.push(typeof v === 'number' ? round(v) : v);
      }
    }
    cells.push(r.sessions, r.compliancePassed, r.complianceCases, r.verdictInstructions);
    lines.push(cells.map(csvText).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** The whole result (benchmark, rows, medians) as pretty JSON; non-finite numbers become null. */
export function toJson(result: LeaderboardResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

/** A Markdown table cell: pipes and line breaks escaped. */
export function mdCell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The benchmark line, then a GitHub-flavoured Markdown table of the displayed cells. */
export function toMarkdown(result: LeaderboardResult): string {
  const head = `| ${LEADERBOARD_COLUMNS.map((c) => mdCell(c.label)).join(' | ')} |`;
  const rule = `| ${LEADERBOARD_COLUMNS.map((c, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`;
  const body = result.rows.map((r) => `| ${LEADERBOARD_COLUMNS.map((c) => mdCell(cellText(c, r))).join(' | ')} |`);
  return [`Benchmark: ${mdCell(result.description)}`, '', head, rule, ...body, ''].join('\n');
}
