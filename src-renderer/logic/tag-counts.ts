import type { TagCount } from '../../src-shared/contract';

/** The master list as a name → count map: deltas from `tags.changed` apply in O(changes). */
export type TagCountMap = ReadonlyMap<string, number>;

export const toCountMap = (tags: readonly TagCount[]): Map<string, number> =>
  new Map(tags.map((t) => [t.name, t.count]));

/** count 0 means the tag left the dataset */
export function applyTagDeltas(counts: TagCountMap, changes: readonly TagCount[]): Map<string, number> {
  const next = new Map(counts);
  for (const { name, count } of changes) {
    if (count === 0) next.delete(name);
    else next.set(name, count);
  }
  return next;
}

export type TagSort = 'count' | 'name' | 'length';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const byName = (a: TagCount, b: TagCount) => collator.compare(a.name, b.name);
const ORDER: Record<TagSort, (a: TagCount, b: TagCount) => number> = {
  count: (a, b) => b.count - a.count || byName(a, b),
  name: byName,
  // longest first: over-long tags are the ones worth looking at (CLIP cuts at 75 tokens)
  length: (a, b) => b.name.length - a.name.length || byName(a, b),
};

/**
 * The rows the tags panel shows: filtered on a substring (case-insensitive
 * unless asked), sorted most-used first, by name, or longest first; ties by name.
 */
export function visibleTags(counts: TagCountMap, filter: string, sort: TagSort, caseSensitive = false): TagCount[] {
  const trimmed = filter.trim();
  const needle = caseSensitive ? trimmed : trimmed.toLocaleLowerCase();
  const rows: TagCount[] = [];
  for (const [name, count] of counts) {
    if (!needle || (caseSensitive ? name : name.toLocaleLowerCase()).includes(needle)) rows.push({ name, count });
  }
  return rows.sort(ORDER[sort]);
}
