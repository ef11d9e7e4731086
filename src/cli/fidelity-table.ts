/**
 * The readable table of `evaluate --protocol fidelity` (without --json): the simulator
 * beside every baseline, test split then tuning split, each named.
 */
import type { FidelityGoal } from '../core/eval/fidelity-goals';
import { bandBaseline, type PopularityBand } from '../core/eval/fidelity-popularity';

type Fig = { auc: number; balancedAccuracy: number; accuracy: number };
type Split = {
  users: number;
  ratios: Record<string, Fig & { f1: number; baselines: Record<string, Fig>; margin: { auc: number; ci95: [number, number]; over: string } }>;
  taste: Fig & { baselines: Record<string, Fig>; margin: { auc: number; ci95: [number, number]; over: string } };
  rating: { rmse: number; mae: number; baselineRmse: number; baselineMae: number };
  calibration: { simulatedLikeRate: number; realLikeRate: number; perUserCorrelation: number; perUserMae: number };
  byPopularity?: Record<string, PopularityBand>;
};

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');

function row(name: string, x: Fig): string {
  return `  ${name.padEnd(16)} AUC ${f3(x.auc)}  bal.acc ${f3(x.balancedAccuracy)}  acc ${f3(x.accuracy)}`;
}

function split(label: string, s: Split): string[] {
  const out = [`${label} split (${s.users} users)`];
  for (const [r, x] of Object.entries(s.ratios)) {
    out.push(` liked vs unseen 1:${r}`, row('simulator', x));
    for (const [n, b] of Object.entries(x.baselines)) out.push(row(n, b));
    out.push(`  margin over ${x.margin.over}: ${f3(x.margin.auc)} AUC [${f3(x.margin.ci95[0])}, ${f3(x.margin.ci95[1])}]`);
  }
  out.push(' taste (liked >= 4 vs disliked, held-out rated movies)', row('simulator', s.taste));
  for (const [n, b] of Object.entries(s.taste.baselines)) out.push(row(n, b));
  out.push(`  margin over ${s.taste.margin.over}: ${f3(s.taste.margin.auc)} AUC [${f3(s.taste.margin.ci95[0])}, ${f3(s.taste.margin.ci95[1])}]`);
  out.push(` rating: RMSE ${f3(s.rating.rmse)} MAE ${f3(s.rating.mae)} (user+item mean: RMSE ${f3(s.rating.baselineRmse)} MAE ${f3(s.rating.baselineMae)})`);
  const c = s.calibration;
  out.push(` calibration: like rate ${f3(c.simulatedLikeRate)} vs real ${f3(c.realLikeRate)}; per user r ${f3(c.perUserCorrelation)}, MAE ${f3(c.perUserMae)}`);
  const first = Object.entries(s.ratios)[0];
  const over = s.byPopularity && first ? bandBaseline(s.byPopularity, first[1].baselines) : null;
  if (s.byPopularity && first && over) {
    out.push(` liked vs unseen 1:${first[0]} by the liked movie's ratings before the cut-off (AUC against every negative): simulator / ${over}`);
    for (const [band, b] of Object.entries(s.byPopularity)) out.push(`  ${band.padStart(6)} ${band === '1' ? 'rating: ' : 'ratings:'} ${String(Math.round(b.positives)).padStart(5)} liked   ${f3(b.simulator)} / ${f3(b.baselines[over])}`);
  }
  return out;
}

/** Both splits as text. */
export function fidelityTable(res: Record<string, unknown>): string {
  const test = res as unknown as Split;
  const tuning = res.tuning as Split;
  const out = [`simulator: ${res.simulator}; seeds ${(res.seeds as number[]).join(', ')}; figures are means over seeds`, ...split('TEST', test), '', ...split('TUNING', tuning)];
  const goals = res.goals as FidelityGoal[] | undefined;
  if (goals) {
    out.push('', 'Targets (test split; docs/evaluation.md):');
    for (const g of goals) out.push(`  ${(g.met === null ? 'not measured' : g.met ? 'met' : 'NOT MET').padEnd(13)} ${g.target}: ${g.value}`);
  }
  const sessions = res.sessions as { users: number; responseModel: Record<string, Record<string, number>>; previousModel: Record<string, Record<string, number>> } | undefined;
  if (sessions) {
    out.push('', `MovieLens sessions (${sessions.users} users, instructions on): left dissatisfied / bored / time up; watch / like / skip rate`);
    for (const [label, block] of [['response model', sessions.responseModel], ['previous model', sessions.previousModel]] as const) {
      for (const [rec, v] of Object.entries(block)) {
        out.push(`  ${label.padEnd(15)} ${rec.padEnd(8)} ${f3(v.leftDissatisfied)} / ${f3(v.leftBored)} / ${f3(v.timeUp)};  ${f3(v.watchRate)} / ${f3(v.likeRate)} / ${f3(v.skipRate)}`);
      }
    }
  }
  return out.join('\n');
}
