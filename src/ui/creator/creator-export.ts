/**
 * Exports and links of the creator lab: the result as JSON (experiment + figures) or CSV
 * (one row per strategy x horizon x metric with its quantiles), and the experiment in a
 * share link's fragment (`#creator=<base64url JSON>`), so opening the link reproduces it.
 */
import { HORIZONS, METRICS, type ExperimentResult } from '../../core/creator';
import { csvText } from '../../core/csv';

/**
 * CSV of the fan-chart figures: strategy, horizon, metric, p5..p95. The strategy's label is
 * text from the form or a share link: quoted as CSV (it was JSON-quoted, which writes `\"`
 * where CSV wants `""`) and defused against spreadsheet formulas.
 */
export function resultCsv(r: ExperimentResult): string {
  const rows = ['strategy,horizon,metric,p5,p25,p50,p75,p95'];
  for (const s of r.strategies) {
    for (const h of HORIZONS) {
      for (const m of METRICS) {
        const q = s.horizons[h.key][m];
        rows.push([csvText(s.label), h.key, m, q.p5, q.p25, q.p50, q.p75, q.p95].join(','));
      }
    }
  }
  return rows.join('\n') + '\n';
}

/** The result and the experiment that produced it, as one JSON document. */
export function resultJson(experiment: unknown, r: ExperimentResult): string {
  return JSON.stringify({ format: 'recoworld-creator-run', version: 1, experiment, result: r }, null, 2);
}

const PREFIX = '#creator=';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): string {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** A link to the creator lab with this experiment in its fragment. */
export function shareLink(base: string, experiment: unknown): string {
  const url = new URL(base);
  url.searchParams.set('view', 'creator');
  url.hash = PREFIX.slice(1) + toBase64Url(JSON.stringify(experiment));
  return url.toString();
}

/** The experiment in a link's fragment, or null when there is none. Throws on a malformed one (said to the user). */
export function experimentFromHash(hash: string): unknown | null {
  if (!hash.startsWith(PREFIX)) return null;
  if (hash.length > 20_000) throw new Error('The shared experiment is too long to read.');
  try {
    return JSON.parse(fromBase64Url(hash.slice(PREFIX.length)));
  } catch {
    throw new Error('The shared experiment in this link is damaged (not valid JSON).');
  }
}
