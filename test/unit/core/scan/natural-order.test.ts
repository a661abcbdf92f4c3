import { describe, expect, it } from 'vitest';
import { compareNatural } from '../../../../src-main/core/scan/natural-order';

describe('natural order', () => {
  it('puts numbers in numeric order, ignoring case', () => {
    const names = ['BG-10.png', 'bg-2.png', 'BG-1.png', 'a.png', 'img_100.jpg', 'img_20.jpg', 'IMG_3.jpg'];
    expect([...names].sort(compareNatural)).toEqual(['a.png', 'BG-1.png', 'bg-2.png', 'BG-10.png', 'IMG_3.jpg', 'img_20.jpg', 'img_100.jpg']);
  });

  it('keeps a folder together and puts its files after the files beside it', () => {
    const names = ['10_b/x.png', 'z.png', '2_a/y.png', '2_a/sub/w.png', 'a-1.png'];
    expect([...names].sort(compareNatural)).toEqual(['a-1.png', 'z.png', '2_a/y.png', '2_a/sub/w.png', '10_b/x.png']);
  });
});
