import type { Migration } from './migration';

/**
 * How many captions carry each tag, kept so a reopen need not count the tags
 * of every caption again (see KeptTagCounts). tag_counts_state holds one row
 * while tag_counts is being built (valid 0) or holds the counts of the
 * captions as they are (valid 1). Any change to a caption's text deletes it,
 * whatever made the change; the index's own caption writes put it back with
 * the counts brought along.
 */
export const migration008: Migration = {
  version: 8,
  name: 'kept-tag-counts',
  up: `
    CREATE TABLE tag_counts (
      tag   TEXT PRIMARY KEY,
      count INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE tag_counts_state (valid INTEGER NOT NULL);
    CREATE TRIGGER captions_inserted_counts_stale AFTER INSERT ON captions
      BEGIN DELETE FROM tag_counts_state; END;
    CREATE TRIGGER captions_changed_counts_stale AFTER UPDATE OF text ON captions WHEN old.text IS NOT new.text
      BEGIN DELETE FROM tag_counts_state; END;
    CREATE TRIGGER captions_deleted_counts_stale AFTER DELETE ON captions
      BEGIN DELETE FROM tag_counts_state; END;
  `,
};
