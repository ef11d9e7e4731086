/**
 * The shared vocabulary of RecoWorld Playground: items, users, context, actions,
 * decisions, turns and trajectories. Pure types, no platform access.
 *
 * Units are part of the names: `...Sec` is seconds, `...Ms` is milliseconds,
 * timestamps (`at`, `publishedAt`) are epoch milliseconds. Weights and scores
 * without a unit are in [0, 1] unless stated.
 */

/** A value or a promise of it: rule-based code stays synchronous and fast, LLM code is async. */
export type MaybePromise<T> = T | Promise<T>;

// ---------------------------------------------------------------------------
// Items and catalogs
// ---------------------------------------------------------------------------

/** How an item is presented in the feed (the paper's §3.2 content types, plus movies for MovieLens). */
export type ItemFormat = 'short_video' | 'text_post' | 'image' | 'friend_suggestion' | 'movie';

/** One recommendable thing. Everything a user (simulated or real) may see about it. */
export interface Item {
  /** Stable id, unique in its catalog (e.g. "sv-0042", "ml-1193"). */
  id: string;
  /** Reads like a real post or a real movie title. */
  title: string;
  /** One sentence. */
  description: string;
  /** Interest cluster id, e.g. "fishing", "ufc", "hairstyling" (MovieLens: primary genre). */
  topic: string;
  /** Finer grain inside the topic, e.g. "lobster", "deep-sea" (MovieLens: secondary genre or ""). */
  subtopic: string;
  /** Hashtags without '#', lower-case (MovieLens: genres and user tags). */
  tags: string[];
  /** Creator id (a handle); "" where unknown. */
  creator: string;
  format: ItemFormat;
  /** Length of the content in seconds (reading time for text posts). */
  durationSec: number;
  /** Epoch ms. */
  publishedAt: number;
  /** City or region, e.g. "San Francisco Bay Area, CA"; "" where unknown. */
  locale: string;
  likes: number;
  shares: number;
  comments: number;
  /** Production/editorial quality in [0, 1]. */
  quality: number;
}

/** A topic (interest cluster) and its human label. */
export interface TopicInfo {
  id: string;
  label: string;
  /** Related topic ids: used for "something different but related" and exploration. */
  related: string[];
}

/** A creator (or, for MovieLens, absent). */
export interface CreatorInfo {
  id: string;
  name: string;
  topic: string;
  locale: string;
}

/** A whole catalog, as loaded. Indexes are built from it by `catalog/` helpers. */
export interface Catalog {
  id: string;
  name: string;
  items: Item[];
  topics: TopicInfo[];
  creators: CreatorInfo[];
  /** The catalog's "now" in epoch ms: recency is measured against it, so runs are reproducible. */
  now: number;
}

// ---------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------

/** Behavioural traits of a user; all in [0, 1] except `timeBudgetSec`. */
export interface Traits {
  /** How long the user is willing to spend in one session. */
  timeBudgetSec: number;
  /** Appetite for novel topics (rewards novelty). */
  curiosity: number;
  /** How readily they like, comment and share. */
  activity: number;
  /** Pull of popularity (engagement counts). */
  conformity: number;
  /** How fast repetition wears a topic out. */
  fatigueSensitivity: number;
  /** Propensity to give an instruction rather than leave silently. */
  instructionPropensity: number;
}

/** One past interaction of a user with an item. */
export interface Interaction {
  itemId: string;
  action: ActionType;
  /** Epoch ms. */
  at: number;
  /** Seconds watched, for `watch`. */
  watchSec?: number;
  /** Explicit rating where the data has one (MovieLens 0.5..5). */
  rating?: number;
}

/** A user: a hand-written persona, a persona edited in the UI, or a profile built from real data. */
export interface UserProfile {
  id: string;
  name: string;
  age: number | null;
  gender: string;
  /** City/region; matches `Item.locale` values for locality. */
  location: string;
  occupation: string;
  bio: string;
  /** Social groups ("high-school friends", "BJJ gym"), for prompts and locality. */
  groups: string[];
  /** topic id -> weight in [0, 1]. Topics absent are 0. */
  interests: Record<string, number>;
  traits: Traits;
  /** Engagement history before the simulation starts (oldest first). */
  history: Interaction[];
  /** Held-out future interactions (real-data profiles only), never shown to recommenders. */
  heldOut?: Interaction[];
  /** Where the profile came from. */
  source: 'persona' | 'edited' | 'movielens';
}

/** The situation a session happens in; it shifts patience and preferences. */
export interface Context {
  timeOfDay: 'morning' | 'afternoon' | 'evening' | 'night';
  /** 0 = Sunday .. 6 = Saturday. */
  dayOfWeek: number;
  device: 'mobile' | 'desktop' | 'tv';
  /** Where the user is right now. */
  location: string;
}

// ---------------------------------------------------------------------------
// Actions and decisions
// ---------------------------------------------------------------------------

/** The paper's action space for one item (§3, Figure 2). */
export type ActionType = 'click' | 'comment' | 'share' | 'like' | 'watch' | 'skip' | 'leave';

/** Every action name, in the paper's order. */
export const ACTION_TYPES: readonly ActionType[] = ['click', 'comment', 'share', 'like', 'watch', 'skip', 'leave'];

/**
 * Why the simulated user acted as it did. The rule-based simulator records codes;
 * sentences are rendered from them only when shown (see simulator/render.ts).
 */
export type ReasonCode =
  | 'strong_interest'
  | 'related_interest'
  | 'weak_interest'
  | 'unrelated'
  | 'test_new_content'
  | 'novel_topic'
  | 'already_skipped_topic'
  | 'seen_before'
  | 'fatigue'
  | 'over_engagement'
  | 'popular'
  | 'high_quality'
  | 'low_quality'
  | 'too_long'
  | 'short_and_easy'
  | 'local'
  | 'fresh'
  | 'stale'
  | 'favourite_creator'
  | 'context_fit'
  | 'time_up'
  | 'dissatisfied'
  | 'bored'
  // Movie response model (issue 8): which part of the prediction drove the decision.
  | 'taste_match'
  | 'taste_mismatch'
  | 'genre_rated_high'
  | 'genre_rated_low'
  | 'crowd_favourite'
  | 'obscure'
  | 'watched_together'
  | 'same_series';

/** The user's state of mind after an item (the paper's "mindset"). */
export interface Mindset {
  /** In [0, 1]; the user leaves (and may instruct) when it falls too low. */
  satisfaction: number;
  /** Seconds left of the session's time budget. */
  timeLeftSec: number;
  /** In [0, 1]. */
  boredom: number;
  /** Current (evolving) interest weights, topic -> [0, 1]. */
  interests: Record<string, number>;
  /** Per-topic fatigue from repetition, topic -> [0, 1]. */
  fatigue: Record<string, number>;
}

/** Codes for the one-line mindset update shown under a decision. */
export type MindsetNoteCode =
  | 'open_to_more'
  | 'top_interest_expect_more'
  | 'not_interested_less_likely'
  | 'selective_want_variety'
  | 'expect_fewer'
  | 'curious'
  | 'getting_bored'
  | 'satisfied'
  | 'running_out_of_time'
  | 'about_to_leave'
  | 'neutral';

/**
 * What the user did with one item: think, act, update the mindset.
 * `actions` holds every action taken on the item, in order (e.g. ['watch', 'like']);
 * a skipped item has ['skip']; the leaving item ends with 'leave'.
 */
export interface ItemDecision {
  itemId: string;
  /** 0-based position in the list. */
  position: number;
  actions: ActionType[];
  /** Seconds watched (0 if not watched); never more than the item's duration. */
  watchSec: number;
  /** Text of a comment, when `actions` includes 'comment'. */
  comment?: string;
  /** Structured reasons (rule-based) or codes mapped from LLM output. */
  reasons: ReasonCode[];
  /** Free-text thought (LLM simulators, human notes); rule-based leaves it undefined. */
  thought?: string;
  /** Interest of the user in this item as the simulator judged it, in [0, 1]. */
  interest: number;
  /** The item's topic id (lets renderers name the topic without the item). */
  topic?: string;
  /** Rule-based: the user's interest topic this item was judged related to (when not the item's own topic). */
  relatedTopic?: string;
  mindsetNote: MindsetNoteCode;
  /** Free-text mindset update (LLM); rule-based renders from `mindsetNote`. */
  mindsetText?: string;
  /** Mindset after this item. */
  mindset: Mindset;
  /** True when the LLM failed and the rule-based decision was used for this item. */
  fallback?: boolean;
  /**
   * Why the LLM step fell back, in a few words ("invalid reply", "the endpoint refused the
   * request (HTTP 400)", "no answer in time"): the last failure before the fallback.
   */
  fallbackReason?: string;
  /** LLM cost/speed figures for this decision, when an LLM produced it. */
  llm?: LlmUsage;
  /** The rating (catalog scale, e.g. 0.5-5) the user would give this movie, when the simulator predicts one (fidelity protocol, issue 8). */
  rating?: number;
  /** Whether the user would like (rate >= 4) the movie had they watched it, when the simulator says. */
  likes?: boolean;
}

/** Prompt/completion accounting for one LLM call. */
export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
  tokensPerSec: number;
  /** Retries used before a valid reply (0..2). */
  retries: number;
  model: string;
  /** What had to be repaired or normalised in the reply ("json repaired", "instruction cut ..."), when anything was. */
  repairs?: string[];
}

/** Why the user is unhappy, as codes (rendered as sentences when shown). */
export type ReflectionReason =
  | 'repetitive'
  | 'off_interest'
  | 'too_long'
  | 'low_quality'
  | 'stale'
  | 'not_local'
  | 'bored'
  | 'time_up'
  | 'satisfied';

/** The kinds of instruction the rule-based simulator gives (for analysis; recommenders see only text). */
export type InstructionKind =
  | 'less_of_topic'
  | 'more_of_topic'
  | 'related_but_different'
  | 'bored_more_interesting'
  | 'local_trending'
  | 'shorter'
  | 'fresher'
  | 'creator';

/** The user's plain-language request to the recommender. */
export interface Instruction {
  /** What the recommender sees. */
  text: string;
  /** Analysis only (never given to a recommender): what the simulator meant. */
  kind?: InstructionKind;
  /** Analysis only: topics/creators/places the instruction is about. */
  targets?: string[];
}

/** The reflection when the user is about to leave (§3): reasons, then an instruction or none. */
export interface Reflection {
  reasons: ReflectionReason[];
  /** Free-text reflection (LLM); rule-based renders from `reasons`. */
  text?: string;
  /** The instruction, or null when the user leaves silently. */
  instruction: Instruction | null;
}

// ---------------------------------------------------------------------------
// Recommender side
// ---------------------------------------------------------------------------

/** An instruction-following recommender's visible plan (filled in by the agentic recommender issue). */
export interface Plan {
  /** One-line summary, e.g. "less hairstyling, more combat sports". */
  summary: string;
  moreTopics: string[];
  lessTopics: string[];
  moreCreators: string[];
  lessCreators: string[];
  locations: string[];
  formats: ItemFormat[];
  /** Explore adjacent interests the user has not seen. */
  explore: boolean;
  /** Prefer items at most this long. */
  maxDurationSec?: number;
  /** Prefer recent items. */
  preferRecent: boolean;
  /** Prefer popular/trending items. */
  preferTrending: boolean;
  /** Diversify the list. */
  diversify: boolean;
  /** Which planner made it. */
  planner: string;
  /** Instructions about people: the ties meant (ids), their posts and shares to put first, and how to name them. */
  people?: string[];
  peopleItems?: string[];
  peopleLabel?: string;
  /** Set when the topics came from embedding similarity (the lexicon found nothing). */
  matchedBy?: 'embedding';
}

/** The action of the environment: an ordered slate of item ids, optionally with a message to the user. */
export interface Slate {
  itemIds: string[];
  /** The recommender's reply to an instruction ("Absolutely! Here are ..."). */
  message?: string;
  plan?: Plan;
}

/** What a recommender may see about the user (never the simulator's hidden state). */
export interface Observation {
  userId: string;
  /** Visible profile: demographics and declared interests; no traits, no held-out data. */
  profile: Pick<UserProfile, 'id' | 'name' | 'age' | 'gender' | 'location' | 'occupation' | 'interests' | 'groups'>;
  context: Context;
  /** The user's history so far: prior history plus this session's interactions, oldest first. */
  history: Interaction[];
  /** 0-based index of the next turn. */
  turn: number;
  /** Item ids already shown in this session (recommenders should not repeat them). */
  shown: string[];
  /** The last instruction text, or null. Traditional recommenders ignore it. */
  instruction: string | null;
  /** Implicit signals from the last turn (skips, short watches, leaving), for perception. */
  implicit?: ImplicitSignals;
  /** People the user knows or follows, when a population's social graph exists (instructions about people). */
  ties?: SocialTie[];
}

/** A person the user knows or follows (populations, paper §5). */
export interface SocialTie {
  /** A population user id, or a creator id for kind 'creator'. */
  id: string;
  name: string;
  kind: 'family' | 'classmate' | 'friend' | 'follow' | 'creator';
  /** 'female' | 'male' | '' (resolves "her" / "him"). */
  gender?: string;
  /** Item ids they posted or shared, newest first. */
  itemIds: string[];
}

/** Behavioural (implicit) feedback from the last list. */
export interface ImplicitSignals {
  skips: number;
  shortWatches: number;
  engaged: number;
  left: boolean;
  /** Topic id -> net engagement in the last list (positive good). */
  topicEngagement: Record<string, number>;
}

/** Random number source; passed in everywhere, never global (see rng.ts). */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** A new independent stream derived from this one and a label (stable across runs). */
  fork(label: string): Rng;
}

/** Data a trainable recommender learns from. */
export interface TrainingData {
  catalog: Catalog;
  users: UserProfile[];
}

/** Feedback after a slate has been consumed (bandits learn from it as pseudo-rewards). */
export interface SlateFeedback {
  observation: Observation;
  slate: Slate;
  decisions: ItemDecision[];
}

/**
 * A recommender plug-in. Registered under a short stable name (URLs and stored runs keep it).
 * `recommend` must be deterministic given its inputs and the rng.
 */
export interface Recommender {
  readonly name: string;
  /** True for instruction-following recommenders; traditional ones ignore `observation.instruction`. */
  readonly followsInstructions: boolean;
  /** Train or index. Called once per catalog/population before sessions. */
  fit?(data: TrainingData, rng: Rng): void;
  /** Return a slate of `k` unseen item ids for this observation. */
  recommend(observation: Observation, k: number, rng: Rng): MaybePromise<Slate>;
  /** Learn from what the user did with the slate (within and across sessions). */
  observe?(feedback: SlateFeedback): void;
  /** Forget per-user session state (not trained parameters). */
  resetSession?(userId: string): void;
}

// ---------------------------------------------------------------------------
// Trajectories
// ---------------------------------------------------------------------------

/** How a session ended. */
export type EndReason =
  | 'left_silent'       // left after reflecting, without an instruction
  | 'time_up'           // time budget ran out: left content
  | 'turn_limit'        // truncated by the turn limit
  | 'no_instructions'   // instructions off: one list scored, then the session ends
  | 'catalog_exhausted' // the recommender had nothing new to show
  | 'stopped'           // stopped by the person or cut off (partial trajectory)
  | 'error';

/** One list and what the user did with it. */
export interface Turn {
  index: number;
  slate: Slate;
  /** Decisions in list order; shorter than the slate if the user left early. */
  decisions: ItemDecision[];
  /** Present when the user left during this turn. */
  reflection: Reflection | null;
  /** Reward of this step under the session's reward function. */
  reward: number;
}

/** A session summary kept in the user's session-wise memory (the paper's Eq. 3). */
export interface SessionSummary {
  sessionIndex: number;
  startedAt: number;
  durationSec: number;
  itemsViewed: number;
  watchSec: number;
  endReason: EndReason;
  finalSatisfaction: number;
  /** Topics engaged with most, strongest first. */
  topTopics: string[];
  /** Topics the user grew tired of. */
  tiredTopics: string[];
  instructions: string[];
}

/** Per-session rewards and counts (metrics/). */
export interface SessionMetrics {
  watchSec: number;
  itemsViewed: number;
  actions: Record<ActionType, number>;
  turns: number;
  instructions: number;
  endReason: EndReason;
  /** Seconds in the session (watching plus a few seconds per skipped item). */
  sessionSec: number;
  /** Probability the user returns, and hours until the next session (retention signal). */
  returnProbability: number;
  returnAfterHours: number;
  /**
   * LLM simulators only: decisions, how many the rule-based fallback made, and their share
   * (a session with share >= 0.5 is flagged as mostly fallbacks). Absent for other simulators.
   */
  llmFallback?: { decisions: number; fallbacks: number; share: number };
}

/** A whole session. What storage keeps, what exports carry, what metrics read. */
export interface Trajectory {
  id: string;
  seed: number;
  userId: string;
  recommender: string;
  simulator: string;
  catalogId: string;
  context: Context;
  instructionsEnabled: boolean;
  turns: Turn[];
  endReason: EndReason;
  metrics: SessionMetrics;
  startedAt: number;
}
