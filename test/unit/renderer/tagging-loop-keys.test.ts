import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../src-renderer/keyboard/shortcut-map';
import { press } from './support/key-press';

describe('keys of the tagging loop', () => {
  it('moves between images from the empty tag input, and leaves a typed one its caret keys', () => {
    const emptyInput = { focus: 'text', emptyTagInput: true } as const;
    expect(shortcutFor(press('ArrowRight', emptyInput))).toBe('next');
    expect(shortcutFor(press('ArrowLeft', emptyInput))).toBe('previous');
    expect(shortcutFor(press('Home', emptyInput))).toBe('first');
    expect(shortcutFor(press('End', emptyInput))).toBe('last');
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) {
      expect(shortcutFor(press(key, { focus: 'text' }))).toBeNull();
    }
  });

  it('lets the empty tag input keep every other plain key', () => {
    const emptyInput = { focus: 'text', emptyTagInput: true } as const;
    for (const key of ['g', '?', 'Enter', 'ArrowUp', 'Backspace']) expect(shortcutFor(press(key, emptyInput))).toBeNull();
    expect(shortcutFor(press('ArrowRight', { ...emptyInput, overlayOpen: true }))).toBeNull();
  });

  it('goes to the first and last image with Home and End outside text fields', () => {
    expect(shortcutFor(press('Home'))).toBe('first');
    expect(shortcutFor(press('End', { focus: 'control' }))).toBe('last');
  });

  it('finds the next and previous image without a caption with Ctrl+J and Ctrl+Shift+J, while typing too', () => {
    expect(shortcutFor(press('j', { ctrlKey: true }))).toBe('next-uncaptioned');
    expect(shortcutFor(press('J', { ctrlKey: true, shiftKey: true, focus: 'text' }))).toBe('previous-uncaptioned');
    expect(shortcutFor(press('j', { metaKey: true, focus: 'text' }))).toBe('next-uncaptioned');
    expect(shortcutFor(press('j', { focus: 'none' }))).toBeNull();
  });

  it('toggles Skip with Ctrl+K, while typing too', () => {
    expect(shortcutFor(press('k', { ctrlKey: true, focus: 'text' }))).toBe('toggle-skip');
    expect(shortcutFor(press('K', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('k', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});
