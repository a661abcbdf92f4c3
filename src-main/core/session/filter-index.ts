import { compileQuery, indexImage, NO_MODEL_TAGS, type IndexedImage, type ModelTagScores, type QueryError } from '../query';
import { forEachSliced, mapSliced, runSliced } from '../perf/time-slicer';
import { tagsInPassing } from './caption-loader';
import { statusOf, type ImageEntry } from './image-entry';

/** the model tag scores of each image (see core/autotag/model-tag-scores), asked for only by a query with source: or score: */
export type ModelTagSource = () => Promise<(entry: ImageEntry) => ModelTagScores>;

export type FilterOutcome = { ok: true; entries: ImageEntry[] } | { ok: false; error: QueryError };

function indexEntry(entry: ImageEntry): IndexedImage {
  const path = entry.row.relPath;
  return indexImage({
    name: path.slice(path.lastIndexOf('/') + 1),
    path,
    caption: entry.caption.text,
    tags: tagsInPassing(entry.caption),
    status: statusOf(entry),
  });
}

/**
 * The images as the filter sees them: each lower-cased once (indexImage) and
 * rebuilt only when that image's caption or status changes, so a query over
 * 100,000 images lower-cases nothing. Kept by image id, not beside the list:
 * a new list (a scan, a resync, a dropped file) keeps every index and costs
 * nothing. Queries walk an array in the list's order, made from the map when
 * first needed after a change.
 */
export class FilterIndex {
  private entries: readonly ImageEntry[] = [];
  /** each image's index at its id: ids are SQLite's, small and dense, so an array holds them with no hashing */
  private indexed: (IndexedImage | undefined)[] = [];
  /** how many images `indexed` holds */
  private held = 0;
  /** `indexed` in the order of `entries`; null: changed since */
  private aligned: IndexedImage[] | null = null;
  /** counts resets and invalidations: an array built across slices is kept only if none came meanwhile */
  private changes = 0;

  /** the list changed: images already indexed keep their index */
  reset(entries: readonly ImageEntry[]): void {
    this.entries = entries;
    this.aligned = null;
    this.changes++;
    // the indexes of removed images linger until they outnumber the list's (a prune walks them all)
    if (this.held > 2 * entries.length + 1000) this.prune();
  }

  /** this image's caption or status changed */
  invalidate(id: number): void {
    if (this.indexed[id] === undefined) return;
    this.indexed[id] = undefined;
    this.held--;
    this.aligned = null;
    this.changes++;
  }

  private at(entry: ImageEntry): IndexedImage {
    let ix = this.indexed[entry.row.id];
    if (!ix) {
      ix = indexEntry(entry);
      this.indexed[entry.row.id] = ix;
      this.held++;
    }
    return ix;
  }

  private prune(): void {
    const kept: (IndexedImage | undefined)[] = [];
    let held = 0;
    for (const e of this.entries) {
      const ix = this.indexed[e.row.id];
      if (ix === undefined) continue;
      kept[e.row.id] = ix;
      held++;
    }
    this.indexed = kept;
    this.held = held;
  }

  /** index every image ahead of the first query, a slice at a time so the app stays responsive */
  async warm(stillWanted: () => boolean): Promise<void> {
    await runSliced(this.indexAll(), stillWanted, { background: true });
  }

  /** one step per image; keeps the result only if the list did not change meanwhile */
  private *indexAll(): Generator<void, void> {
    const changes = this.changes;
    const built: IndexedImage[] = [];
    // the list may be replaced meanwhile: walk whatever it is at each step
    for (let i = 0; i < this.entries.length; i++) {
      built.push(this.at(this.entries[i]!));
      yield;
    }
    if (this.changes === changes) this.aligned = built;
  }

  /**
   * The images a query matches, in dataset order; a bad query is a value, not
   * an exception. In slices, as it tests every image. It answers for the
   * list as it was when asked.
   */
  async filter(query: string, signal?: AbortSignal, modelTags?: ModelTagSource): Promise<FilterOutcome> {
    const compiled = compileQuery(query);
    if (!compiled.ok) return compiled;
    const { test } = compiled;
    const entries = this.entries;
    const images = this.aligned ?? (await this.align(signal));
    const model = compiled.readsModelTags && modelTags ? await modelTags() : () => NO_MODEL_TAGS;
    const out: ImageEntry[] = [];
    await forEachSliced(
      images,
      (image, i) => {
        if (test(image, model(entries[i]!))) out.push(entries[i]!);
      },
      signal,
    );
    return { ok: true, entries: out };
  }

  /** `indexed` in the order of the list as it is now, made in slices */
  private async align(signal?: AbortSignal): Promise<IndexedImage[]> {
    const changes = this.changes;
    const images = await mapSliced(this.entries, (e) => this.at(e), signal);
    // after a change meanwhile the array still answers the query that asked, but not the next
    if (this.changes === changes) this.aligned = images;
    return images;
  }
}
