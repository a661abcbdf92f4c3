import type Database from 'better-sqlite3';
import { TagTally } from '../../../src-shared/tag-text';

/**
 * How many captions in the index carry each tag (as TagTally counts: once per
 * caption), kept in session.sqlite (migration 008) so a reopen sends them in
 * one go rather than counting three million tags again. The counts are of
 * the captions table as it stands: a list read whole from the index builds
 * them (start, add, finish), and the index's own caption writes bring them
 * along (change). Anything else that changes a caption's text drops them, by
 * trigger, and the next list read whole builds them again.
 */
/** tag_counts_state's values: the counts are being built from a list read whole, or are of the captions as they are */
const BUILDING = 0;
const KEPT = 1;

export class KeptTagCounts {
  private readonly stmt;
  /** while a list is read whole: its counts so far */
  private building: Map<string, number> | null = null;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      state: db.prepare<[], number>('SELECT valid FROM tag_counts_state').pluck(),
      setState: db.prepare<[number]>('INSERT INTO tag_counts_state (valid) VALUES (?)'),
      clearState: db.prepare('DELETE FROM tag_counts_state'),
      all: db.prepare<[], [string, number]>('SELECT tag, count FROM tag_counts').raw(true),
      clear: db.prepare('DELETE FROM tag_counts'),
      add: db.prepare<[string, number]>('INSERT INTO tag_counts (tag, count) VALUES (?, ?) ON CONFLICT (tag) DO UPDATE SET count = count + excluded.count'),
      dropEmpty: db.prepare<[string]>('DELETE FROM tag_counts WHERE tag = ? AND count <= 0'),
      captionText: db.prepare<[number], string>('SELECT text FROM captions WHERE image_id = ?').pluck(),
    };
  }

  /** the counts, if they are of the captions as they are */
  read(): [string, number][] | null {
    return this.stmt.state.get() === KEPT ? this.stmt.all.all() : null;
  }

  /** a list is about to be read whole: its pages' counts (add) become the kept ones, unless a caption changes first */
  start(): void {
    this.db.transaction(() => this.mark(BUILDING))();
    this.building = new Map();
  }

  /** a list read whole was left part way, or another begins: what it counted is not kept */
  abandon(): void {
    this.building = null;
  }

  add(counts: readonly [string, number][]): void {
    if (!this.building) return;
    for (const [tag, n] of counts) this.building.set(tag, (this.building.get(tag) ?? 0) + n);
  }

  /** the whole list was read: its counts are kept, if no caption changed meanwhile */
  finish(): void {
    const counts = this.building;
    this.building = null;
    if (!counts) return;
    this.db.transaction(() => {
      if (this.stmt.state.get() !== BUILDING) return;
      this.stmt.clear.run();
      for (const [tag, n] of counts) this.stmt.add.run(tag, n);
      this.mark(KEPT);
    })();
  }

  /**
   * Write captions with the counts brought along: `write` upserts them (its
   * trigger drops the counts), and where they were kept, they are kept again
   * with each caption's old tags taken away and its new ones added. Inside
   * the caller's transaction.
   */
  change(rows: readonly { imageId: number; text: string }[], write: (row: number) => void): void {
    const kept = this.stmt.state.get() === KEPT;
    const gone = new TagTally();
    const come = new TagTally();
    rows.forEach((row, i) => {
      // read one at a time: a row written twice in one call takes its first write as the old text
      if (kept) gone.add(this.stmt.captionText.get(row.imageId) ?? '');
      write(i);
      if (kept) come.add(row.text);
    });
    if (!kept) return;
    for (const [tag, n] of come.entries()) this.stmt.add.run(tag, n);
    for (const [tag, n] of gone.entries()) {
      this.stmt.add.run(tag, -n);
      this.stmt.dropEmpty.run(tag);
    }
    this.mark(KEPT);
  }

  /** the one row of tag_counts_state (see migration 008) */
  private mark(state: typeof BUILDING | typeof KEPT): void {
    this.stmt.clearState.run();
    this.stmt.setState.run(state);
  }
}
