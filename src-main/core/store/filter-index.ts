import { parseTags } from '../../../src-shared/tag-text';
import { heldModelTags, provenanceByImage } from '../autotag/provenance-store';
import { compileQuery, imageStatus, indexImage, NO_MODEL_TAGS, type IndexedImage, type ModelTagScores, type QueryError } from '../query';
import type { IndexDatabase, ProvenanceRow, RowWatcher } from './index-database';

/** the ids of the images a query matches, in the list's order; a bad query is a value, not an exception */
export type FilterAnswer = { ok: true; ids: Int32Array } | { ok: false; error: QueryError };

const NONE: ReadonlySet<number> = new Set();

/** images read from the database per statement when indexing */
const ROWS_PER_READ = 4096;

/**
 * The images as the filter sees them, on the index thread beside the
 * database they are read from: each lower-cased once (indexImage) and again
 * only after the database is told its caption or skip changed (see
 * RowWatcher), so a query over 100,000 images lower-cases nothing and main
 * holds none of it. Kept by image id: a new list (a sync, a dropped file)
 * keeps every index, and only the order is read again.
 *
 * Main's caption state and the database agree at every request: main sends
 * each caption it takes to the database in the same turn (DatasetIndex), and
 * requests are answered in the order sent. The one difference is a caption
 * file a sync could not read: main shows it empty and the database keeps the
 * row it had, so `unreadable` names those images, and they are filtered as
 * empty.
 */
export class FilterIndex implements RowWatcher {
  /** the list's ids in order; null: changed since */
  private order: Int32Array | null = null;
  /** each image's index at its id: ids are SQLite's, small and dense */
  private indexed: (IndexedImage | undefined)[] = [];
  /** how many images `indexed` holds */
  private held = 0;
  /** the set `unreadable` gave when last looked at */
  private seenUnreadable: ReadonlySet<number> = NONE;
  /** warmFilter's place in the list */
  private warmed = 0;
  /**
   * The model tag rows, read when a query first asks (reading every row is
   * far dearer than the query), under the database's stamp of them
   * (modelTagsStamp); and each image's scores of them, made as asked.
   */
  private model: { stamp: string; rows: Map<number, ProvenanceRow[]>; scores: Map<number, ModelTagScores> } | null = null;

  constructor(
    private readonly db: IndexDatabase,
    /** the images whose caption file the last sync could not read (see FolderSync) */
    private readonly unreadable: () => ReadonlySet<number> = () => NONE,
  ) {
    db.watch(this);
  }

  listChanged(): void {
    this.order = null;
    this.warmed = 0;
  }

  imagesChanged(ids: readonly number[]): void {
    for (const id of ids) this.forget(id);
  }

  /** The images a query matches, in the list's order, indexing first whatever is not yet. */
  filterImages(query: string): FilterAnswer {
    const compiled = compileQuery(query);
    if (!compiled.ok) return compiled;
    const order = this.listOrder();
    this.indexMissing(order, 0, order.length);
    const model = compiled.readsModelTags ? this.modelTags() : null;
    const ids: number[] = [];
    for (const id of order) if (compiled.test(this.indexed[id]!, model?.get(id) ?? NO_MODEL_TAGS)) ids.push(id);
    return { ok: true, ids: Int32Array.from(ids) };
  }

  /** Index up to `count` more images of the list, ahead of the first query; true once all are. */
  warmFilter(count: number): boolean {
    const order = this.listOrder();
    const end = Math.min(order.length, this.warmed + count);
    this.indexMissing(order, this.warmed, end);
    this.warmed = end;
    return end === order.length;
  }

  private forget(id: number): void {
    // which of its model tags count follows its caption
    this.model?.scores.delete(id);
    if (this.indexed[id] === undefined) return;
    this.indexed[id] = undefined;
    this.held--;
  }

  private listOrder(): Int32Array {
    if (this.order) return this.order;
    const order = Int32Array.from(this.db.listIds());
    this.order = order;
    // the indexes of images gone linger until they outnumber the list's
    if (this.held > 2 * order.length + 1000) this.prune(order);
    return order;
  }

  private prune(order: Int32Array): void {
    const kept: (IndexedImage | undefined)[] = [];
    let held = 0;
    for (const id of order) {
      const ix = this.indexed[id];
      if (ix === undefined) continue;
      kept[id] = ix;
      held++;
    }
    this.indexed = kept;
    this.held = held;
  }

  /** index the images of order[start, end) that are not, and take up a sync's new unreadable captions first */
  private indexMissing(order: Int32Array, start: number, end: number): void {
    const unreadable = this.unreadable();
    if (unreadable !== this.seenUnreadable) {
      for (const id of this.seenUnreadable) this.forget(id);
      for (const id of unreadable) this.forget(id);
      this.seenUnreadable = unreadable;
    }
    const missing: number[] = [];
    for (let i = start; i < end; i++) if (this.indexed[order[i]!] === undefined) missing.push(order[i]!);
    this.readTexts(missing, (id, relPath, skip, text) => {
      const tags = parseTags(text);
      this.indexed[id] = indexImage({ name: relPath.slice(relPath.lastIndexOf('/') + 1), path: relPath, caption: text, tags, status: imageStatus(skip, text) });
      this.held++;
    });
  }

  /** each image's model tag scores: its rows whose tag its caption, as written, still holds */
  private modelTags(): Map<number, ModelTagScores> {
    const stamp = this.db.modelTagsStamp();
    if (this.model?.stamp !== stamp) this.model = { stamp, rows: provenanceByImage(this.db.allProvenance()), scores: new Map() };
    const { rows, scores } = this.model;
    const missing = [...rows.keys()].filter((id) => !scores.has(id));
    this.readTexts(missing, (id, _relPath, _skip, text) => scores.set(id, heldModelTags(parseTags(text), rows.get(id)).map((r) => r.score)));
    return scores;
  }

  /** these images' paths, skips and captions as main shows them, a statement per ROWS_PER_READ */
  private readTexts(ids: readonly number[], take: (id: number, relPath: string, skip: boolean, text: string) => void): void {
    const unreadable = this.seenUnreadable;
    for (let at = 0; at < ids.length; at += ROWS_PER_READ) {
      for (const [id, relPath, skip, text] of this.db.filterRows(ids.slice(at, at + ROWS_PER_READ))) {
        take(id, relPath, skip === 1, text === null || unreadable.has(id) ? '' : text);
      }
    }
  }
}
