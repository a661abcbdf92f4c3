import type { Migration } from './migration';

/**
 * Which tags a model wrote: per image and tag, the run and its score. A row
 * counts only while the image's caption holds the tag (a tag a person took
 * out is theirs again) and, for a tag an apply wrote, only while that apply's
 * undo step is done: an undone apply's tags are no model's, and a redone
 * one's are again. A step dropped from the redo branch takes its rows with
 * it; a step pruned from the log leaves its rows for good (step_id NULL). A
 * suggestion (an apply in suggest mode) is a row with `suggested` set and no
 * step: it counts once a person accepts it into the caption.
 */
export const migration006: Migration = {
  version: 6,
  name: 'tagger-provenance',
  up: `
    CREATE TABLE tagger_provenance (
      image_id  INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
      tag       TEXT NOT NULL,        -- as the caption holds it
      run_id    INTEGER NOT NULL REFERENCES tagger_runs (id) ON DELETE CASCADE,
      score     REAL NOT NULL,
      category  TEXT NOT NULL,        -- general or character
      step_id   INTEGER,              -- the apply's undo step; NULL: a suggestion, or a step no longer in the log
      suggested INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (image_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX tagger_provenance_tag ON tagger_provenance (tag);
    CREATE INDEX tagger_provenance_step ON tagger_provenance (step_id) WHERE step_id IS NOT NULL;

    -- an undone step that leaves the log (a new edit drops the redo branch) never comes back: neither do its tags;
    -- a done one (pruned) can no longer be undone: its tags stay the model's for good
    CREATE TRIGGER tagger_provenance_step_gone AFTER DELETE ON history_steps BEGIN
      DELETE FROM tagger_provenance WHERE step_id = OLD.id AND OLD.undone = 1;
      UPDATE tagger_provenance SET step_id = NULL WHERE step_id = OLD.id;
    END;

    -- the dataset's suggesting run: set by an apply in suggest mode
    CREATE TABLE tagger_suggesting (
      id       INTEGER PRIMARY KEY CHECK (id = 1),
      run_id   INTEGER NOT NULL REFERENCES tagger_runs (id) ON DELETE CASCADE,
      settings TEXT NOT NULL       -- JSON: the selection settings the suggestions were made with
    );
  `,
};
