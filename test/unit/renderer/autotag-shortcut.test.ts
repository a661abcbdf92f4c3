import { describe, expect, it } from 'vitest';
import { SHORTCUT_HELP, shortcutFor } from '../../../src-renderer/keyboard/shortcut-map';
import { press } from './support/key-press';

describe('auto-tag shortcut', () => {
  it('opens the auto-tag panel with T outside text fields', () => {
    expect(shortcutFor(press('t', {}))).toBe('autotag');
    expect(shortcutFor(press('T', { shiftKey: true }))).toBe('autotag');
    expect(shortcutFor(press('t', { focus: 'control' }))).toBe('autotag');
  });

  it('leaves T to typing, to the empty tag input, and to an open overlay', () => {
    expect(shortcutFor(press('t', { focus: 'text' }))).toBeNull();
    expect(shortcutFor(press('t', { focus: 'text', emptyTagInput: true }))).toBeNull();
    expect(shortcutFor(press('t', { overlayOpen: true }))).toBeNull();
    expect(shortcutFor(press('t', { ctrlKey: true }))).toBeNull();
  });

  it('is listed in the shortcuts overlay', () => {
    expect(SHORTCUT_HELP.some((entry) => entry.keys.includes('T') && entry.action === 'autotag')).toBe(true);
  });
});
