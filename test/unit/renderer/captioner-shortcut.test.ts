import { describe, expect, it } from 'vitest';
import { SHORTCUT_HELP, shortcutFor } from '../../../src-renderer/keyboard/shortcut-map';
import { press } from './support/key-press';

describe('captions (AI) shortcut', () => {
  it('opens the captioning panel with C outside text fields', () => {
    expect(shortcutFor(press('c', {}))).toBe('captioner');
    expect(shortcutFor(press('C', { shiftKey: true }))).toBe('captioner');
    expect(shortcutFor(press('c', { focus: 'control' }))).toBe('captioner');
  });

  it('leaves C to typing, to the empty tag input, to an open overlay and to Ctrl C (copy)', () => {
    expect(shortcutFor(press('c', { focus: 'text' }))).toBeNull();
    expect(shortcutFor(press('c', { focus: 'text', emptyTagInput: true }))).toBeNull();
    expect(shortcutFor(press('c', { overlayOpen: true }))).toBeNull();
    expect(shortcutFor(press('c', { ctrlKey: true }))).toBeNull();
  });

  it('is listed in the shortcuts overlay', () => {
    expect(SHORTCUT_HELP.some((entry) => entry.keys.includes('C') && entry.action === 'captioner')).toBe(true);
  });
});
