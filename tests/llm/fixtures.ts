/** Small hand-written fixtures for the LLM tests: a catalog of five items, one persona, a stub fallback simulator. */
import type { Catalog, Context, Item, ItemDecision, UserProfile } from '../../src/core/types';
import type { ChatEngine, ChatRequest, ChatResponse, ChatCallOptions } from '../../src/core/llm/chat-engine';
import { ChatEngineError } from '../../src/core/llm/chat-engine';
import type { SimSession, UserSimulator } from '../../src/core/simulator/simulator';

const NOW = Date.UTC(2025, 8, 16, 18, 0, 0);

function item(id: string, topic: string, title: string, durationSec: number): Item {
  return {
    id, title, description: `A clip about ${topic}.`, topic, subtopic: '', tags: [topic, 'clip'], creator: `${topic}-pro`,
    format: 'short_video', durationSec, publishedAt: NOW - 3 * 3600_000, locale: 'Oakland, CA', likes: 1200, shares: 40, comments: 85, quality: 0.7,
  };
}

export const catalog: Catalog = {
  id: 'llm-test', name: 'LLM test', now: NOW,
  items: [
    item('a', 'fishing', 'Lobster trap haul at dawn', 45),
    item('b', 'ufc', 'Title fight in 60 seconds', 60),
    item('c', 'hairstyling', 'Braids in five minutes', 300),
    item('d', 'fishing', 'Deep-sea tuna fight', 90),
    item('e', 'cooking', 'Fish tacos', 30),
  ],
  topics: [
    { id: 'fishing', label: 'Fishing', related: ['cooking'] },
    { id: 'ufc', label: 'UFC', related: [] },
    { id: 'hairstyling', label: 'Hairstyling', related: [] },
    { id: 'cooking', label: 'Cooking', related: ['fishing'] },
  ],
  creators: [{ id: 'fishing-pro', name: 'Captain Reel', topic: 'fishing', locale: 'Oakland, CA' }],
};

export const maya: UserProfile = {
  id: 'persona-maya', name: 'Maya', age: 34, gender: 'woman', location: 'Oakland, CA', occupation: 'nurse',
  bio: 'Weekend angler, watches every UFC fight night with friends.', groups: ['BJJ gym'],
  interests: { fishing: 0.9, ufc: 0.8, cooking: 0.3 },
  traits: { timeBudgetSec: 600, curiosity: 0.4, activity: 0.6, conformity: 0.3, fatigueSensitivity: 0.5, instructionPropensity: 0.7 },
  history: [{ itemId: 'd', action: 'watch', at: NOW - 86_400_000, watchSec: 80 }],
  source: 'persona',
};

export const context: Context = { timeOfDay: 'evening', dayOfWeek: 5, device: 'mobile', location: 'Oakland, CA' };

/** A stand-in for the rule-based simulator: watches half of everything; counts its calls. */
export function stubFallback(): UserSimulator & { calls: number } {
  const sim = {
    name: 'rule-based',
    calls: 0,
    startSession(): SimSession {
      const mindset = { satisfaction: 0.5, timeLeftSec: 600, boredom: 0.2, interests: {}, fatigue: {} };
      return {
        mindset,
        decide(it: Item, position: number): ItemDecision {
          sim.calls++;
          return {
            itemId: it.id, position, actions: ['watch'], watchSec: it.durationSec / 2, reasons: ['weak_interest'],
            interest: 0.4, mindsetNote: 'neutral', mindset,
          };
        },
        reflect: () => ({ reasons: ['bored'], instruction: { text: 'rule-based instruction' } }),
        end: () => { throw new Error('not used'); },
      };
    },
  };
  return sim;
}

/**
 * A chat engine that replays canned replies in order, streaming each in small pieces.
 * A reply may be an Error (thrown by the call). Records every request.
 */
export class ScriptedEngine implements ChatEngine {
  readonly id = 'scripted';
  readonly requests: ChatRequest[] = [];
  constructor(private readonly replies: (string | Error)[], private readonly chunk = 7) {}

  async chat(req: ChatRequest, opts?: ChatCallOptions): Promise<ChatResponse> {
    this.requests.push(req);
    const next = this.replies.shift();
    if (next === undefined) throw new Error('ScriptedEngine: no more replies');
    if (next instanceof Error) throw next;
    for (let i = 0; i < next.length; i += this.chunk) {
      if (opts?.signal?.aborted) throw new ChatEngineError('aborted', 'Stopped');
      opts?.onDelta?.(next.slice(i, i + this.chunk));
      await Promise.resolve();
    }
    return { text: next, usage: { promptTokens: 100, completionTokens: 20 }, model: 'scripted-1', finishReason: 'stop', latencyMs: 400 };
  }

  get remaining(): number {
    return this.replies.length;
  }
}

/** A well-formed reply. */
export function good(over: Record<string, unknown> = {}): string {
  return JSON.stringify({
    thought: 'Lobster fishing at dawn, that is my thing.', actions: ['watch', 'like'], watch_seconds: 40, comment: '',
    interest: 9, satisfaction: 8, mindset: 'I want more fishing.', reflection: '', reasons: [], instruction: '', ...over,
  });
}
