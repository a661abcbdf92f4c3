import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../src-renderer/keyboard/shortcut-map';
import { press } from './support/key-press';


describe('grid and single view keys', () => {
  it('toggles the view with G, but not while typing, under an overlay, or with a modifier', () => {
    expect(shortcutFor(press('g'))).toBe('toggle-view');
    expect(shortcutFor(press('G', { shiftKey: true, focus: 'control' }))).toBe('toggle-view');
    expect(shortcutFor(press('g', { focus: 'text' }))).toBeNull();
    expect(shortcutFor(press('g', { overlayOpen: true }))).toBeNull();
    expect(shortcutFor(press('g', { ctrlKey: true }))).toBeNull();
  });

  it('zooms the single image with Z, but not in the grid, while typing, or with Ctrl (undo)', () => {
    expect(shortcutFor(press('z'))).toBe('toggle-zoom');
    expect(shortcutFor(press('Z', { shiftKey: true }))).toBe('toggle-zoom');
    expect(shortcutFor(press('z', { view: 'grid' }))).toBeNull();
    expect(shortcutFor(press('z', { focus: 'text' }))).toBeNull();
    expect(shortcutFor(press('z', { ctrlKey: true }))).toBe('undo');
  });

  it('leaves the grid with Escape unless a text field or an overlay takes it first', () => {
    expect(shortcutFor(press('Escape', { view: 'grid' }))).toBe('single-view');
    expect(shortcutFor(press('Escape', { view: 'grid', focus: 'control' }))).toBe('single-view');
    expect(shortcutFor(press('Escape', { view: 'grid', focus: 'text' }))).toBe('leave-input');
    expect(shortcutFor(press('Escape', { view: 'grid', overlayOpen: true }))).toBe('close-overlay');
    expect(shortcutFor(press('Escape', { view: 'single' }))).toBeNull();
  });
});
