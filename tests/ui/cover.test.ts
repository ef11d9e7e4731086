import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Thumb from '../../src/ui/live/Thumb.svelte';

describe('Thumb with an item: the generated cover', () => {
  it('draws the cover with the title as text (markup stays text) and the format badge', () => {
    const item = { id: 'x1', title: '<b>Crab</b> boil night', topic: 'seafood-cooking', format: 'image' as const };
    const { container } = render(Thumb, { props: { topic: item.topic, item } });
    const svg = container.querySelector('[data-testid="cover"]')!;
    expect(svg).not.toBeNull();
    expect(svg.querySelector('b')).toBeNull();
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('photo');
    expect(texts.join(' ')).toContain('<b>Crab</b> boil');
  });

  it('without an item keeps the emoji badge', () => {
    const { container } = render(Thumb, { props: { topic: 'ufc' } });
    expect(container.querySelector('[data-testid="cover"]')).toBeNull();
    expect(container.querySelector('svg.thumb')).not.toBeNull();
  });
});
