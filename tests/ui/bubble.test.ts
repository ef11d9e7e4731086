import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Bubble from '../../src/ui/live/Bubble.svelte';

describe('speech bubble', () => {
  it('renders untrusted text literally, never as HTML', () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const { container } = render(Bubble, { from: 'user', text: evil, testid: 'instruction-bubble' });
    const el = screen.getByTestId('instruction-bubble');
    expect(el.textContent).toContain(evil);
    expect(container.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
