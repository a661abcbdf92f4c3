import type { Migration } from './migration';

/**
 * Undo and redo, stored as changes rather than snapshots: a step lists only
 * the caption files it touched, each with its exact bytes before and after
 * (NULL: no file). Kept in session.sqlite so history survives a restart.
 */
export const migration002: Migration = {
  version: 2,
  name: 'history',
  up: `
    -- one undoable step: an edit, a batch edit, a conflict settled with "keep mine"
    CREATE TABLE history_steps (
      id INTEGER PRIMARY KEY,             -- step order: a new step always gets a higher id than any kept one
      label TEXT NOT NULL,                -- "Add 2 tags to 37 images", "Edit img_004.png"
      created_at INTEGER NOT NULL,
      undone INTEGER NOT NULL DEFAULT 0,  -- 1: undone, waiting on the redo branch
      bytes INTEGER NOT NULL DEFAULT 0    -- before + after bytes of its files, for the size cap
    );

    CREATE TABLE history_files (
      step_id INTEGER NOT NULL REFERENCES history_steps (id) ON DELETE CASCADE,
      caption_rel TEXT NOT NULL,          -- the caption file, relative to the dataset folder
      before BLOB,                        -- NULL: the file did not exist
      after BLOB,
      PRIMARY KEY (step_id, caption_rel)
    );
  `,
};
