/**
 * The rules the contract checker (check-env.ts) applies to observations, actions,
 * decisions, steps and trajectories. Each function returns problems as sentences.
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { ACTION_TYPES, type ItemDecision, type Observation, type Slate, type Trajectory, type Turn, type UserProfile } from '../types';
import type { SessionEvent, StepResult } from './environment';

const VISIBLE_KEYS = ['age', 'gender', 'groups', 'id', 'interests', 'location', 'name', 'occupation'];
const TERMINAL: readonly string[] = ['left_silent', 'time_up', 'no_instructions', 'catalog_exhausted', 'error'];
const TRUNCATING: readonly string[] = ['turn_limit', 'stopped'];
const inUnit = (x: number) => Number.isFinite(x) && x >= -1e-9 && x <= 1 + 1e-9;

/** What a recommender sees must hold nothing it may not see, and agree with what was shown. */
export function checkObservation(
  obs: Observation,
  user: UserProfile,
  previousSlates: readonly Slate[],
  expectedInstruction: string | null,
): string[] {
  const p: string[] = [];
  const keys = Object.keys(obs.profile).sort();
  if (keys.join() !== VISIBLE_KEYS.join()) p.push(`observation.profile has keys [${keys}] (expected exactly [${VISIBLE_KEYS}])`);
  if (obs.userId !== user.id) p.push(`observation.userId "${obs.userId}" is not the user "${user.id}"`);
  const held = new Set((user.heldOut ?? []).map((h) => `${h.itemId}@${h.at}`));
  for (const h of obs.history) {
    if (held.has(`${h.itemId}@${h.at}`)) {
      p.push(`observation.history leaks held-out interaction ${h.itemId}@${h.at}`);
      break;
    }
  }
  const prior = user.history;
  for (let i = 0; i < prior.length; i++) {
    if (obs.history[i] !== prior[i] && JSON.stringify(obs.history[i]) !== JSON.stringify(prior[i])) {
      p.push(`observation.history does not start with the user's prior history (differs at ${i})`);
      break;
    }
  }
  const shown = previousSlates.flatMap((s) => s.itemIds);
  const shownSet = new Set(shown);
  for (const h of obs.history.slice(prior.length)) {
    if (!shownSet.has(h.itemId)) {
      p.push(`observation.history has an interaction with "${h.itemId}", which was never shown`);
      break;
    }
  }
  if (obs.shown.join('\u0000') !== shown.join('\u0000')) p.push(`observation.shown (${obs.shown.length} ids) is not the ids of the lists shown (${shown.length})`);
  if (obs.turn !== previousSlates.length) p.push(`observation.turn is ${obs.turn}, expected ${previousSlates.length}`);
  if (obs.instruction !== expectedInstruction) {
    p.push(`observation.instruction is ${JSON.stringify(obs.instruction)}, expected ${JSON.stringify(expectedInstruction)}`);
  }
  return p;
}

/** A recommender's slate must be k or fewer known, distinct, unseen ids. */
export function checkSlate(slate: Slate, obs: Observation, k: number, index: CatalogIndex): string[] {
  const p: string[] = [];
  if (!slate || !Array.isArray(slate.itemIds)) return ['recommend() did not return { itemIds: string[] }'];
  if (slate.itemIds.length > k) p.push(`slate has ${slate.itemIds.length} items for k = ${k}`);
  const seen = new Set<string>();
  const shown = new Set(obs.shown);
  for (const id of slate.itemIds) {
    if (!index.byId.has(id)) p.push(`slate has unknown item id ${JSON.stringify(id)}`);
    if (seen.has(id)) p.push(`slate repeats item "${id}"`);
    if (shown.has(id)) p.push(`slate repeats item "${id}" already shown in this session`);
    seen.add(id);
  }
  return p;
}

/** One decision: valid actions, watch time within the item's duration, bounded numbers. */
export function checkDecision(d: ItemDecision, slate: Slate, position: number, isLast: boolean, index: CatalogIndex): string[] {
  const p: string[] = [];
  const at = `decision ${position} ("${d.itemId}")`;
  if (d.position !== position) p.push(`${at} has position ${d.position}`);
  if (d.itemId !== slate.itemIds[position]) p.push(`${at} is not the slate's item "${slate.itemIds[position]}"`);
  if (!Array.isArray(d.actions) || d.actions.length === 0) p.push(`${at} has no actions`);
  for (const a of d.actions ?? []) if (!ACTION_TYPES.includes(a)) p.push(`${at} has unknown action "${a}"`);
  const leaveAt = (d.actions ?? []).indexOf('leave');
  if (leaveAt >= 0 && leaveAt !== d.actions.length - 1) p.push(`${at}: 'leave' is not its last action`);
  if (leaveAt >= 0 && !isLast) p.push(`${at}: 'leave' on an item that is not the last one decided`);
  const item = index.byId.get(d.itemId);
  if (!Number.isFinite(d.watchSec) || d.watchSec < 0 || (item && d.watchSec > item.durationSec + 1e-9)) {
    p.push(`${at}: watchSec ${d.watchSec} is outside [0, ${item?.durationSec}]`);
  }
  if (!inUnit(d.interest)) p.push(`${at}: interest ${d.interest} is outside [0, 1]`);
  if (!d.mindset || !inUnit(d.mindset.satisfaction)) p.push(`${at}: mindset.satisfaction is outside [0, 1]`);
  if (!d.mindset || !Number.isFinite(d.mindset.timeLeftSec)) p.push(`${at}: mindset.timeLeftSec is not finite`);
  if (!d.mindset || !inUnit(d.mindset.boredom)) p.push(`${at}: mindset.boredom is outside [0, 1]`);
  if (!Array.isArray(d.reasons)) p.push(`${at}: reasons is not an array`);
  return p;
}

/** A turn: decisions in slate order, 'leave' and reflection together, a finite reward. */
export function checkTurn(turn: Turn, index: CatalogIndex): string[] {
  const p: string[] = [];
  const ds = turn.decisions;
  if (ds.length > turn.slate.itemIds.length) p.push(`turn ${turn.index} has more decisions than items`);
  ds.forEach((d, i) => p.push(...checkDecision(d, turn.slate, i, i === ds.length - 1, index).map((m) => `turn ${turn.index} ${m}`)));
  const left = ds.length > 0 && ds[ds.length - 1].actions.includes('leave');
  if (left !== (turn.reflection !== null)) p.push(`turn ${turn.index}: ${left ? "'leave' without a reflection" : 'a reflection without leaving'}`);
  const mindsets = new Set(ds.map((d) => d.mindset));
  if (mindsets.size !== ds.length) p.push(`turn ${turn.index}: decisions share one mindset object (each needs its own snapshot)`);
  if (!Number.isFinite(turn.reward)) p.push(`turn ${turn.index}: reward ${turn.reward} is not finite`);
  return p;
}

/** Step results: finite rewards, exactly one end, flags that agree with the end reason. */
export function checkSteps(steps: readonly StepResult[], t: Trajectory, maxTurns: number): string[] {
  const p: string[] = [];
  steps.forEach((r, i) => {
    const end = r.terminated || r.truncated;
    if (!Number.isFinite(r.reward)) p.push(`step ${i}: reward ${r.reward} is not finite`);
    if (r.terminated && r.truncated) p.push(`step ${i}: both terminated and truncated`);
    if (end !== (i === steps.length - 1)) p.push(`step ${i}: ${end ? 'ended before the last step' : 'the last step did not end the session'}`);
    if (end !== (r.info.endReason !== null)) p.push(`step ${i}: info.endReason ${r.info.endReason} disagrees with terminated/truncated`);
    if (r.terminated && r.info.endReason && !TERMINAL.includes(r.info.endReason)) p.push(`step ${i}: terminated with endReason ${r.info.endReason}`);
    if (r.truncated && r.info.endReason && !TRUNCATING.includes(r.info.endReason)) p.push(`step ${i}: truncated with endReason ${r.info.endReason}`);
  });
  const last = steps[steps.length - 1];
  if (last && last.info.endReason !== t.endReason) p.push(`trajectory endReason ${t.endReason} is not the last step's ${last.info.endReason}`);
  if (t.turns.length > maxTurns) p.push(`${t.turns.length} turns for maxTurns ${maxTurns}`);
  if (t.endReason === 'turn_limit' && t.turns.length !== maxTurns) p.push(`turn_limit after ${t.turns.length} of ${maxTurns} turns`);
  const stepRewards = steps.map((s) => s.reward).reduce((a, b) => a + b, 0);
  const turnRewards = t.turns.map((s) => s.reward).reduce((a, b) => a + b, 0);
  if (Math.abs(stepRewards - turnRewards) > 1e-6) p.push(`step rewards sum ${stepRewards} but turn rewards sum ${turnRewards}`);
  return p;
}

/** A finished trajectory: consistent metrics, instructions only where they may be. */
export function checkTrajectory(t: Trajectory, index: CatalogIndex): string[] {
  const p: string[] = [];
  t.turns.forEach((turn, i) => {
    if (turn.index !== i) p.push(`turn ${i} has index ${turn.index}`);
    p.push(...checkTurn(turn, index));
    const instructed = !!turn.reflection?.instruction;
    if (turn.reflection && !instructed && i !== t.turns.length - 1) p.push(`turn ${i}: the user left silently but the session went on`);
    if (!t.instructionsEnabled && instructed) p.push(`turn ${i}: an instruction with instructions off`);
  });
  if (!t.instructionsEnabled && t.turns.length > 1) p.push(`${t.turns.length} turns with instructions off (expected 1)`);
  const m = t.metrics;
  for (const [k, v] of Object.entries(m)) if (typeof v === 'number' && !Number.isFinite(v)) p.push(`metrics.${k} is not finite`);
  for (const [k, v] of Object.entries(m.actions)) if (!Number.isFinite(v)) p.push(`metrics.actions.${k} is not finite`);
  if (m.turns !== t.turns.length) p.push(`metrics.turns ${m.turns} but ${t.turns.length} turns`);
  if (m.endReason !== t.endReason) p.push(`metrics.endReason ${m.endReason} but endReason ${t.endReason}`);
  if (!inUnit(m.returnProbability)) p.push(`metrics.returnProbability ${m.returnProbability} is outside [0, 1]`);
  return p;
}

/** The runner's events: session_start first, session_end last, one list per turn, item_start before each decision. */
export function checkEvents(events: readonly SessionEvent[], t: Trajectory): string[] {
  const p: string[] = [];
  if (events[0]?.type !== 'session_start') p.push(`first event is ${events[0]?.type}, expected session_start`);
  if (events[events.length - 1]?.type !== 'session_end') p.push(`last event is ${events[events.length - 1]?.type}, expected session_end`);
  const lists = events.filter((e) => e.type === 'list').length;
  if (lists !== t.turns.length) p.push(`${lists} list events for ${t.turns.length} turns`);
  const decisions = events.filter((e) => e.type === 'decision').length;
  const total = t.turns.reduce((n, turn) => n + turn.decisions.length, 0);
  if (decisions !== total) p.push(`${decisions} decision events for ${total} decisions`);
  events.forEach((e, i) => {
    if (e.type !== 'decision') return;
    const prev = events.slice(0, i).reverse().find((x) => x.type === 'item_start');
    if (!prev || prev.type !== 'item_start' || prev.position !== e.decision.position || prev.itemId !== e.decision.itemId) {
      p.push(`decision event ${i} is not preceded by its item_start`);
    }
  });
  return p;
}
