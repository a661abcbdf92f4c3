import { beforeEach, describe, expect, it } from 'vitest';
import { clearSelection, clickImage, useSelectionStore } from '../../../src-renderer/stores/selection-store';

/** The click rules the strip and the grid share, over the order they show (filtered or not). */
const selected = () => [...useSelectionStore.getState().selected].sort((a, b) => a - b);
const plain = { shift: false, toggle: false };
const shift = { shift: true, toggle: false };
const toggle = { shift: false, toggle: true };

describe('selection by click', () => {
  beforeEach(() => clearSelection());

  it('selects one image on a plain click and extends from it with Shift, either way', () => {
    const order = [1, 2, 3, 4, 5, 6];
    clickImage(2, plain, order);
    clickImage(5, shift, order);
    expect(selected()).toEqual([2, 3, 4, 5]);
    // the anchor stays: a second Shift+click re-draws the range from it
    clickImage(1, shift, order);
    expect(selected()).toEqual([1, 2]);
  });

  it('ranges over the order shown, so images a filter hides are never picked up', () => {
    const filtered = [2, 7, 9, 15];
    clickImage(7, plain, filtered);
    clickImage(15, shift, filtered);
    expect(selected()).toEqual([7, 9, 15]);
  });

  it('toggles with Ctrl/Cmd and adds a Shift range to what is selected when both are held', () => {
    const order = [1, 2, 3, 4, 5, 6];
    clickImage(1, plain, order);
    clickImage(3, toggle, order);
    clickImage(3, toggle, order);
    expect(selected()).toEqual([1]);
    // the last Ctrl+click (even one that unselected) is the anchor of the next Shift range
    clickImage(6, toggle, order);
    clickImage(4, { shift: true, toggle: true }, order);
    expect(selected()).toEqual([1, 4, 5, 6]);
  });

  it('treats Shift without an anchor as a plain click', () => {
    clickImage(4, shift, [1, 2, 3, 4]);
    expect(selected()).toEqual([4]);
    expect(useSelectionStore.getState().anchor).toBe(4);
  });
});
