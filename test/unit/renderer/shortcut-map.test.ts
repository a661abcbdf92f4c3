import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../src-renderer/keyboard/shortcut-map';
import { press } from './support/key-press';


describe('keyboard map', () => {
  it('navigates with the arrows only outside text fields', () => {
    expect(shortcutFor(press('ArrowLeft'))).toBe('previous');
    expect(shortcutFor(press('ArrowRight', { focus: 'control' }))).toBe('next');
    expect(shortcutFor(press('ArrowRight', { focus: 'text' }))).toBeNull();
  });

  it('leaves the arrows to a focused slider or radio group, which move with them, and keeps the other keys', () => {
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']) {
      expect(shortcutFor(press(key, { focus: 'arrows' }))).toBeNull();
    }
    expect(shortcutFor(press('g', { focus: 'arrows' }))).toBe('toggle-view');
    expect(shortcutFor(press('z', { ctrlKey: true, focus: 'arrows' }))).toBe('undo');
  });

  it('saves, finds and focuses the tag input with Ctrl or Cmd, even while typing', () => {
    expect(shortcutFor(press('s', { ctrlKey: true, focus: 'text' }))).toBe('save');
    expect(shortcutFor(press('f', { metaKey: true }))).toBe('find-tag');
    expect(shortcutFor(press('L', { ctrlKey: true, focus: 'text' }))).toBe('focus-tag-input');
  });

  it('lets Enter press a focused button, and jump to the tag input elsewhere', () => {
    expect(shortcutFor(press('Enter'))).toBe('focus-tag-input');
    expect(shortcutFor(press('Enter', { focus: 'control' }))).toBeNull();
    expect(shortcutFor(press('Enter', { focus: 'text' }))).toBeNull();
  });

  it('uses Escape to close the overlay first, then to leave a field', () => {
    expect(shortcutFor(press('Escape', { overlayOpen: true, focus: 'text' }))).toBe('close-overlay');
    expect(shortcutFor(press('Escape', { focus: 'text' }))).toBe('leave-input');
    expect(shortcutFor(press('Escape'))).toBeNull();
  });

  it('opens the overlay with ? but not while typing a ?', () => {
    expect(shortcutFor(press('?'))).toBe('shortcuts');
    expect(shortcutFor(press('?', { focus: 'text' }))).toBeNull();
    expect(shortcutFor(press('ArrowRight', { overlayOpen: true }))).toBeNull();
  });

  it('leaves Ctrl+Z to text fields, and undoes tag edits elsewhere', () => {
    expect(shortcutFor(press('z', { ctrlKey: true, focus: 'text' }))).toBeNull();
    expect(shortcutFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true }))).toBe('redo');
  });
});
