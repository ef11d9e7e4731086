/**
 * Compliance on the paraphrase suite, three ways per base recommender, in one run on the
 * same cases: the base alone (the floor), base+follow with the lexicon only, and
 * base+follow with embedding matching when the lexicon finds nothing. Each figure comes
 * with a 95% Wilson interval (45 cases: intervals are wide; say so when they overlap).
 */
import { fitRng } from '../env/fit-rng';
import { createRecommender } from '../recommenders/agentic';
import type { Catalog, UserProfile } from '../types';
import { runInstructionSuite } from './instruction-suite';
import { buildParaphraseSuite } from './paraphrase-suite';

/** A proportion with its 95% Wilson score interval. */
export interface Proportion {
  passed: number;
  cases: number;
  rate: number;
  lo: number;
  hi: number;
}

/** 95% Wilson score interval of k successes in n trials. */
export function wilson(k: number, n: number, z = 1.96): Proportion {
  if (n === 0) return { passed: 0, cases: 0, rate: 0, lo: 0, hi: 1 };
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { passed: k, cases: n, rate: p, lo: Math.max(0, c - h), hi: Math.min(1, c + h) };
}

export interface ParaphraseRow {
  base: string;
  plain: Proportion;
  lexicon: Proportion;
  embedding: Proportion;
  /** Cases where the planner's topics came from embedding similarity. */
  matchedByEmbedding: number;
  /** Case ids passed with embeddings but not with the lexicon alone, and the reverse. */
  gained: string[];
  lost: string[];
}

/** Run the comparison for each base. Deterministic for a seed. */
export async function runParaphraseEval(opts: { catalog: Catalog; personas: UserProfile[]; bases: string[]; seed: number; onProgress?: (done: number, total: number) => void }): Promise<{ cases: number; rows: ParaphraseRow[] }> {
  const { catalog, personas, seed } = opts;
  const cases = buildParaphraseSuite(catalog, personas);
  const rows: ParaphraseRow[] = [];
  let done = 0;
  for (const base of opts.bases) {
    const run = async (name: string, embedMatch: boolean) => {
      const rec = createRecommender(name, undefined, { embedMatch });
      rec.fit?.({ catalog, users: personas }, fitRng(seed, name));
      return runInstructionSuite(rec, cases, catalog, personas, seed);
    };
    const plain = await run(base, false);
    const lex = await run(`${base}+follow`, false);
    const emb = await run(`${base}+follow`, true);
    const passedLex = new Set(lex.results.filter((r) => r.pass).map((r) => r.caseId));
    const passedEmb = new Set(emb.results.filter((r) => r.pass).map((r) => r.caseId));
    rows.push({
      base,
      plain: wilson(plain.passed, plain.cases),
      lexicon: wilson(lex.passed, lex.cases),
      embedding: wilson(emb.passed, emb.cases),
      matchedByEmbedding: emb.results.filter((r) => r.plan?.matchedBy === 'embedding').length,
      gained: [...passedEmb].filter((id) => !passedLex.has(id)),
      lost: [...passedLex].filter((id) => !passedEmb.has(id)),
    });
    opts.onProgress?.(++done, opts.bases.length);
  }
  return { cases: cases.length, rows };
}
