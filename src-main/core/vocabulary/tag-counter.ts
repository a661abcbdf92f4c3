import type { TagCount } from '../../../src-shared/contract';

/**
 * How many images carry each tag, kept up to date edit by edit so that the
 * master list never needs a recount of the dataset.
 */
export class TagCounter {
  private readonly counts = new Map<string, number>();

  clear(): void {
    this.counts.clear();
  }

  /** one image's tags: a tag its caption repeats is one image still, as update() counts it */
  addAll(tags: Iterable<string>): void {
    for (const t of new Set(tags)) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }

  /** one image's tags (see addAll) */
  removeAll(tags: Iterable<string>): void {
    for (const t of new Set(tags)) {
      const count = (this.counts.get(t) ?? 0) - 1;
      if (count > 0) this.counts.set(t, count);
      else this.counts.delete(t);
    }
  }

  /** adds tags counted elsewhere (the index thread counts a synced page's) */
  addCounts(counts: Iterable<readonly [string, number]>): void {
    for (const [t, n] of counts) this.counts.set(t, (this.counts.get(t) ?? 0) + n);
  }

  /** adds another counter's counts to these */
  merge(other: TagCounter): void {
    for (const [t, n] of other.counts) this.counts.set(t, (this.counts.get(t) ?? 0) + n);
  }

  /** apply one image's change; returns the tags whose count moved, with their new counts */
  update(before: readonly string[], after: readonly string[]): TagCount[] {
    const delta = new Map<string, number>();
    for (const t of new Set(before)) delta.set(t, (delta.get(t) ?? 0) - 1);
    for (const t of new Set(after)) delta.set(t, (delta.get(t) ?? 0) + 1);
    const changes: TagCount[] = [];
    for (const [name, d] of delta) {
      if (d === 0) continue;
      const count = Math.max(0, (this.counts.get(name) ?? 0) + d);
      if (count === 0) this.counts.delete(name);
      else this.counts.set(name, count);
      changes.push({ name, count });
    }
    return changes;
  }

  count(tag: string): number {
    return this.counts.get(tag) ?? 0;
  }

  /** most used first, then by name */
  list(): TagCount[] {
    return [...this.counts]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  get map(): ReadonlyMap<string, number> {
    return this.counts;
  }
}
