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

export type TagSort = 'count' | 'name';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The rows the master list shows: filtered case-insensitively on a substring,
 * sorted most-used first (ties by name) or by name alone.
 */
export function visibleTags(counts: TagCountMap, filter: string, sort: TagSort): TagCount[] {
  const needle = filter.trim().toLocaleLowerCase();
  const rows: TagCount[] = [];
  for (const [name, count] of counts) {
    if (!needle || name.toLocaleLowerCase().includes(needle)) rows.push({ name, count });
  }
  rows.sort((a, b) => (sort === 'count' && b.count !== a.count ? b.count - a.count : collator.compare(a.name, b.name)));
  return rows;
}
