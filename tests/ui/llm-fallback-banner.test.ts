/** The live view's banner for an LLM session mostly decided by the rule-based fallback. */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import FallbackBanner from '../../src/ui/llm/FallbackBanner.svelte';
import { SessionState, type TurnView } from '../../src/ui/state/session.svelte';
import type { ItemDecision } from '../../src/core/types';

afterEach(cleanup);

const usage = { promptTokens: 10, completionTokens: 5, latencyMs: 100, tokensPerSec: 50, retries: 0, model: 'm' };
function decision(i: number, fallback: boolean, llm = true): ItemDecision {
  const mindset = { satisfaction: 0.5, timeLeftSec: 100, boredom: 0, interests: {}, fatigue: {} };
  return { itemId: `i${i}`, position: i, actions: ['skip'], watchSec: 0, reasons: [], interest: 0.2, mindsetNote: 'neutral', mindset, ...(llm ? { llm: usage } : {}), ...(fallback ? { fallback: true } : {}) };
}
function sessionWith(decisions: ItemDecision[]): SessionState {
  const s = new SessionState();
  s.turns = [{ index: 0, decisions, thoughts: [], leftAt: null, reflection: null, instruction: null, reply: null, plan: null } as unknown as TurnView];
  return s;
}

describe('FallbackBanner', () => {
  it('shows the share when most decisions are fallbacks', () => {
    render(FallbackBanner, { session: sessionWith([decision(0, true), decision(1, true), decision(2, true), decision(3, false)]) });
    const banner = screen.getByTestId('llm-fallback-banner');
    expect(banner.getAttribute('data-share')).toBe('0.75');
    expect(banner.getAttribute('role')).toBe('status');
    expect(banner.textContent).toContain('3 of 4 decisions (75 %) came from the rule-based fallback');
  });

  it('stays hidden for a mostly-LLM session and for rule-based sessions', () => {
    render(FallbackBanner, { session: sessionWith([decision(0, true), decision(1, false), decision(2, false)]) });
    expect(screen.queryByTestId('llm-fallback-banner')).toBeNull();
    cleanup();
    render(FallbackBanner, { session: sessionWith([decision(0, false, false), decision(1, false, false)]) });
    expect(screen.queryByTestId('llm-fallback-banner')).toBeNull();
  });
});
