import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../src/ui/shell/shortcuts';

describe('keyboard shortcuts', () => {
  it('maps Space, N, →, R and ?', () => {
    expect(shortcutFor({ key: ' ' })).toBe('toggle');
    expect(shortcutFor({ key: 'n' })).toBe('step');
    expect(shortcutFor({ key: 'N' })).toBe('step');
    expect(shortcutFor({ key: 'ArrowRight' })).toBe('step');
    expect(shortcutFor({ key: 'r' })).toBe('restart');
    expect(shortcutFor({ key: '?' })).toBe('help');
    expect(shortcutFor({ key: 'x' })).toBeNull();
  });

  it('never fires while typing or with modifiers', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(shortcutFor({ key: 'r', targetTag: tag })).toBeNull();
    expect(shortcutFor({ key: 'n', targetEditable: true })).toBeNull();
    expect(shortcutFor({ key: 'r', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: ' ', targetTag: 'BUTTON' })).toBeNull();
    expect(shortcutFor({ key: 'n', targetTag: 'BUTTON' })).toBe('step');
    // After clicking Run, Space pauses instead of pressing Run again.
    expect(shortcutFor({ key: ' ', targetTag: 'BUTTON', targetTransport: true })).toBe('toggle');
  });
});
