import Database from 'better-sqlite3';
import type { CaptionRow, ImageRow } from './session-store';

/**
 * The writes a first open and an import make by the thousand, defined once
 * for the main connection's statements and for a worker's bulk writes (see
 * SessionStore.writeBulk and recordCopies). An image's `id` may be null:
 * SQLite then gives it the next one, as for any INTEGER PRIMARY KEY.
 */
export const INSERT_IMAGE_SQL =
  'INSERT INTO images (id, rel_path, ord, size, mtime_ms, width, height, format, probed) VALUES (@id, @relPath, @ord, @size, @mtimeMs, @width, @height, @format, @probed)';

export const UPSERT_CAPTION_SQL = `INSERT INTO captions (image_id, on_disk, fingerprint, size, mtime_ms, encoding, bom, line_ending, text)
  VALUES (@imageId, @onDisk, @fingerprint, @size, @mtimeMs, @encoding, @bom, @lineEnding, @text)
  ON CONFLICT (image_id) DO UPDATE SET on_disk = excluded.on_disk, fingerprint = excluded.fingerprint,
    size = excluded.size, mtime_ms = excluded.mtime_ms, encoding = excluded.encoding, bom = excluded.bom,
    line_ending = excluded.line_ending, text = excluded.text`;

export const CONFIRM_IMPORT_SQL = 'UPDATE imports SET copied = 1 WHERE source_rel = ?';

export type NewImageRow = Omit<ImageRow, 'id' | 'fingerprint' | 'skip'>;

/** SQLite has no booleans: the statements' parameters */
export const imageParams = (r: NewImageRow, id: number | null) => ({
  id,
  relPath: r.relPath,
  ord: r.ord,
  size: r.size,
  mtimeMs: r.mtimeMs,
  width: r.width,
  height: r.height,
  format: r.format,
  probed: r.probed ? 1 : 0,
});

export const captionParams = (r: CaptionRow) => ({ ...r, onDisk: r.onDisk ? 1 : 0, bom: r.bom ? 1 : 0 });

type ImageParams = ReturnType<typeof imageParams>;
type CaptionParams = ReturnType<typeof captionParams>;

/** one image an import copied: its planned import confirmed, and the image and its caption row added */
export interface CopyRecord {
  sourceRel: string;
  /**
   * null for a resumed copy found made already: the sync after the import
   * indexes it. The caption's imageId is replaced by the id the image gets.
   */
  added: { image: ImageParams; caption: CaptionParams } | null;
}

export type RowBatch =
  | { table: 'images'; rows: ImageParams[] }
  | { table: 'captions'; rows: CaptionParams[] }
  | { table: 'copies'; rows: CopyRecord[] };

/**
 * Writes one batch in one transaction, on a connection of its own opened for
 * it and closed again (a worker's: it must not hold the file after the
 * session closes). Foreign keys on, as on the main connection; a writer that
 * finds the database locked waits for it, off the main thread.
 */
export function writeBatchHere(path: string, batch: RowBatch): null {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    writeBatch(db, batch);
  } finally {
    db.close();
  }
  return null;
}

/** A batch in one transaction on `db`: a worker's connection, or the main one when no worker could. */
export function writeBatch(db: Database.Database, batch: RowBatch): void {
  if (batch.table === 'copies') {
    const confirm = db.prepare(CONFIRM_IMPORT_SQL);
    const insert = db.prepare(INSERT_IMAGE_SQL);
    const upsert = db.prepare(UPSERT_CAPTION_SQL);
    db.transaction(() => {
      for (const { sourceRel, added } of batch.rows) {
        confirm.run(sourceRel);
        if (added) upsert.run({ ...added.caption, imageId: Number(insert.run(added.image).lastInsertRowid) });
      }
    })();
    return;
  }
  const statement = db.prepare(batch.table === 'images' ? INSERT_IMAGE_SQL : UPSERT_CAPTION_SQL);
  db.transaction(() => {
    for (const row of batch.rows) statement.run(row);
  })();
}
