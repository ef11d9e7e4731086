/**
 * The LLM user simulator ('llm'): for each item one chat call with the persona as the
 * cached system prefix and the compressed memory, mindset and item as the user message;
 * a JSON reply with the paper's three steps (think, act, update the mindset), validated.
 * Bad replies are retried at most `maxRetries` times, then the rule-based simulator decides
 * that item and the decision is marked `fallback: true`. The thought streams through
 * `hooks.onThoughtDelta`; `hooks.signal` stops the call.
 */
import { ChatEngineError, isAbortError, type ChatEngine, type ChatMessage, type ChatRequest } from '../../llm/chat-engine';
import { ITEM_REPLY_JSON_SCHEMA, ITEM_REPLY_SCHEMA_NAME, type ItemReply } from '../../llm/decision-schema';
import { parseItemReply } from '../../llm/parse-reply';
import type { EndReason, Item, ItemDecision, LlmUsage, Mindset, Reflection, Rng, SessionSummary } from '../../types';
import type { SessionStart, SimSession, UserSimulator } from '../simulator';
import { compressedMemoryText, type MemoryTextOptions, type SeenItem } from './memory-text';
import { initialMindset, mindsetNote, nextMindset, reasonCodes } from './mindset-update';
import { itemMessage, retryMessage, systemMessage } from './prompt';
import type { PromptRepresentation } from './representation';
import { DEFAULT_TEMPLATES, type PromptTemplates } from './templates';
import { ThoughtStream } from './thought-stream';

export interface LlmSimulatorOptions {
  engine: ChatEngine;
  /** The rule-based simulator that decides an item when the LLM fails (create it from the simulator registry). */
  fallback: UserSimulator;
  templates?: PromptTemplates;
  /** Model id passed to the engine and recorded in `LlmUsage.model` (default: the engine id). */
  model?: string;
  temperature?: number;
  /** Reply length cap. Default 400 tokens. */
  maxTokens?: number;
  /** Retries after a bad reply, 0..2. Default 2. */
  maxRetries?: number;
  /** Ask the engine to constrain the reply with the JSON schema. Default true. */
  useSchema?: boolean;
  memory?: MemoryTextOptions;
  /** How items and the history are written (default: text). See representation.ts. */
  representation?: PromptRepresentation;
}

/** The LLM simulator: a `UserSimulator` that also exposes the templates it uses (stored with each session). */
export interface LlmUserSimulator extends UserSimulator {
  readonly name: 'llm';
  readonly templates: PromptTemplates;
  readonly engine: ChatEngine;
}

/**
 * Engine errors that re-asking cannot fix and that the person must see: wrong key, URL or
 * model, a lost GPU, a bad configuration, and a server that is unreachable or answers only
 * 429/5xx (the HTTP engine has already retried those with backoff). Deciding every item
 * with the rule-based fallback instead would be a silent fallback under an "llm" label.
 * A 400/413/422 may be about this one prompt (too long, a value the server dislikes), so
 * it is re-asked and, failing that, the item falls back (marked).
 */
/** Why a failed try failed, in a few words (the fallback badge and the stored decision say it). */
export function failureReason(e: unknown): string {
  if (!(e instanceof ChatEngineError)) return 'the engine failed';
  switch (e.kind) {
    case 'http':
      return `the endpoint refused the request${e.status ? ` (HTTP ${e.status})` : ''}`;
    case 'timeout':
      return 'no answer in time';
    case 'too_long':
      return 'the reply was too long';
    case 'bad_response':
      return 'the reply could not be read';
    case 'device_lost':
      return 'the GPU device was lost';
    default:
      return `the engine failed (${e.kind})`;
  }
}

function isFatal(e: unknown): boolean {
  if (!(e instanceof ChatEngineError)) return false;
  if (e.kind === 'device_lost' || e.kind === 'not_loaded' || e.kind === 'network' || e.kind === 'config') return true;
  return e.kind === 'http' && e.status !== 400 && e.status !== 413 && e.status !== 422;
}

/** Create the LLM simulator. */
export function createLlmSimulator(opts: LlmSimulatorOptions): LlmUserSimulator {
  const templates: PromptTemplates = { ...(opts.templates ?? DEFAULT_TEMPLATES) };
  const maxRetries = Math.max(0, Math.min(2, opts.maxRetries ?? 2));
  return {
    name: 'llm',
    templates,
    engine: opts.engine,
    startSession: (start) => new LlmSession(start, opts, templates, maxRetries),
  };
}

class LlmSession implements SimSession {
  private current: Mindset;
  private readonly seen: SeenItem[] = [];
  private readonly byId: Map<string, Item>;
  private readonly system: ChatMessage;
  private fallbackSession: SimSession | null = null;
  private reflection: Reflection | null = null;
  private reflectFromFallback = false;
  private readonly instructions: string[] = [];
  private lastReply: string | null = null;
  /** Per-request sampling seeds (engines that honour `seed` then replay a run exactly). */
  private readonly seeds: Rng;

  constructor(
    private readonly start: SessionStart,
    private readonly opts: LlmSimulatorOptions,
    private readonly templates: PromptTemplates,
    private readonly maxRetries: number,
  ) {
    this.current = initialMindset(start.user);
    this.seeds = start.rng.fork('llm-seeds');
    this.byId = new Map(start.catalog.items.map((i) => [i.id, i]));
    this.system = systemMessage(templates, {
      user: start.user,
      context: start.context,
      catalog: start.catalog,
      instructionsEnabled: start.instructionsEnabled,
    });
    if (opts.representation) this.system = opts.representation.system(this.system);
  }

  get mindset(): Mindset {
    return this.current;
  }

  /** The messages for an item (exposed for tests and the prompt preview). */
  messagesFor(item: Item, position: number, turn: number): ChatMessage[] {
    const rep = this.opts.representation;
    if (rep) return [this.system, rep.user({ seen: this.seen, mindset: this.current, item, position, turn, lastReply: this.lastReply })];
    let memoryText = compressedMemoryText(this.start.user, this.start.memory, this.seen, this.start.catalog, this.byId, this.opts.memory);
    if (this.lastReply) memoryText += `\nThe recommender told you: "${this.lastReply}"`;
    const user = itemMessage(this.templates, { memoryText, mindset: this.current, item, position, turn, catalog: this.start.catalog });
    return [this.system, user];
  }

  async decide(item: Item, position: number, turn: number): Promise<ItemDecision> {
    const hooks = this.start.hooks;
    const base = this.messagesFor(item, position, turn);
    let messages = base;
    const usage: LlmUsage = { promptTokens: 0, completionTokens: 0, latencyMs: 0, tokensPerSec: 0, retries: 0, model: this.opts.model ?? this.opts.engine.id };
    let emittedAny = false;
    // Every attempt for this item timed out: the server is not answering, stop rather than fall back.
    let lastTimeout: ChatEngineError | null = null;
    // Why the last try failed: what the fallback decision says (it said "invalid reply" whatever happened).
    let failure = 'invalid reply';
    for (let attempt = 0; attempt <= this.maxRetries; attempt++) {
      if (hooks?.signal?.aborted) throw new ChatEngineError('aborted', 'Stopped');
      usage.retries = attempt;
      const stream = new ThoughtStream();
      let separated = attempt === 0 || !emittedAny;
      const req: ChatRequest = { messages, temperature: this.opts.temperature ?? 0.7, maxTokens: this.opts.maxTokens ?? 400 };
      req.seed = this.seeds.int(2_147_483_647);
      if (this.opts.model) req.model = this.opts.model;
      if (this.opts.useSchema !== false) req.responseFormat = { type: 'json_object', schema: ITEM_REPLY_JSON_SCHEMA, name: ITEM_REPLY_SCHEMA_NAME };
      let text: string;
      try {
        const res = await this.opts.engine.chat(req, {
          signal: hooks?.signal,
          onDelta: (delta) => {
            const fresh = stream.push(delta);
            if (!fresh || !hooks?.onThoughtDelta) return;
            if (!separated) {
              hooks.onThoughtDelta(position, '\n[retry] ');
              separated = true;
            }
            emittedAny = true;
            hooks.onThoughtDelta(position, fresh);
          },
        });
        text = res.text;
        usage.promptTokens += res.usage.promptTokens;
        usage.completionTokens += res.usage.completionTokens;
        usage.latencyMs += res.latencyMs;
        if (res.model) usage.model = res.model;
      } catch (e) {
        if (isAbortError(e) || isFatal(e)) throw e;
        if (e instanceof ChatEngineError && e.kind === 'timeout' && (attempt === 0 || lastTimeout)) lastTimeout = e;
        else lastTimeout = null;
        failure = failureReason(e);
        messages = [...base, retryMessage(e instanceof Error ? e.message : String(e))];
        continue;
      }
      lastTimeout = null;
      const parsed = parseItemReply(text, { durationSec: item.durationSec });
      if (parsed.ok) {
        if (parsed.notes.length) usage.repairs = parsed.notes.slice(0, 8);
        usage.tokensPerSec = usage.latencyMs > 0 ? usage.completionTokens / (usage.latencyMs / 1000) : 0;
        return this.fromReply(item, position, parsed.reply, usage);
      }
      failure = 'invalid reply';
      messages = [...base, { role: 'assistant', content: text }, retryMessage(parsed.error)];
    }
    if (lastTimeout) {
      throw new ChatEngineError('timeout', `${lastTimeout.message} (${this.maxRetries + 1} tries for this item all timed out; the run stops instead of deciding with the rule-based fallback)`);
    }
    usage.retries = this.maxRetries;
    usage.tokensPerSec = usage.latencyMs > 0 ? usage.completionTokens / (usage.latencyMs / 1000) : 0;
    return this.fromFallback(item, position, turn, usage, failure);
  }

  private fromReply(item: Item, position: number, reply: ItemReply, usage: LlmUsage): ItemDecision {
    const actions = [...reply.actions];
    const mindset = nextMindset(this.current, item, { ...reply }, this.start.user.traits.fatigueSensitivity);
    let leaveReasons = reply.reasons;
    if (actions.includes('leave')) {
      if (!leaveReasons.length) leaveReasons = mindset.timeLeftSec <= 0 ? ['time_up'] : ['bored'];
      const text = this.start.instructionsEnabled ? reply.instruction : '';
      this.setReflection({ reasons: leaveReasons, text: reply.reflection, instruction: text ? { text } : null });
    } else if (mindset.timeLeftSec <= 0) {
      // Out of time: the session ends here whatever the model said; no instruction (the user is content).
      actions.push('leave');
      leaveReasons = ['time_up'];
      this.setReflection({ reasons: leaveReasons, text: 'Out of time for now.', instruction: null });
    }
    const decision: ItemDecision = {
      itemId: item.id,
      position,
      actions,
      watchSec: reply.watchSec,
      reasons: reasonCodes(reply.interest, mindset, item, leaveReasons),
      thought: reply.thought,
      interest: reply.interest,
      mindsetNote: mindsetNote({ actions, interest: reply.interest }, mindset),
      mindsetText: reply.mindset,
      mindset,
      llm: usage,
    };
    if (actions.includes('comment')) decision.comment = reply.comment;
    return this.record(item, decision);
  }

  private async fromFallback(item: Item, position: number, turn: number, usage: LlmUsage, reason: string): Promise<ItemDecision> {
    if (!this.fallbackSession) {
      this.fallbackSession = this.opts.fallback.startSession({ ...this.start, rng: this.start.rng.fork('llm-fallback'), hooks: undefined });
    }
    const d = await this.fallbackSession.decide(item, position, turn);
    const watchSec = Math.min(d.watchSec, item.durationSec);
    const mindset = nextMindset(
      this.current,
      item,
      { actions: d.actions, watchSec, interest: d.interest, satisfaction: d.mindset.satisfaction },
      this.start.user.traits.fatigueSensitivity,
    );
    if (d.actions.includes('leave')) this.reflectFromFallback = true;
    return this.record(item, { ...d, itemId: item.id, position, watchSec, mindset, fallback: true, fallbackReason: reason, llm: usage });
  }

  private setReflection(r: Reflection): void {
    this.reflection = r;
    this.reflectFromFallback = false;
  }

  private record(item: Item, decision: ItemDecision): ItemDecision {
    this.current = decision.mindset;
    this.seen.push({ item, decision });
    return decision;
  }

  async reflect(): Promise<Reflection> {
    let r: Reflection;
    if (this.reflectFromFallback && this.fallbackSession) r = await this.fallbackSession.reflect();
    else r = this.reflection ?? { reasons: ['bored'], instruction: null };
    if (!this.start.instructionsEnabled && r.instruction) r = { ...r, instruction: null };
    if (r.instruction) this.instructions.push(r.instruction.text);
    this.reflection = null;
    this.reflectFromFallback = false;
    return r;
  }

  hearReply(message: string): void {
    this.lastReply = message;
  }

  end(reason: EndReason): SessionSummary {
    const engaged = new Map<string, number>();
    let watchSec = 0;
    for (const { item, decision } of this.seen) {
      watchSec += decision.watchSec;
      if (!decision.actions.includes('skip')) engaged.set(item.topic, (engaged.get(item.topic) ?? 0) + 1);
    }
    const budget = this.start.user.traits.timeBudgetSec;
    return {
      sessionIndex: this.start.memory.sessions.length,
      startedAt: this.start.catalog.now,
      durationSec: Math.max(0, budget - this.current.timeLeftSec),
      itemsViewed: this.seen.length,
      watchSec,
      endReason: reason,
      finalSatisfaction: this.current.satisfaction,
      topTopics: [...engaged.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([t]) => t),
      tiredTopics: Object.entries(this.current.fatigue).filter(([, v]) => v >= 0.5).map(([t]) => t).sort(),
      instructions: [...this.instructions],
    };
  }
}
