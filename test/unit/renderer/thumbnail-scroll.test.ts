import { describe, expect, it } from 'vitest';
import { revealOffset } from '../../../src-renderer/features/grid/thumbnail-scroll';

describe('keeping the current image in view', () => {
  // a 760-pixel view of 76-pixel cells, keeping two cells of room either side
  const reveal = (cell: number, scroll: number) => revealOffset(cell * 76, cell * 76 + 76, scroll, 760, 152);

  it('does not scroll when the image and its room are in view (a click must not move the cell under the mouse)', () => {
    expect(reveal(5, 0)).toBeNull();
    expect(reveal(2, 0)).toBeNull();
  });

  it('steps just far enough when the image nears an edge', () => {
    // cell 8 ends at 684; with 152 of room the view must end at 836
    expect(reveal(8, 0)).toBe(836 - 760);
    expect(reveal(3, 300)).toBe(3 * 76 - 152);
  });

  it('never scrolls before the start', () => {
    expect(reveal(0, 200)).toBe(0);
    expect(reveal(1, 200)).toBe(0);
  });

  it('centres an image that is far away, as when the grid opens at image 50,000', () => {
    const offset = reveal(50_000, 0)!;
    expect(offset).toBe(Math.round(50_000 * 76 - (760 - 76) / 2));
  });

  it('shrinks the room when the view is too small for it, so the image itself still shows whole', () => {
    // a 100-pixel view cannot keep 152 either side of a 76-pixel cell
    expect(revealOffset(500, 576, 0, 100, 152)).toBe(576 + 12 - 100);
    expect(revealOffset(500, 576, 488, 100, 152)).toBeNull();
  });
});
