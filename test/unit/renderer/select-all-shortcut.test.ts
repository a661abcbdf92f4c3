import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../src-renderer/keyboard/shortcut-map';
import { press } from './support/key-press';


describe('Ctrl A and the history keys', () => {
  it('selects the shown images with Ctrl or Cmd A, except in a text field where it selects the text', () => {
    expect(shortcutFor(press('a', { ctrlKey: true }))).toBe('select-all');
    expect(shortcutFor(press('A', { metaKey: true, focus: 'control' }))).toBe('select-all');
    expect(shortcutFor(press('a', { ctrlKey: true, focus: 'text' }))).toBeNull();
    expect(shortcutFor(press('a'))).toBeNull();
  });

  it('leaves Alt+arrows to a focused tag chip', () => {
    expect(shortcutFor(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('ArrowRight', { altKey: true }))).toBeNull();
  });

  it('undoes and redoes outside text fields, Ctrl Shift Z and Ctrl Y both redo', () => {
    expect(shortcutFor(press('z', { ctrlKey: true, focus: 'control' }))).toBe('undo');
    expect(shortcutFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(press('y', { metaKey: true }))).toBe('redo');
    expect(shortcutFor(press('y', { ctrlKey: true, focus: 'text' }))).toBeNull();
  });
});
