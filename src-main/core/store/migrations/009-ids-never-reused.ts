import type { Migration } from './migration';

/**
 * Image ids are never given twice. Without AUTOINCREMENT, SQLite gives the
 * highest id again once its image is gone, and everything that keys on ids
 * (main's list, the filter's index, the page's pictures) would take the new
 * file for the old one unless it guarded against it. The table is made
 * anew with the same columns and rows: SQLite cannot add the keyword to a
 * table in place. Foreign keys are off for the step (see
 * Migration.rebuildsTables), so dropping the old table does not delete the
 * captions and runs that point at its ids; the copy keeps every id.
 */
export const migration009: Migration = {
  version: 9,
  name: 'ids-never-reused',
  rebuildsTables: true,
  up: `
    CREATE TABLE images_ids_kept (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      rel_path TEXT NOT NULL UNIQUE,
      ord INTEGER NOT NULL,
      size INTEGER NOT NULL,
      mtime_ms REAL NOT NULL,
      width INTEGER,
      height INTEGER,
      format TEXT,
      probed INTEGER NOT NULL DEFAULT 0,
      fingerprint TEXT,
      skip INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO images_ids_kept (id, rel_path, ord, size, mtime_ms, width, height, format, probed, fingerprint, skip)
      SELECT id, rel_path, ord, size, mtime_ms, width, height, format, probed, fingerprint, skip FROM images;
    DROP TABLE images;
    ALTER TABLE images_ids_kept RENAME TO images;
    CREATE INDEX images_ord ON images (ord);
  `,
};
