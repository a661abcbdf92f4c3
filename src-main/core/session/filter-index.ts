import { compileQuery, indexImage, type IndexedImage, type QueryError } from '../query';
import { runSliced } from '../vocabulary/run-sliced';
import { statusOf, type ImageEntry } from './image-entry';

export type FilterOutcome = { ok: true; entries: ImageEntry[] } | { ok: false; error: QueryError };

/**
 * The images as the filter sees them: each lower-cased once (indexImage),
 * rebuilt only when that image's caption or status changes, so a query over
 * 100,000 images lower-cases nothing.
 */
export class FilterIndex {
  private readonly indexed = new Map<number, IndexedImage>();

  of(entry: ImageEntry): IndexedImage {
    let ix = this.indexed.get(entry.row.id);
    if (!ix) {
      ix = indexImage({
        name: entry.row.relPath.slice(entry.row.relPath.lastIndexOf('/') + 1),
        path: entry.row.relPath,
        caption: entry.caption.text,
        tags: entry.caption.tags,
        status: statusOf(entry),
      });
      this.indexed.set(entry.row.id, ix);
    }
    return ix;
  }

  /** the image's caption or status changed */
  invalidate(id: number): void {
    this.indexed.delete(id);
  }

  /** forget images that left the dataset */
  retain(present: ReadonlyMap<number, unknown>): void {
    for (const id of this.indexed.keys()) if (!present.has(id)) this.indexed.delete(id);
  }

  /** index every image ahead of the first query, a slice at a time so the app stays responsive */
  async warm(entries: readonly ImageEntry[], stillWanted: () => boolean): Promise<void> {
    const self = this;
    function* steps(): Generator<void, void> {
      for (const e of entries) {
        self.of(e);
        yield;
      }
    }
    await runSliced(steps(), stillWanted);
  }

  /** the images a query matches, in dataset order; a bad query is a value, not an exception */
  filter(entries: readonly ImageEntry[], query: string): FilterOutcome {
    const compiled = compileQuery(query);
    if (!compiled.ok) return compiled;
    const { test } = compiled;
    const out: ImageEntry[] = [];
    for (const e of entries) if (test(this.of(e))) out.push(e);
    return { ok: true, entries: out };
  }
}
