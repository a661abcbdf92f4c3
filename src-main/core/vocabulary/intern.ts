/**
 * One copy of each string that many images share (a tag, an image's format)
 * for the whole process: captions of 30 tags drawn from a few thousand names
 * would otherwise hold 30 strings an image, most of them copies. Purely a
 * saving: clearing the pool changes no result, so it is cleared rather than
 * left to grow past LIMIT.
 */
const pool = new Map<string, string>();
const LIMIT = 1_000_000;

export function intern(s: string): string {
  const have = pool.get(s);
  if (have !== undefined) return have;
  if (pool.size >= LIMIT) pool.clear();
  pool.set(s, s);
  return s;
}

/** interns every item in place; returns the same array */
export function internAll(items: string[]): string[] {
  for (let i = 0; i < items.length; i++) items[i] = intern(items[i]!);
  return items;
}
