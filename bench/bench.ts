/**
 * `npm run bench -- [--json] [--only a,b] [--help]`: performance figures of the core (figures,
 * not tests). Each section is a module in bench/sections/ exporting
 * `run(): Promise<Record<string, unknown>>` (and a `title`); their results are merged
 * into one object. bench/sections/llm-prompt.ts (the LLM area's) joins when present.
 *
 * Without --json: a readable table with the targets; with --json: exactly one JSON
 * object on stdout (progress on stderr).
 *
 * Speeds swing 2-5x with machine load, so a reference (64-dim float dot products per
 * second, bench/sections/reference.ts) is measured in the same process around every
 * section, and every speed figure is also given as a ratio to it (`ratios`,
 * `decisionsPerReference`): the ratio is what to compare across machines and runs.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/cli-main';
import { UsageError } from '../src/cli/simulate-args';
import { rejectRepeatedFlags } from '../src/cli/repeated-flags';
import { CLOCK, type SectionResult } from './sections/common';
import { measureReferenceDots, ratiosTo } from './sections/reference';

/** Sections in the order they run: name -> module path (relative to this file). */
const SECTIONS: [string, string][] = [
  ['decisions', './sections/decisions.ts'],
  ['sessions', './sections/sessions.ts'],
  ['recommend', './sections/recommend.ts'],
  ['movielens', './sections/movielens.ts'],
  ['movielens-scale', './sections/movielens-scale.ts'],
  ['llm-prompt', './sections/llm-prompt.ts'],
  ['llm-representation', './sections/llm-representation.ts'],
  ['population', './sections/population.ts'],
];

/** Targets of issue 2 §8: key (or key prefix for objects) -> bound. */
const TARGETS: { key: string; op: '>=' | '<='; value: number; owner: string }[] = [
  { key: 'decisionsPerSecond', op: '>=', value: 1_000_000, owner: 'simulator' },
  { key: 'recommendP95Ms', op: '<=', value: 5, owner: 'recommenders' },
  { key: 'importSeconds', op: '<=', value: 2, owner: 'movielens' },
  { key: 'trainSeconds', op: '<=', value: 3, owner: 'recommenders' },
];

/** Flatten {a: {b: 1}} into [['a.b', 1]]. */
function flatten(obj: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) out.push(...flatten(v as Record<string, unknown>, key));
    else out.push([key, v]);
  }
  return out;
}

/** Figures that miss their target, as "key value (target op bound, owner)". */
export function missedTargets(result: Record<string, unknown>): string[] {
  const missed: string[] = [];
  for (const [key, value] of flatten(result)) {
    const t = TARGETS.find((x) => key === x.key || key.startsWith(x.key + '.'));
    if (!t || typeof value !== 'number') continue;
    const ok = t.op === '>=' ? value >= t.value : value <= t.value;
    if (!ok) missed.push(`${key} = ${value} (target ${t.op} ${t.value}; area: ${t.owner})`);
  }
  return missed;
}

function targetNote(key: string, value: unknown): string {
  const t = TARGETS.find((x) => key === x.key || key.startsWith(x.key + '.'));
  if (!t || typeof value !== 'number') return '';
  const ok = t.op === '>=' ? value >= t.value : value <= t.value;
  return `${ok ? 'ok' : 'MISSED'} (target ${t.op} ${t.value.toLocaleString('en-US')})`;
}

function formatValue(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
  return String(v);
}

export const BENCH_HELP = `Usage: npm run bench -- [--json] [--only SECTION,...]

Performance figures of the core (figures, not tests), each beside a reference measured in
the same process (64-dim dot products per second) so runs on busy machines compare.

  --only LIST   run only these sections: ${SECTIONS.map(([n]) => n).join(', ')}
  --json        one JSON object on stdout (progress on stderr)
  --help        this text`;

/** The options, or null for --help; a `UsageError` for an unknown option or section. */
export function parseBenchArgs(argv: string[]): { json: boolean; only: Set<string> | null } | null {
  let values: { json?: boolean; only?: string; help?: boolean };
  rejectRepeatedFlags(argv);
  try {
    ({ values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('. ')[0]);
  }
  if (values.help) return null;
  const only = values.only !== undefined ? new Set(values.only.split(',').map((x) => x.trim()).filter(Boolean)) : null;
  // An empty list ran every section (`--only=`, minutes) or none (`--only ,`: exit 0 with no figures).
  if (only && only.size === 0) throw new UsageError(`--only needs at least one section (known: ${SECTIONS.map(([n]) => n).join(', ')})`);
  const unknown = [...(only ?? [])].filter((n) => !SECTIONS.some(([name]) => name === n));
  if (unknown.length) throw new UsageError(`--only: unknown section ${unknown.join(', ')} (known: ${SECTIONS.map(([n]) => n).join(', ')})`);
  return { json: !!values.json, only };
}

async function main(values: { json: boolean; only: Set<string> | null }): Promise<number> {
  const only = values.only;
  const result: Record<string, unknown> = {};
  const titles: [string, string[]][] = [];
  // The yardstick is measured before every section and after the last; a section's ratios
  // use the mean of the measurements around it, so load that changes during the run
  // (other processes starting or ending) is tracked section by section.
  process.stderr.write('bench: reference (64-dim dot products) ...\n');
  const refs: number[] = [measureReferenceDots()];
  const ratios: Record<string, number> = {};
  const sectionRefs: number[] = [];
  for (const [name, path] of SECTIONS) {
    if (only && !only.has(name)) continue;
    const url = new URL(path, import.meta.url);
    if (!existsSync(url)) continue;
    process.stderr.write(`bench: ${name} ...\n`);
    const mod = (await import(url.href)) as { run: () => Promise<SectionResult>; title?: string };
    const r = await mod.run();
    refs.push(measureReferenceDots());
    const ref = (refs[refs.length - 2] + refs[refs.length - 1]) / 2;
    sectionRefs.push(ref);
    Object.assign(ratios, ratiosTo(ref, flatten(r)));
    Object.assign(result, r);
    titles.push([mod.title ?? name, Object.keys(r)]);
  }
  result.referenceDotsPerSecond = Math.round(sectionRefs.length ? sectionRefs.reduce((a, b) => a + b, 0) / sectionRefs.length : refs[0]);
  // Lowest / highest reference measured during the run: 1 on a steady machine.
  result.referenceDrift = Math.round((Math.min(...refs) / Math.max(...refs)) * 1000) / 1000;
  // The headline: measured in step with the decisions when the section did so (it does).
  const paired = result.decisionsPerPairedReference;
  if (typeof paired === 'number') result.decisionsPerReference = paired;
  else if (ratios.decisionsPerSecond !== undefined) result.decisionsPerReference = ratios.decisionsPerSecond;
  result.ratios = ratios;
  titles.push(['Reference: 64-dim float dot products (each figure\'s ratio in the last column)', ['referenceDotsPerSecond', 'referenceDrift', 'decisionsPerReference']]);
  result.machine = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
    clock: CLOCK === 'cpu' ? 'process CPU time' : 'wall clock',
  };
  result.targetsMissed = missedTargets(result);
  if (values.json) {
    process.stdout.write(JSON.stringify(result) + '\n');
    return 0;
  }
  const lines: string[] = [];
  for (const [title, keys] of titles) {
    lines.push(title);
    const rows = keys.flatMap((k) => flatten({ [k]: result[k] }));
    const w = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) {
      const ratio = ratios[k] === undefined ? '' : `ratio ${formatValue(ratios[k])}`;
      lines.push(`  ${k.padEnd(w)}  ${formatValue(v).padStart(12)}  ${ratio.padEnd(16)}  ${targetNote(k, v)}`.trimEnd());
    }
    lines.push('');
  }
  const m = result.machine as { node: string; cpu: string; cores: number; loadAverage1m: number; clock: string };
  lines.push(`node ${m.node}, ${m.cpu} (${m.cores} cores, load ${m.loadAverage1m}); timed by ${m.clock}`);
  const missed = result.targetsMissed as string[];
  lines.push(missed.length ? `targets missed:\n  ${missed.join('\n  ')}` : 'all targets met');
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

if (process.argv[1] && /bench\.(ts|js)$/.test(process.argv[1])) {
  runCli({ name: 'bench', parse: parseBenchArgs, help: BENCH_HELP, run: main }, process.argv.slice(2)).then((code) => (process.exitCode = code));
}
