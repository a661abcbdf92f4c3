/**
 * Groups images whose 64-bit difference hashes (dHash) are within a Hamming
 * distance of each other.
 *
 * Threshold 6 (of 64 bits): re-saving, resizing or recompressing an image
 * moves its dHash by 0–4 bits; light edits (a crop of a few percent, a
 * watermark, a colour tweak) by up to about 6; different pictures, even of
 * one character in one pose, usually differ by 10 or more. LoRA datasets are
 * full of similar shots, so the threshold errs toward fewer, surer findings.
 *
 * dHash compares neighbouring pixels and so ignores overall brightness: two
 * flat images of different colours hash alike. A second test on the mean
 * grey level keeps those apart.
 */

export const NEAR_DUPLICATE_BITS = 6;
/** mean grey levels (0–255) further apart than this are different pictures */
export const NEAR_DUPLICATE_MEAN = 32;

export interface PerceptualHash<K> {
  key: K;
  /** 16 hex digits */
  dhash: string;
  /** mean grey level of the hashed thumbnail, 0–255 */
  mean: number;
}

interface Parsed<K> {
  key: K;
  hi: number;
  lo: number;
  mean: number;
}

export function hammingDistance(a: string, b: string): number {
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return popcount(ah ^ bh) + popcount(al ^ bl);
}

/**
 * Groups of two or more near-identical images, in input order. Pigeonhole
 * indexing keeps this near-linear: two hashes within 6 bits agree exactly on
 * at least one of 7 slices of the 64 bits, so only images sharing a slice
 * value are compared (100,000 images would be 5 billion pairs otherwise).
 */
export function groupNearDuplicates<K>(
  hashes: readonly PerceptualHash<K>[],
  maxBits = NEAR_DUPLICATE_BITS,
  maxMeanDelta = NEAR_DUPLICATE_MEAN,
): K[][] {
  const items: Parsed<K>[] = hashes.map((h) => {
    const [hi, lo] = split(h.dhash);
    return { key: h.key, hi, lo, mean: h.mean };
  });
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const slices = sliceBounds(maxBits + 1);
  for (const [from, to] of slices) {
    const buckets = new Map<number, number[]>();
    items.forEach((item, i) => {
      const value = sliceOf(item, from, to);
      const bucket = buckets.get(value);
      if (bucket) bucket.push(i);
      else buckets.set(value, [i]);
    });
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const a = items[bucket[x]!]!;
          const b = items[bucket[y]!]!;
          if (Math.abs(a.mean - b.mean) > maxMeanDelta) continue;
          if (popcount(a.hi ^ b.hi) + popcount(a.lo ^ b.lo) > maxBits) continue;
          const ra = find(bucket[x]!);
          const rb = find(bucket[y]!);
          if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
      }
    }
  }
  const groups = new Map<number, K[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(item.key);
    else groups.set(root, [item.key]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

/** `count` bit ranges [from, to) covering 0..64 as evenly as possible */
function sliceBounds(count: number): [number, number][] {
  const n = Math.min(64, Math.max(1, count));
  const bounds: [number, number][] = [];
  for (let i = 0; i < n; i++) bounds.push([Math.floor((i * 64) / n), Math.floor(((i + 1) * 64) / n)]);
  return bounds;
}

/** bits [from, to) of the 64-bit hash, bit 0 being the top bit of `hi` (slices are at most 32 bits wide) */
function sliceOf(item: { hi: number; lo: number }, from: number, to: number): number {
  let value = 0;
  for (let bit = from; bit < to; bit++) {
    const word = bit < 32 ? item.hi : item.lo;
    value = value * 2 + ((word >>> (31 - (bit % 32))) & 1);
  }
  return value;
}

function split(hex: string): [number, number] {
  if (!/^[0-9a-f]{16}$/i.test(hex)) throw new Error(`not a 64-bit hex hash: ${hex}`);
  return [Number.parseInt(hex.slice(0, 8), 16) >>> 0, Number.parseInt(hex.slice(8), 16) >>> 0];
}

function popcount(x: number): number {
  let v = x >>> 0;
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
