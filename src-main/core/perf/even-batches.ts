/**
 * How many items to send per message when `count` items go out over
 * `lanes` at once, at most `most` per message: a few items split evenly, so
 * every lane gets a share (72 images as 64 + 8 left one thread working
 * alone for most of the time), and many in messages of `most`.
 */
export function evenBatchSize(count: number, most: number, lanes: number): number {
  return Math.max(1, Math.min(most, Math.ceil(count / Math.max(1, lanes))));
}
