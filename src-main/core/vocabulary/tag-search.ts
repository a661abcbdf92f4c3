import { BUCKET_PREFIX, prefixCode, type RowTable } from './row-table';
import type { TagIndex } from './tag-index';

/** An entry a search found, and which alias led to it (-1: its own name). */
export interface Hit {
  id: number;
  alias: number;
}

/**
 * The `limit` most used accepted entries with a row in `table` whose text
 * starts with `query`, most used first. Reads the bucket of the query's first
 * characters in count order and stops at `limit`: a query of up to
 * BUCKET_PREFIX characters is its own bucket and needs no check at all. An
 * entry reached through its name and an alias counts once, as the name (its
 * name's rows come first).
 */
export function prefixHits(
  index: TagIndex,
  table: RowTable,
  query: string,
  limit: number,
  accept: (id: number) => boolean,
): Hit[] {
  const hits: Hit[] = [];
  if (limit <= 0 || query === '') return hits;
  const bucket = table.bucketOf.get(prefixCode(query, 0, Math.min(BUCKET_PREFIX, query.length)));
  if (bucket === undefined) return hits;
  const check = query.length > BUCKET_PREFIX;
  const held = new Set<number>();
  const end = table.bucketStart[bucket + 1]!;
  for (let i = table.bucketStart[bucket]!; i < end; i++) {
    const row = table.bucketRows[i]!;
    const id = table.ids[row]!;
    if (held.has(id)) continue;
    const alias = table.alias[row]!;
    if (check && !index.texts.startsWithAt(id, alias, table.offsets[row]!, query)) continue;
    held.add(id);
    if (!accept(id)) continue;
    hits.push({ id, alias });
    if (hits.length === limit) break;
  }
  return hits;
}

/** which key of the haystack the character at `pos` belongs to */
function slotAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The first `limit` accepted entries whose key contains `query`, most used
 * first, among the keys the haystack covers (INSIDE_SEARCH_PER_LIST of each
 * list). The haystack is in post-count order, so the first hits are the best
 * and the scan stops there; a rare substring costs one pass of the engine's
 * string search over the haystack (about 0.8 MB for Danbooru), never a loop
 * over tens of thousands of strings in JavaScript. The query must hold no
 * line break (query keys never do), or it could match across two keys.
 */
export function insideHits(index: TagIndex, query: string, limit: number, accept: (id: number) => boolean): Hit[] {
  const hits: Hit[] = [];
  const { haystack, haystackStarts, haystackIds } = index;
  let pos = limit > 0 && query !== '' ? haystack.indexOf(query) : -1;
  while (pos >= 0) {
    const slot = slotAt(haystackStarts, pos);
    const id = haystackIds[slot]!;
    if (accept(id)) {
      hits.push({ id, alias: -1 });
      if (hits.length === limit) break;
    }
    const next = slot + 1 < haystackStarts.length ? haystackStarts[slot + 1]! : haystack.length;
    pos = haystack.indexOf(query, next);
  }
  return hits;
}
