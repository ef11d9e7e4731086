/**
 * Trajectories as training data for LLM recommenders (docs/training.md):
 * - chat fine-tuning JSONL: one line per kept trajectory, `{"messages": [system, then per
 *   list: user (the observation), assistant (the list and reply)]}`;
 * - DPO preference pairs: at one user's turn t, two lists shown after the *same* prefix
 *   (the environment replayed with the same seed and the same earlier lists, so the user
 *   is in exactly the same state): the one the user stayed through ("chosen") against
 *   the one they left on ("rejected").
 */
import type { CatalogIndex } from '../catalog/catalog-index';
import { RecoEnv } from '../env/reco-env';
import type { RewardName } from '../env/reward';
import { recommenderRng } from '../env/session-driver';
import type { UserSimulator } from '../simulator/simulator';
import type { Context, Observation, Recommender, Slate, Trajectory, UserProfile } from '../types';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The system prompt of every example. */
export const RECOMMENDER_SYSTEM_PROMPT =
  'You are a feed recommender. Each user message is what you know about the user now (JSON). ' +
  'Reply with JSON {"items": [k item ids, best first], "message"?: a short reply when the user gave an instruction}. ' +
  'Never repeat an id in "shown".';

/** The observation as the user turn: compact JSON of what a recommender may see. */
export function observationContent(obs: Observation, k: number, index: CatalogIndex): string {
  const recent = obs.history.slice(-10).map((h) => {
    const it = index.byId.get(h.itemId);
    return { id: h.itemId, action: h.action, topic: it?.topic ?? '' };
  });
  return JSON.stringify({
    turn: obs.turn,
    k,
    instruction: obs.instruction,
    profile: { age: obs.profile.age, location: obs.profile.location, occupation: obs.profile.occupation, interests: obs.profile.interests },
    context: obs.context,
    feedback: obs.implicit ?? null,
    recent,
    shown: obs.shown,
  });
}

/** The assistant turn of a slate. */
export function slateContent(s: Slate): string {
  return JSON.stringify(s.message ? { items: s.itemIds, message: s.message } : { items: s.itemIds });
}

/** One chat fine-tuning example from a trajectory and the observation before each of its lists. */
export function chatExample(t: Trajectory, observations: readonly Observation[], k: number, index: CatalogIndex): { messages: ChatMessage[] } {
  if (observations.length < t.turns.length) throw new Error(`Trajectory ${t.id}: ${t.turns.length} lists but ${observations.length} observations`);
  const messages: ChatMessage[] = [{ role: 'system', content: RECOMMENDER_SYSTEM_PROMPT }];
  t.turns.forEach((turn, i) => {
    messages.push({ role: 'user', content: observationContent(observations[i], k, index) });
    messages.push({ role: 'assistant', content: slateContent(turn.slate) });
  });
  return { messages };
}

/** A DPO pair in the conversational format (TRL): prompt messages, chosen and rejected replies. */
export interface PreferencePair {
  prompt: ChatMessage[];
  chosen: ChatMessage[];
  rejected: ChatMessage[];
  meta: { userId: string; seed: number; turn: number; chosenBy: string; rejectedBy: string };
}

export interface BranchConfig {
  index: CatalogIndex;
  user: UserProfile;
  context: Context;
  simulator: () => UserSimulator;
  seed: number;
  listSize: number;
  maxTurns: number;
  instructionsEnabled: boolean;
  reward?: RewardName;
}

/** Replay `prefix` lists from `seed`, then show `slate`: the observation before it, and whether the user left on it. */
async function branch(cfg: BranchConfig, prefix: readonly Slate[], alternative: Recommender | Slate): Promise<{ observation: Observation; slate: Slate; left: boolean } | null> {
  const env = new RecoEnv({
    catalog: cfg.index.catalog, index: cfg.index, user: cfg.user, context: cfg.context, simulator: cfg.simulator(),
    maxTurns: cfg.maxTurns, instructionsEnabled: cfg.instructionsEnabled, reward: cfg.reward,
  });
  let obs = (await env.reset({ seed: cfg.seed })).observation;
  for (const s of prefix) {
    const r = await env.step(s);
    if (r.terminated || r.truncated) return null;
    obs = r.observation;
  }
  const slate = 'itemIds' in alternative ? alternative : await alternative.recommend(obs, cfg.listSize, recommenderRng(cfg.seed).fork(`branch:${prefix.length}`));
  if (slate.itemIds.length === 0) return null;
  const r = await env.step(slate);
  return { observation: obs, slate, left: r.info.decisions.some((d) => d.actions.includes('leave')) };
}

/**
 * Preference pairs along one trajectory: at each turn, the trajectory's own list against
 * the list `rival` (fitted) recommends for the same observation, both shown after the same
 * prefix. A pair is kept when exactly one of the two lists lost the user.
 */
export async function preferencePairs(t: Trajectory, rival: Recommender, cfg: BranchConfig): Promise<PreferencePair[]> {
  const pairs: PreferencePair[] = [];
  const slates = t.turns.map((x) => x.slate);
  for (let i = 0; i < slates.length; i++) {
    const own = await branch(cfg, slates.slice(0, i), slates[i]);
    const alt = await branch(cfg, slates.slice(0, i), rival);
    if (!own || !alt || own.left === alt.left) continue;
    const [win, lose, winBy, loseBy] = own.left ? [alt, own, rival.name, t.recommender] : [own, alt, t.recommender, rival.name];
    pairs.push({
      prompt: [
        { role: 'system', content: RECOMMENDER_SYSTEM_PROMPT },
        { role: 'user', content: observationContent(own.observation, cfg.listSize, cfg.index) },
      ],
      chosen: [{ role: 'assistant', content: slateContent(win.slate) }],
      rejected: [{ role: 'assistant', content: slateContent(lose.slate) }],
      meta: { userId: t.userId, seed: cfg.seed, turn: i, chosenBy: winBy, rejectedBy: loseBy },
    });
  }
  return pairs;
}
