import { describe, expect, it } from 'vitest';
import { SHORTCUT_HELP, shortcutFor } from '../../../src-renderer/keyboard/shortcut-map';
import { press } from './support/key-press';


describe('export shortcut', () => {
  it('opens the export with Ctrl+E or Cmd+E, from a text field too', () => {
    expect(shortcutFor(press('e', { ctrlKey: true }))).toBe('export');
    expect(shortcutFor(press('e', { metaKey: true, key: 'E' }))).toBe('export');
    expect(shortcutFor(press('e', { ctrlKey: true, focus: 'text' }))).toBe('export');
  });

  it('leaves plain E to typing and Ctrl+Shift+E and Alt alone', () => {
    expect(shortcutFor(press('e', {}))).toBeNull();
    expect(shortcutFor(press('e', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('e', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('is listed in the shortcuts overlay', () => {
    expect(SHORTCUT_HELP.some((entry) => entry.keys.includes('Ctrl E'))).toBe(true);
  });
});
