import { describe, expect, it } from 'vitest';
import { flattenStem, planOutputNames } from '../../../../src-main/core/export/output-names';

describe('planOutputNames', () => {
  it('flattens subfolders into the name', () => {
    const names = planOutputNames(['sub/a.png', 'b.jpg', 'x/y/c.webp'], ['png', 'jpg', 'webp'], 'keep');
    expect(names.map((n) => n.image)).toEqual(['sub_a.png', 'b.jpg', 'x_y_c.webp']);
    expect(names.map((n) => n.caption)).toEqual(['sub_a.txt', 'b.txt', 'x_y_c.txt']);
  });

  it('never gives two images one caption name, ignoring case', () => {
    const rels = ['a.png', 'a.jpg', 'A.webp', 'sub/a.png', 'sub_a.png', 'a_2.png'];
    const names = planOutputNames(rels, ['png', 'jpg', 'webp', 'png', 'png', 'png'], 'keep');
    expect(names.map((n) => n.image)).toEqual(['a.png', 'a_2.jpg', 'A_3.webp', 'sub_a.png', 'sub_a_2.png', 'a_2_2.png']);
    const captions = names.map((n) => n.caption.toLowerCase());
    expect(new Set(captions).size).toBe(captions.length);
  });

  it('renumbers from 0001 in order, wider when there are more images', () => {
    expect(planOutputNames(['z.png', 'a.jpg'], ['png', 'jpg'], 'renumber').map((n) => n.image)).toEqual([
      '0001.png',
      '0002.jpg',
    ]);
    const many = Array.from({ length: 10_000 }, (_, i) => `${i}.png`);
    const names = planOutputNames(many, many.map(() => 'png'), 'renumber');
    expect(names[0]!.image).toBe('00001.png');
    expect(names[9999]!.image).toBe('10000.png');
  });
});

describe('flattenStem', () => {
  it('replaces characters Windows refuses and trailing dots', () => {
    expect(flattenStem('a:b?c*.png')).toBe('a_b_c_');
    expect(flattenStem('name..png')).toBe('name');
    expect(flattenStem('con.png')).toBe('_con');
    expect(flattenStem('.png')).toBe('.png');
    expect(flattenStem('a.b.png')).toBe('a.b');
  });
});
