/**
 * kohya-ss sd-scripts' aspect-ratio buckets, as its BucketManager makes and
 * picks them when upscaling is allowed (its default): each bucket holds at
 * most resolution² pixels, both sides are multiples of the step and lie
 * between the smallest and largest bucket size. An image goes to the bucket
 * whose aspect ratio is nearest to its own, the first such in (width, height)
 * order on a tie, or to the bucket of exactly its size when there is one.
 */

export type Size = readonly [width: number, height: number];

export interface BucketSettings {
  resolution: number;
  minBucket: number;
  maxBucket: number;
  step: number;
}

/** every bucket, sorted by width then height (the order kohya searches them in) */
export function bucketResolutions(s: BucketSettings): Size[] {
  const maxArea = s.resolution * s.resolution;
  const found = new Map<string, Size>();
  const add = (w: number, h: number) => found.set(`${w}x${h}`, [w, h]);

  const square = Math.floor(Math.sqrt(maxArea) / s.step) * s.step;
  add(square, square);
  for (let width = s.minBucket; width <= s.maxBucket; width += s.step) {
    const height = Math.min(s.maxBucket, Math.floor(Math.floor(maxArea / width) / s.step) * s.step);
    if (height >= s.minBucket) {
      add(width, height);
      add(height, width);
    }
  }
  return [...found.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** the bucket an image of this size trains in */
export function selectBucket(width: number, height: number, buckets: readonly Size[]): Size {
  const exact = buckets.find(([w, h]) => w === width && h === height);
  if (exact) return exact;
  const aspect = width / height;
  let best = buckets[0]!;
  let bestError = Infinity;
  for (const bucket of buckets) {
    const error = Math.abs(bucket[0] / bucket[1] - aspect);
    if (error < bestError) {
      best = bucket;
      bestError = error;
    }
  }
  return best;
}

export interface BucketTally<K> {
  width: number;
  height: number;
  keys: K[];
}

/** how many images land in each bucket, fullest first */
export function bucketHistogram<K>(
  images: Iterable<{ key: K; width: number; height: number }>,
  settings: BucketSettings,
): BucketTally<K>[] {
  const buckets = bucketResolutions(settings);
  const tally = new Map<Size, K[]>();
  for (const img of images) {
    if (img.width <= 0 || img.height <= 0) continue;
    const bucket = selectBucket(img.width, img.height, buckets);
    const keys = tally.get(bucket);
    if (keys) keys.push(img.key);
    else tally.set(bucket, [img.key]);
  }
  return [...tally.entries()]
    .map(([[width, height], keys]) => ({ width, height, keys }))
    .sort((a, b) => b.keys.length - a.keys.length || a.width - b.width || a.height - b.height);
}
