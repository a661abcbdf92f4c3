import type { Migration } from './migration';

/** The first schema: images in dataset order, captions as last read or written, settings. */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE images (
      id INTEGER PRIMARY KEY,
      rel_path TEXT NOT NULL UNIQUE,      -- relative to the dataset folder, '/'-separated
      ord INTEGER NOT NULL,               -- natural order
      size INTEGER NOT NULL,
      mtime_ms REAL NOT NULL,
      width INTEGER,
      height INTEGER,
      format TEXT,
      probed INTEGER NOT NULL DEFAULT 0,  -- header read by sharp for this size and mtime
      fingerprint TEXT,                   -- content fingerprint: the thumbnail cache key
      skip INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX images_ord ON images (ord);

    -- each image's caption file as last read or written: the conflict check compares against it
    CREATE TABLE captions (
      image_id INTEGER PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
      on_disk INTEGER NOT NULL,
      fingerprint TEXT NOT NULL,
      size INTEGER NOT NULL,
      mtime_ms REAL NOT NULL,
      encoding TEXT NOT NULL,
      bom INTEGER NOT NULL,
      line_ending TEXT NOT NULL,
      text TEXT NOT NULL
    );

    -- files with an image extension that are not readable images, and why
    CREATE TABLE invalid_files (rel_path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, reason TEXT NOT NULL);

    -- what an import copied, so that no image is imported twice
    CREATE TABLE imports (source_rel TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, image_rel TEXT NOT NULL);

    CREATE TABLE recent_tags (tag TEXT PRIMARY KEY, used_at INTEGER NOT NULL);
  `,
};
