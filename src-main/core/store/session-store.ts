import type Database from 'better-sqlite3';
import type { CaptionEncoding } from '../../../src-shared/contract';
import { timeSlicer } from '../perf/time-slicer';
import { WalCheckpointer } from '../perf/wal-checkpointer';
import { scanPool } from '../scan/probe-images';
import { CONFIRM_IMPORT_SQL, INSERT_IMAGE_SQL, UPSERT_CAPTION_SQL, captionParams, imageParams, writeBatch, type CopyRecord, type NewImageRow, type RowBatch } from './bulk-rows';

export interface ImageRow {
  id: number;
  relPath: string;
  ord: number;
  size: number;
  mtimeMs: number;
  width: number | null;
  height: number | null;
  format: string | null;
  probed: boolean;
  fingerprint: string | null;
  skip: boolean;
}

export interface CaptionRow {
  imageId: number;
  onDisk: boolean;
  fingerprint: string;
  size: number;
  mtimeMs: number;
  encoding: CaptionEncoding;
  bom: boolean;
  lineEnding: 'none' | 'lf' | 'crlf';
  text: string;
}

export interface InvalidFileRow {
  relPath: string;
  size: number;
  mtimeMs: number;
  reason: string;
}

export interface ImportRow {
  sourceRel: string;
  size: number;
  mtimeMs: number;
  imageRel: string;
  /** false: planned by an import, the copy not yet confirmed (see migration 003) */
  copied: boolean;
}

/** rows per read when a table is read a page at a time */
const PAGE = 2000;
/** rows per transaction of a worker's bulk write: a few milliseconds of its time, a millisecond or two of main's to hand over */
const BULK_ROWS = 2000;

export type WriteElsewhere = (dbPath: string, batch: RowBatch) => Promise<unknown>;

/**
 * Typed access to session.sqlite. Prepared once; every multi-row change is one
 * transaction, except the `…Sliced` and `…Paged` forms, which open and resync
 * use for 100,000 rows: they work in transactions of about 10 ms and let the
 * event loop run between them (better-sqlite3 is synchronous), and the two
 * biggest, new images and their captions, are written by a worker (see
 * writeBulk). Each slice is whole; a crash between slices leaves the index
 * partly updated, which the next sync repairs, since the folder is the truth.
 */
export class SessionStore {
  private readonly stmt;
  private readonly checkpointer: WalCheckpointer;

  constructor(
    readonly db: Database.Database,
    /** how a batch of rows is written elsewhere (see writeBulk); by default a scan worker, except for an in-memory database, which is this connection's alone */
    private bulkWriter: WriteElsewhere | null = db.memory || !db.name ? null : (path, batch) => scanPool().run({ writeRows: path, batch }),
  ) {
    this.checkpointer = new WalCheckpointer(db, (path, mode, hold) => scanPool().run({ checkpoint: path, mode, hold }));
    this.checkpointer.start();
    this.stmt = {
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      setSetting: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      images: db.prepare(`SELECT ${IMAGE_COLUMNS} FROM images ORDER BY ord`).raw(true),
      // rows as arrays: at 100,000 rows, one object per row fewer for the collector
      imagesPage: db
        .prepare(`SELECT ${IMAGE_COLUMNS} FROM images WHERE ord > ? OR (ord = ? AND id > ?) ORDER BY ord, id LIMIT ?`)
        .raw(true),
      captionsPage: db.prepare(`SELECT ${CAPTION_COLUMNS} FROM captions WHERE image_id > ? ORDER BY image_id LIMIT ?`).raw(true),
      insertImage: db.prepare(INSERT_IMAGE_SQL),
      maxImageId: db.prepare('SELECT coalesce(max(id), 0) FROM images').pluck(),
      deleteImage: db.prepare('DELETE FROM images WHERE id = ?'),
      setOrd: db.prepare('UPDATE images SET ord = ? WHERE id = ?'),
      setFile: db.prepare('UPDATE images SET size = ?, mtime_ms = ?, probed = 0, fingerprint = NULL WHERE id = ?'),
      setProbe: db.prepare('UPDATE images SET width = ?, height = ?, format = ?, probed = 1 WHERE id = ?'),
      setSkip: db.prepare('UPDATE images SET skip = ? WHERE id = ?'),
      setFingerprint: db.prepare('UPDATE images SET fingerprint = ? WHERE id = ?'),
      captions: db.prepare(`SELECT ${CAPTION_COLUMNS} FROM captions`).raw(true),
      upsertCaption: db.prepare(UPSERT_CAPTION_SQL),
      invalid: db.prepare('SELECT rel_path AS relPath, size, mtime_ms AS mtimeMs, reason FROM invalid_files ORDER BY rel_path'),
      clearInvalid: db.prepare('DELETE FROM invalid_files'),
      removeInvalid: db.prepare('DELETE FROM invalid_files WHERE rel_path = ?'),
      insertInvalid: db.prepare('INSERT OR REPLACE INTO invalid_files (rel_path, size, mtime_ms, reason) VALUES (?, ?, ?, ?)'),
      imports: db.prepare('SELECT source_rel AS sourceRel, size, mtime_ms AS mtimeMs, image_rel AS imageRel, copied FROM imports'),
      insertImport: db.prepare('INSERT OR REPLACE INTO imports (source_rel, size, mtime_ms, image_rel, copied) VALUES (?, ?, ?, ?, ?)'),
      confirmImport: db.prepare(CONFIRM_IMPORT_SQL),
      dropImport: db.prepare('DELETE FROM imports WHERE source_rel = ? AND copied = 0'),
      touchRecent: db.prepare('INSERT INTO recent_tags (tag, used_at) VALUES (?, ?) ON CONFLICT (tag) DO UPDATE SET used_at = excluded.used_at'),
      recent: db.prepare<[number], { tag: string }>('SELECT tag FROM recent_tags ORDER BY used_at DESC, rowid DESC LIMIT ?'),
    };
  }

  getSetting(key: string): string | null {
    return this.stmt.getSetting.get(key)?.value ?? null;
  }

  setSetting(key: string, value: string): void {
    this.stmt.setSetting.run(key, value);
  }

  images(): ImageRow[] {
    return (this.stmt.images.all() as unknown[][]).map(imageRowOf);
  }

  /** images(), a page at a time */
  async imagesPaged(signal?: AbortSignal): Promise<ImageRow[]> {
    const out: ImageRow[] = [];
    const slicer = timeSlicer(signal);
    let ord = -Infinity;
    let id = -Infinity;
    for (;;) {
      const page = this.stmt.imagesPage.all(ord, ord, id, PAGE) as unknown[][];
      for (const r of page) out.push(imageRowOf(r));
      if (page.length < PAGE) return out;
      ({ ord, id } = out[out.length - 1]!);
      if (slicer.due()) await slicer.pause();
    }
  }

  /** captions(), a page at a time */
  async captionsPaged(signal?: AbortSignal): Promise<CaptionRow[]> {
    const out: CaptionRow[] = [];
    const slicer = timeSlicer(signal);
    let after = -Infinity;
    for (;;) {
      const page = this.stmt.captionsPage.all(after, PAGE) as unknown[][];
      for (const r of page) out.push(captionRowOf(r));
      if (page.length < PAGE) return out;
      after = out[out.length - 1]!.imageId;
      if (slicer.due()) await slicer.pause();
    }
  }

  /** insertImages in bulk (see writeBulk); the new ids in input order */
  async insertImagesSliced(rows: readonly NewImageRow[], signal?: AbortSignal): Promise<number[]> {
    // the ids SQLite would give them one by one, given here so a worker can write them
    const first = Number(this.stmt.maxImageId.get()) + 1;
    await this.writeBulk('images', rows, (r, i) => imageParams(r, first + i), (p) => this.stmt.insertImage.run(p), signal);
    return rows.map((_, i) => first + i);
  }

  async deleteImagesSliced(ids: readonly number[], signal?: AbortSignal): Promise<void> {
    await this.writeSliced(ids, (id) => this.stmt.deleteImage.run(id), signal);
  }

  /** the new place of each image that moved */
  async setOrdsSliced(rows: readonly { id: number; ord: number }[], signal?: AbortSignal): Promise<void> {
    await this.writeSliced(rows, (r) => this.stmt.setOrd.run(r.ord, r.id), signal);
  }

  async setFilesChangedSliced(rows: readonly { id: number; size: number; mtimeMs: number }[], signal?: AbortSignal): Promise<void> {
    await this.writeSliced(rows, (r) => this.stmt.setFile.run(r.size, r.mtimeMs, r.id), signal);
  }

  /** upsertCaptions in bulk (see writeBulk) */
  async upsertCaptionsSliced(rows: readonly CaptionRow[], signal?: AbortSignal): Promise<void> {
    await this.writeBulk('captions', rows, captionParams, (p) => this.stmt.upsertCaption.run(p), signal);
  }

  /**
   * The rows of a batch written by a worker's connection, BULK_ROWS to a
   * transaction, in order; the main thread only hands them over. A first
   * open writes 100,000 images and as many captions, and on the main
   * connection a slice's commit could wait in the kernel (a WAL page read
   * back before it is rewritten: pwrite, ext4_block_write_begin,
   * wait_on_buffer) and hold the event loop 50–120 ms. Should a worker's
   * write fail, the main connection writes the rest itself, in slices, and
   * any error is its own. A folder's syncs run one at a time (see
   * watchSession), and imports only before them, so the ids given before the
   * writes are still free when a worker writes them.
   */
  private async writeBulk<B extends RowBatch, T>(
    table: B['table'],
    rows: readonly T[],
    paramsOf: (row: T, index: number) => B['rows'][number],
    writeHere: (params: B['rows'][number]) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    let done = 0;
    // fewer rows are a slice or two on the main connection, cheaper than a thread's round trip
    const elsewhere = rows.length >= BULK_ROWS;
    while (elsewhere && done < rows.length) {
      signal?.throwIfAborted();
      const part = rows.slice(done, done + BULK_ROWS).map((r, i) => paramsOf(r, done + i));
      if (!(await this.writtenElsewhere({ table, rows: part } as RowBatch))) break;
      done += part.length;
    }
    const rest = done === 0 ? rows : rows.slice(done);
    await this.writeSliced(rest, (r, i) => writeHere(paramsOf(r, done + i)), signal);
  }

  /**
   * What an import copied, recorded by a worker's connection whatever the
   * batch's size: while the copy threads write gigabytes, the kernel can hold
   * any write for a while, and on the main connection one batch's commit held
   * the event loop for 200–723 ms (1 import in 3–4 at 10,000 images). As for
   * writeBulk, the main connection records it should no worker manage.
   */
  async recordCopies(rows: CopyRecord[]): Promise<void> {
    if (rows.length > 0 && !(await this.writtenElsewhere({ table: 'copies', rows }))) writeBatch(this.db, { table: 'copies', rows });
  }

  /** false when no worker wrote the batch: there is none, or it failed (and then none is asked again) */
  private async writtenElsewhere(batch: RowBatch): Promise<boolean> {
    if (!this.bulkWriter) return false;
    try {
      await this.bulkWriter(this.db.name, batch);
      return true;
    } catch (err) {
      console.warn(`[session] a worker could not write ${batch.table} rows; the main thread writes them: ${(err as Error).message}`);
      this.bulkWriter = null;
      return false;
    }
  }

  /** `write` for every item, in transactions of one time slice each, pausing between them */
  private async writeSliced<T>(items: readonly T[], write: (item: T, index: number) => void, signal?: AbortSignal): Promise<void> {
    const slicer = timeSlicer(signal);
    let i = 0;
    while (i < items.length) {
      this.db.transaction(() => {
        do write(items[i]!, i++);
        while (i < items.length && !slicer.due());
      })();
      if (i < items.length) await slicer.pause();
    }
  }

  deleteImages(ids: readonly number[]): void {
    this.db.transaction(() => ids.forEach((id) => this.stmt.deleteImage.run(id)))();
  }

  setOrder(idsInOrder: readonly number[]): void {
    this.db.transaction(() => idsInOrder.forEach((id, ord) => this.stmt.setOrd.run(ord, id)))();
  }

  setFileChanged(id: number, size: number, mtimeMs: number): void {
    this.stmt.setFile.run(size, mtimeMs, id);
  }

  async setProbesSliced(rows: readonly { id: number; width: number; height: number; format: string }[], signal?: AbortSignal): Promise<void> {
    await this.writeSliced(rows, (r) => this.stmt.setProbe.run(r.width, r.height, r.format, r.id), signal);
  }

  setSkip(id: number, skip: boolean): void {
    this.stmt.setSkip.run(skip ? 1 : 0, id);
  }

  setFingerprint(id: number, fingerprint: string): void {
    this.stmt.setFingerprint.run(fingerprint, id);
  }

  /** many at once, one transaction: the thumbnail job learns thousands of fingerprints a minute */
  setFingerprints(rows: readonly { id: number; fingerprint: string }[]): void {
    this.db.transaction(() => rows.forEach((r) => this.stmt.setFingerprint.run(r.fingerprint, r.id)))();
  }

  captions(): CaptionRow[] {
    return (this.stmt.captions.all() as unknown[][]).map(captionRowOf);
  }

  upsertCaptions(rows: readonly CaptionRow[]): void {
    this.db.transaction(() => rows.forEach((r) => this.stmt.upsertCaption.run(captionParams(r))))();
  }

  invalidFiles(): InvalidFileRow[] {
    return this.stmt.invalid.all() as InvalidFileRow[];
  }

  removeInvalidFile(relPath: string): void {
    this.stmt.removeInvalid.run(relPath);
  }

  addInvalidFile(r: InvalidFileRow): void {
    this.stmt.insertInvalid.run(r.relPath, r.size, r.mtimeMs, r.reason);
  }

  replaceInvalidFiles(rows: readonly InvalidFileRow[]): void {
    this.db.transaction(() => {
      this.stmt.clearInvalid.run();
      rows.forEach((r) => this.stmt.insertInvalid.run(r.relPath, r.size, r.mtimeMs, r.reason));
    })();
  }

  imports(): ImportRow[] {
    return (this.stmt.imports.all() as (Omit<ImportRow, 'copied'> & { copied: number })[]).map((r) => ({ ...r, copied: r.copied === 1 }));
  }

  addImports(rows: readonly ImportRow[]): void {
    this.db.transaction(() =>
      rows.forEach((r) => this.stmt.insertImport.run(r.sourceRel, r.size, r.mtimeMs, r.imageRel, r.copied ? 1 : 0)),
    )();
  }

  /** the copy of a planned import is in the dataset */
  confirmImport(sourceRel: string): void {
    this.stmt.confirmImport.run(sourceRel);
  }

  /** forget planned imports whose copy was never made (confirmed ones are kept) */
  dropPlannedImports(sourceRels: readonly string[]): void {
    this.db.transaction(() => sourceRels.forEach((rel) => this.stmt.dropImport.run(rel)))();
  }

  touchRecentTags(tags: readonly string[], at = Date.now()): void {
    this.db.transaction(() => tags.forEach((t, i) => this.stmt.touchRecent.run(t, at + i)))();
  }

  recentTags(limit: number): string[] {
    return this.stmt.recent.all(limit).map((r) => r.tag);
  }

  /**
   * Close with the file work off the main thread: the WAL copied back and
   * emptied by a worker, whose connection stays open until this one has
   * closed and so does SQLite's closing work there (see WalCheckpointer.settle).
   */
  async closeOffThread(): Promise<void> {
    const release = await this.checkpointer.settle();
    try {
      this.close();
    } finally {
      await release();
    }
  }

  close(): void {
    this.checkpointer.stop();
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }
}

const IMAGE_COLUMNS = 'id, rel_path, ord, size, mtime_ms, width, height, format, probed, fingerprint, skip';
const imageRowOf = (r: unknown[]): ImageRow => ({
  id: r[0] as number,
  relPath: r[1] as string,
  ord: r[2] as number,
  size: r[3] as number,
  mtimeMs: r[4] as number,
  width: r[5] as number | null,
  height: r[6] as number | null,
  format: r[7] as string | null,
  probed: r[8] === 1,
  fingerprint: r[9] as string | null,
  skip: r[10] === 1,
});

const CAPTION_COLUMNS = 'image_id, on_disk, fingerprint, size, mtime_ms, encoding, bom, line_ending, text';
const captionRowOf = (r: unknown[]): CaptionRow => ({
  imageId: r[0] as number,
  onDisk: r[1] === 1,
  fingerprint: r[2] as string,
  size: r[3] as number,
  mtimeMs: r[4] as number,
  encoding: r[5] as CaptionEncoding,
  bom: r[6] === 1,
  lineEnding: r[7] as CaptionRow['lineEnding'],
  text: r[8] as string,
});
