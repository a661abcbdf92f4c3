import type { Migration } from './migration';

/**
 * A batch edit records each file's change before it writes the file, so a
 * batch cut short by a crash is still wholly undoable. Until the batch knows
 * the write happened, the record is pending; should the process die first,
 * the next open asks the disk which pending files were written, keeps those,
 * drops the rest, and counts the step's images again from its stem.
 */
export const migration004: Migration = {
  version: 4,
  name: 'write-ahead-history',
  up: `
    ALTER TABLE history_files ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;  -- 1: recorded before its write, not yet known written
    ALTER TABLE history_steps ADD COLUMN label_stem TEXT;                    -- a batch's label up to its count ("Add “x” to "); NULL: a label without one

    -- the next open looks for pending files: a few rows among hundreds of thousands
    CREATE INDEX history_files_pending ON history_files (step_id) WHERE pending = 1;
  `,
};
