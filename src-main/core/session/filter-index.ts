import { compileQuery, indexImage, type IndexedImage, type QueryError } from '../query';
import { runSliced } from '../perf/run-sliced';
import { statusOf, type ImageEntry } from './image-entry';

export type FilterOutcome = { ok: true; entries: ImageEntry[] } | { ok: false; error: QueryError };

function indexEntry(entry: ImageEntry): IndexedImage {
  const path = entry.row.relPath;
  return indexImage({
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    caption: entry.caption.text,
    tags: entry.caption.tags,
    status: statusOf(entry),
  });
}

/**
 * The images as the filter sees them: each lower-cased once (indexImage) and
 * rebuilt only when that image's caption or status changes, so a query over
 * 100,000 images lower-cases nothing. Kept in an array beside the session's
 * list, in its order: a query walks both without a lookup per image.
 */
export class FilterIndex {
  private entries: readonly ImageEntry[] = [];
  /** undefined: not indexed yet, or changed since */
  private images: (IndexedImage | undefined)[] = [];
  private position = new Map<number, number>();

  /** the list changed (a scan, a resync): images already indexed keep their index */
  reset(entries: readonly ImageEntry[]): void {
    const kept = new Map<number, IndexedImage>();
    this.entries.forEach((e, i) => {
      const ix = this.images[i];
      if (ix) kept.set(e.row.id, ix);
    });
    this.entries = entries;
    this.images = entries.map((e) => kept.get(e.row.id));
    this.position = new Map(entries.map((e, i) => [e.row.id, i]));
  }

  /** this image's caption or status changed */
  invalidate(id: number): void {
    const at = this.position.get(id);
    if (at !== undefined) this.images[at] = undefined;
  }

  private at(i: number): IndexedImage {
    return (this.images[i] ??= indexEntry(this.entries[i]!));
  }

  /** index every image ahead of the first query, a slice at a time so the app stays responsive */
  async warm(stillWanted: () => boolean): Promise<void> {
    const self = this;
    function* steps(): Generator<void, void> {
      // the list may be replaced meanwhile: walk whatever it is at each step
      for (let i = 0; i < self.entries.length; i++) {
        self.at(i);
        yield;
      }
    }
    await runSliced(steps(), stillWanted, { background: true });
  }

  /** the images a query matches, in dataset order; a bad query is a value, not an exception */
  filter(query: string): FilterOutcome {
    const compiled = compileQuery(query);
    if (!compiled.ok) return compiled;
    const { test } = compiled;
    const out: ImageEntry[] = [];
    const n = this.entries.length;
    for (let i = 0; i < n; i++) if (test(this.images[i] ?? this.at(i))) out.push(this.entries[i]!);
    return { ok: true, entries: out };
  }
}
