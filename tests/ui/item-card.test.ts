import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ItemCard from '../../src/ui/live/ItemCard.svelte';
import { decision, item } from './fixtures';

describe('item card', () => {
  afterEach(() => cleanup());

  it('shows the facts and reserves the decision lines while pending', () => {
    render(ItemCard, { item: item('a', { title: 'Lobster fishing off Maine', durationSec: 45 }), state: 'pending' });
    const card = screen.getByTestId('item-card');
    expect(card.dataset.state).toBe('pending');
    expect(card.textContent).toContain('Lobster fishing off Maine');
    expect(card.textContent).toContain('0:45');
    // The creator and the topic are separated on both sides ("@x · fishing", not "@x ·fishing").
    expect(card.querySelector('.meta')?.textContent?.replace(/\s+/g, ' ')).toMatch(/@\S+ · \S+ · /);
    expect(screen.queryAllByTestId('action-badge')).toHaveLength(0);
    expect(screen.queryByTestId('watch-bar')).toBeNull();
    // The reasoning and mindset lines exist (empty) so the card does not grow later.
    expect(screen.getByTestId('reasoning').textContent?.trim()).toBe('');
    expect(screen.getByTestId('mindset-note').textContent?.trim()).toBe('');
  });

  it('a movie says its length is a trailer: in the facts, the watch badge and the bar', () => {
    const d = decision('m', 0, ['watch'], 90, { satisfaction: 0.7, timeLeftSec: 500 });
    render(ItemCard, { item: item('m', { title: 'Heat (1995)', format: 'movie', durationSec: 150 }), decision: d, state: 'done' });
    const meta = screen.getByTestId('item-card').querySelector('.meta')?.textContent ?? '';
    expect(meta).toMatch(/movie · trailer 2:30/);
    expect(screen.getAllByTestId('action-badge').map((b) => b.textContent?.trim())).toEqual(['watch trailer 90s']);
    const bar = screen.getByTestId('watch-bar');
    expect(bar.textContent).toContain('90s / 2:30 trailer');
    expect(bar.getAttribute('aria-label')).toBe('trailer watched');
  });

  it('draws the generated SVG cover (with the item title), not the emoji badge', () => {
    render(ItemCard, { item: item('a', { title: 'Lobster fishing off Maine' }), state: 'pending' });
    const cover = screen.getByTestId('cover');
    expect(cover.tagName.toLowerCase()).toBe('svg');
    expect(cover.textContent).toContain('Lobster');
    expect(screen.getByTestId('item-card').querySelector('svg.thumb')).toBeNull();
  });

  it('renders action badges, the watch bar against the duration and the mindset note from a decision', () => {
    const d = decision('a', 0, ['watch', 'like'], 20, { satisfaction: 0.8, timeLeftSec: 500 });
    render(ItemCard, { item: item('a', { durationSec: 40 }), decision: d, state: 'done' });
    const badges = screen.getAllByTestId('action-badge').map((b) => b.textContent?.trim());
    expect(badges).toEqual(['watch 20s', 'like']);
    const bar = screen.getByTestId('watch-bar');
    expect(bar.getAttribute('aria-valuenow')).toBe('20');
    expect(bar.getAttribute('aria-valuemax')).toBe('40');
    expect((bar.querySelector('.fill') as HTMLElement).style.width).toBe('50%');
    expect(bar.textContent).toContain('20s / 0:40');
    expect(screen.getByTestId('reasoning').textContent?.length).toBeGreaterThan(4);
    expect(screen.getByTestId('mindset-note').textContent).toContain('mindset:');
  });

  it('has no watch bar for a skip, and marks fallback decisions', () => {
    const d = { ...decision('a', 0, ['skip', 'leave'], 0, { satisfaction: 0.2, timeLeftSec: 100 }), fallback: true };
    const { container } = render(ItemCard, { item: item('a'), decision: d, state: 'done' });
    expect(screen.queryByTestId('watch-bar')).toBeNull();
    expect(screen.getAllByTestId('action-badge').map((b) => b.textContent?.trim())).toEqual(['skip', 'leave']);
    expect(container.textContent).toContain('fallback');
    // A session stored before the reason was kept: not called an invalid reply.
    expect(screen.getByTestId('fallback-badge').title).toBe('The LLM step failed; the rule-based decision was used');
  });

  it('says why the LLM step fell back on the badge (it always said "invalid reply")', () => {
    const base = decision('a', 0, ['skip'], 0, { satisfaction: 0.2, timeLeftSec: 100 });
    render(ItemCard, { item: item('a'), decision: { ...base, fallback: true, fallbackReason: 'the endpoint refused the request (HTTP 400)' }, state: 'done' });
    const badge = screen.getByTestId('fallback-badge');
    expect(badge.textContent).toBe('fallback: the endpoint refused the request (HTTP 400)');
    expect(badge.title).toBe('The LLM step failed (the endpoint refused the request (HTTP 400)); the rule-based decision was used');
    cleanup();
    render(ItemCard, { item: item('a'), decision: { ...base, fallback: true, fallbackReason: 'invalid reply' }, state: 'done' });
    expect(screen.getByTestId('fallback-badge').textContent).toBe('fallback: invalid reply');
  });

  it("shows the LLM call's tokens, latency and speed under an LLM decision, nothing for rule-based ones", () => {
    const d = { ...decision('a', 0, ['watch'], 10, { satisfaction: 0.7, timeLeftSec: 300 }), llm: { promptTokens: 812, completionTokens: 64, latencyMs: 2400, tokensPerSec: 26.7, retries: 1, model: 'Qwen2.5-0.5B' } };
    render(ItemCard, { item: item('a'), decision: d, state: 'done' });
    const cost = screen.getByTestId('llm-cost').textContent ?? '';
    expect(cost).toContain('812 + 64 tokens');
    expect(cost).toContain('2.4 s');
    expect(cost).toContain('27 tok/s');
    expect(cost).toContain('1 retry');
    cleanup();
    render(ItemCard, { item: item('a'), decision: decision('a', 0, ['watch'], 10, { satisfaction: 0.7, timeLeftSec: 300 }), state: 'done' });
    expect(screen.queryByTestId('llm-cost')).toBeNull();
  });

  it('shows an LLM thought as text (untrusted), streamed or final', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { container } = render(ItemCard, { item: item('a', { title: evil }), thought: evil, state: 'current' });
    expect(screen.getByTestId('reasoning').textContent).toContain(evil);
    expect(container.querySelector('img')).toBeNull();
  });
});
