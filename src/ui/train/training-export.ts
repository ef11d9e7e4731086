/**
 * History -> training data (the page's adapter of src/core/rl/history-training.ts): load the
 * listed sessions from IndexedDB, group them by built-in catalog, and judge, filter and
 * export them. Sessions on an imported catalog are skipped with the reason.
 */
import { BUILTIN_CATALOGS, loadBuiltinCatalog, loadBuiltinPersonas } from '../../core/catalog/builtin';
import { buildCatalogIndex } from '../../core/catalog/catalog-index';
import { fitRng } from '../../core/env/fit-rng';
import { isRewardName } from '../../core/env/reward';
import type { RubricId } from '../../core/eval/judge';
import { createRecommender } from '../../core/recommenders/agentic';
import { historyTrainingData, type HistoryTrainingResult, type StoredRun } from '../../core/rl/history-training';
import { simulators } from '../../core/simulator/registry';
import type { RecoDb } from '../../storage/db';
import { loadSession } from '../../storage/queries';

/** At most this many sessions go into one export (replaying is work on the page). */
export const MAX_EXPORT_SESSIONS = 500;

export interface TrainingExportOptions {
  minScores: Record<RubricId, number>;
  /** The rival recommender of the DPO pairs (fitted with seed 0 on the built-in personas). */
  rival: string;
  onProgress?: (done: number, total: number) => void;
}

const num = (v: unknown, fallback: number) => (Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : fallback);

/** Build training data from the stored sessions `ids` (the History list as filtered). */
export async function exportTrainingData(db: RecoDb, ids: readonly string[], opts: TrainingExportOptions): Promise<HistoryTrainingResult> {
  const out: HistoryTrainingResult = { chat: '', dpo: '', judged: 0, kept: 0, pairs: 0, skipped: [] };
  const byCatalog = new Map<string, StoredRun[]>();
  const use = ids.slice(0, MAX_EXPORT_SESSIONS);
  for (const id of ids.slice(MAX_EXPORT_SESSIONS)) out.skipped.push({ id, reason: `more than ${MAX_EXPORT_SESSIONS} sessions listed: filter the list` });
  for (const id of use) {
    const loaded = await loadSession(db, id);
    if (!loaded) { out.skipped.push({ id, reason: 'not found in storage' }); continue; }
    const t = loaded.trajectory;
    const s = loaded.session.settings ?? {};
    const run: StoredRun = {
      trajectory: t,
      listSize: num(s.listSize, Math.max(1, ...t.turns.map((x) => x.slate.itemIds.length))),
      maxTurns: num(s.turns, t.turns.length),
      ...(typeof s.reward === 'string' && isRewardName(s.reward) ? { reward: s.reward } : {}),
    };
    if (!BUILTIN_CATALOGS.some((c) => c.id === t.catalogId)) { out.skipped.push({ id: t.id, reason: `catalog "${t.catalogId}" is not built in` }); continue; }
    byCatalog.set(t.catalogId, [...(byCatalog.get(t.catalogId) ?? []), run]);
  }
  const personas = await loadBuiltinPersonas();
  // The sessions replayed: those skipped above are not (counted in the total, the bar stopped short of full).
  const total = [...byCatalog.values()].reduce((n, runs) => n + runs.length, 0);
  let before = 0;
  for (const [catalogId, runs] of byCatalog) {
    const catalog = await loadBuiltinCatalog(catalogId);
    const rival = createRecommender(opts.rival);
    rival.fit?.({ catalog, users: personas }, fitRng(0, rival.name));
    const r = await historyTrainingData(runs, {
      index: buildCatalogIndex(catalog),
      userOf: (uid) => personas.find((p) => p.id === uid) ?? null,
      simulator: () => simulators.get('rule-based').create(),
      minScores: opts.minScores,
      rival,
      onProgress: (d) => opts.onProgress?.(before + d, total),
    });
    before += runs.length;
    out.chat += r.chat;
    out.dpo += r.dpo;
    out.judged += r.judged;
    out.kept += r.kept;
    out.pairs += r.pairs;
    out.skipped.push(...r.skipped);
  }
  return out;
}
