import type { TagCount } from '../../../src-shared/contract';

/**
 * Tag count changes from several captions as one `tags.changed` payload.
 * Each list holds counts as they stood after its change, so the last count
 * seen for a tag is its count now.
 */
export function mergeTagChanges(lists: readonly (readonly TagCount[])[]): TagCount[] {
  if (lists.length === 1) return [...lists[0]!];
  const latest = new Map<string, number>();
  for (const list of lists) for (const { name, count } of list) latest.set(name, count);
  return [...latest].map(([name, count]) => ({ name, count }));
}
