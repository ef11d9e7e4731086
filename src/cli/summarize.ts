/**
 * The summary of a CLI run: totals, means with 95% confidence intervals, counts per
 * action and per end reason. Deterministic for a seed; timing lives apart (`timing`).
 */
import { meanCI, NON_NEGATIVE, type MeanCI } from '../core/metrics/summary';
import { emptyActionCounts } from '../core/metrics/session-metrics';
import type { ActionType, EndReason, Trajectory } from '../core/types';

/** What the summary keeps of one session. */
export interface SessionRecord {
  userId: string;
  watchSec: number;
  itemsViewed: number;
  turns: number;
  decisions: number;
  instructions: number;
  reward: number;
  sessionSec: number;
  returnProbability: number;
  actions: Record<ActionType, number>;
  endReason: EndReason;
  /** LLM simulators: calls made, items decided by the fallback, tokens, summed latency. */
  llmCalls: number;
  fallbacks: number;
  promptTokens: number;
  completionTokens: number;
  llmLatencyMs: number;
}

/** The record of a finished trajectory. */
export function sessionRecord(t: Trajectory): SessionRecord {
  const m = t.metrics;
  let llmCalls = 0;
  let fallbacks = 0;
  let promptTokens = 0;
  let completionTokens = 0;
  let llmLatencyMs = 0;
  for (const turn of t.turns) {
    for (const d of turn.decisions) {
      if (d.fallback) fallbacks++;
      if (d.llm) {
        llmCalls += 1 + d.llm.retries;
        promptTokens += d.llm.promptTokens;
        completionTokens += d.llm.completionTokens;
        llmLatencyMs += d.llm.latencyMs;
      }
    }
  }
  return {
    llmCalls,
    fallbacks,
    promptTokens,
    completionTokens,
    llmLatencyMs,
    userId: t.userId,
    watchSec: m.watchSec,
    itemsViewed: m.itemsViewed,
    turns: m.turns,
    decisions: t.turns.reduce((n, turn) => n + turn.decisions.length, 0),
    instructions: m.instructions,
    reward: t.turns.reduce((s, turn) => s + turn.reward, 0),
    sessionSec: m.sessionSec,
    returnProbability: m.returnProbability,
    actions: m.actions,
    endReason: m.endReason,
  };
}

export interface RunSummary {
  sessions: number;
  users: number;
  turns: number;
  decisions: number;
  instructions: number;
  meanWatchSeconds: number;
  meanItemsViewed: number;
  meanTurns: number;
  meanReward: number;
  meanSessionSeconds: number;
  meanReturnProbability: number;
  actions: Record<ActionType, number>;
  endReasons: Partial<Record<EndReason, number>>;
  ci: { watchSeconds: MeanCI; itemsViewed: MeanCI; turns: MeanCI; reward: MeanCI; sessionSeconds: MeanCI };
  /** Present when an LLM simulator ran: decisions it made, fallbacks to the rule-based one, tokens. */
  llm?: {
    decisions: number;
    fallbacks: number;
    /** Fallbacks over all decisions of the LLM sessions, in [0, 1]; at 0.5 or more the run is flagged (`fallbackWarning`). */
    fallbackShare: number;
    promptTokens: number;
    completionTokens: number;
  };
}

const round = (x: number, digits = 4) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);
const roundCI = (c: MeanCI): MeanCI => ({ mean: round(c.mean), lo: round(c.lo), hi: round(c.hi), n: c.n });

/**
 * Summarise session records. Means are rounded to 4 decimals so that the JSON is stable
 * and readable (float sums in a fixed order are deterministic anyway).
 */
export function summarize(records: readonly SessionRecord[]): RunSummary {
  const actions = emptyActionCounts();
  const endReasons: Partial<Record<EndReason, number>> = {};
  let turns = 0;
  let decisions = 0;
  let instructions = 0;
  for (const r of records) {
    turns += r.turns;
    decisions += r.decisions;
    instructions += r.instructions;
    for (const [a, n] of Object.entries(r.actions)) actions[a as ActionType] += n;
    endReasons[r.endReason] = (endReasons[r.endReason] ?? 0) + 1;
  }
  const ci = {
    watchSeconds: roundCI(meanCI(records.map((r) => r.watchSec), 0.95, NON_NEGATIVE)),
    itemsViewed: roundCI(meanCI(records.map((r) => r.itemsViewed), 0.95, NON_NEGATIVE)),
    turns: roundCI(meanCI(records.map((r) => r.turns), 0.95, NON_NEGATIVE)),
    reward: roundCI(meanCI(records.map((r) => r.reward))),
    sessionSeconds: roundCI(meanCI(records.map((r) => r.sessionSec), 0.95, NON_NEGATIVE)),
  };
  const llm = { decisions: 0, fallbacks: 0, promptTokens: 0, completionTokens: 0 };
  for (const r of records) {
    llm.decisions += r.llmCalls > 0 ? r.decisions - r.fallbacks : 0;
    llm.fallbacks += r.fallbacks;
    llm.promptTokens += r.promptTokens;
    llm.completionTokens += r.completionTokens;
  }
  const usedLlm = records.some((r) => r.llmCalls > 0 || r.fallbacks > 0);
  const llmTotal = llm.decisions + llm.fallbacks;
  const llmReport = { decisions: llm.decisions, fallbacks: llm.fallbacks, fallbackShare: llmTotal ? round(llm.fallbacks / llmTotal) : 0, promptTokens: llm.promptTokens, completionTokens: llm.completionTokens };
  return {
    sessions: records.length,
    users: new Set(records.map((r) => r.userId)).size,
    turns,
    decisions,
    instructions,
    meanWatchSeconds: ci.watchSeconds.mean,
    meanItemsViewed: ci.itemsViewed.mean,
    meanTurns: ci.turns.mean,
    meanReward: ci.reward.mean,
    meanSessionSeconds: ci.sessionSeconds.mean,
    meanReturnProbability: round(meanCI(records.map((r) => r.returnProbability)).mean),
    actions,
    endReasons,
    ci,
    ...(usedLlm ? { llm: llmReport } : {}),
  };
}
