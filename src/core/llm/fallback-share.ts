/**
 * How much of an LLM session the rule-based fallback decided. A session whose decisions
 * are mostly fallbacks is a rule-based session under an "llm" label, so the CLI summary,
 * the stored session's metrics and the live view say so out loud.
 */
import type { ItemDecision } from '../types';

/** Decisions of an LLM session, those the fallback made, and their share in [0, 1]. */
export interface LlmFallbackStats {
  decisions: number;
  fallbacks: number;
  share: number;
}

/** From this share of fallback decisions on, a session is flagged. */
export const FALLBACK_WARN_SHARE = 0.5;

/** The stats of these decisions, or null when none came from an LLM simulator (no `llm` or `fallback` mark). */
export function llmFallbackStats(decisions: Iterable<Pick<ItemDecision, 'llm' | 'fallback'> | undefined>): LlmFallbackStats | null {
  let n = 0;
  let fallbacks = 0;
  let llm = false;
  for (const d of decisions) {
    if (!d) continue;
    n++;
    if (d.fallback) fallbacks++;
    if (d.llm || d.fallback) llm = true;
  }
  if (!llm) return null;
  return { decisions: n, fallbacks, share: n ? Math.round((fallbacks / n) * 10_000) / 10_000 : 0 };
}

/** A warning for a session (or run) mostly decided by the fallback, or null. */
export function fallbackWarning(stats: Pick<LlmFallbackStats, 'decisions' | 'fallbacks'> | null | undefined): string | null {
  if (!stats || stats.decisions === 0 || stats.fallbacks / stats.decisions < FALLBACK_WARN_SHARE) return null;
  const pct = Math.round((stats.fallbacks / stats.decisions) * 100);
  return `${stats.fallbacks} of ${stats.decisions} decisions (${pct} %) came from the rule-based fallback, not the LLM: its replies could not be used. Treat this run as rule-based, and check the model, the prompt templates and the trace.`;
}
