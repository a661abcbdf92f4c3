import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupNearDuplicates, hammingDistance } from '../../../../src-main/core/export/near-duplicates';

const hex = (hi: number, lo: number) => (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');

describe('hammingDistance', () => {
  it('counts differing bits across both halves', () => {
    expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
  });
});

describe('groupNearDuplicates', () => {
  it('groups hashes within 6 bits and similar brightness, and nothing else', () => {
    const groups = groupNearDuplicates([
      { key: 'a', dhash: 'f0f0f0f0f0f0f0f0', mean: 100 },
      { key: 'b', dhash: 'f0f0f0f0f0f0f0ff', mean: 104 }, // 4 bits from a
      { key: 'c', dhash: '0f0f0f0f0f0f0f0f', mean: 100 }, // 64 bits from a
      { key: 'd', dhash: 'f0f0f0f0f0f0f0f0', mean: 220 }, // same gradients, far brighter
    ]);
    expect(groups).toEqual([['a', 'b']]);
  });

  it('finds exactly the pairs a brute-force comparison finds', () => {
    // hashes drawn near a few seeds, so that close pairs are common
    const arbHash = fc
      .tuple(fc.constantFrom(0x12345678, 0x9abcdef0, 0), fc.constantFrom(0x0f0f0f0f, 0xdeadbeef), fc.array(fc.nat(63), { maxLength: 9 }))
      .map(([hi, lo, flips]) => {
        let h = hi >>> 0;
        let l = lo >>> 0;
        for (const bit of flips) {
          if (bit < 32) h = (h ^ (1 << (31 - bit))) >>> 0;
          else l = (l ^ (1 << (63 - bit))) >>> 0;
        }
        return hex(h, l);
      });
    fc.assert(
      fc.property(fc.array(arbHash, { maxLength: 40 }), (hashes) => {
        const items = hashes.map((dhash, key) => ({ key, dhash, mean: 128 }));
        const got = groupNearDuplicates(items);
        const expected = bruteForceGroups(items);
        expect(normalise(got)).toEqual(normalise(expected));
      }),
    );
  });
});

function bruteForceGroups(items: { key: number; dhash: string }[]): number[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      if (hammingDistance(items[a]!.dhash, items[b]!.dhash) <= 6) parent[find(b)] = find(a);
    }
  }
  const groups = new Map<number, number[]>();
  items.forEach((it, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), it.key]));
  return [...groups.values()].filter((g) => g.length > 1);
}

const normalise = (groups: number[][]) => groups.map((g) => [...g].sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
