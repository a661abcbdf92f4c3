import { describe, expect, it } from 'vitest';
import { type KeyPress, SHORTCUT_HELP, shortcutFor } from '../../../src-renderer/keyboard/shortcut-map';

const press = (over: Partial<KeyPress>): KeyPress => ({
  key: 'e',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  focus: 'none',
  overlayOpen: false,
  ...over,
});

describe('export shortcut', () => {
  it('opens the export with Ctrl+E or Cmd+E, from a text field too', () => {
    expect(shortcutFor(press({ ctrlKey: true }))).toBe('export');
    expect(shortcutFor(press({ metaKey: true, key: 'E' }))).toBe('export');
    expect(shortcutFor(press({ ctrlKey: true, focus: 'text' }))).toBe('export');
  });

  it('leaves plain E to typing and Ctrl+Shift+E and Alt alone', () => {
    expect(shortcutFor(press({}))).toBeNull();
    expect(shortcutFor(press({ ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(press({ ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('is listed in the shortcuts overlay', () => {
    expect(SHORTCUT_HELP.some((entry) => entry.keys.includes('Ctrl E'))).toBe(true);
  });
});
