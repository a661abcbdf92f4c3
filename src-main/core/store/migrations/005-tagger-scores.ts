import type { Migration } from './migration';

/**
 * Every score a tagging model gave, kept so that thresholds re-apply without
 * running the model again (scores never go into caption files). A run is one
 * model with one set of settings over some images; its labels are kept with
 * it, so a review needs no model file. An image's scores above the run's
 * floor are packed: per tag its index in `labels` and its score, two
 * little-endian uint16 each (see core/autotag/packed-scores.ts); an image the
 * model could not read has its reason instead. A suggestion the user turned
 * down is not suggested again for that image.
 */
export const migration005: Migration = {
  version: 5,
  name: 'tagger-scores',
  up: `
    CREATE TABLE tagger_runs (
      id          INTEGER PRIMARY KEY,
      model_id    TEXT NOT NULL,     -- a Hugging Face repository id, or the folder the user picked
      labels      TEXT NOT NULL,     -- JSON [[name, category], ...] in the model's output order
      settings    TEXT NOT NULL,     -- JSON: the run's floor, thresholds and options
      started_at  INTEGER NOT NULL,
      finished_at INTEGER            -- NULL: cancelled or killed, resumable
    );
    CREATE TABLE tagger_scores (
      run_id   INTEGER NOT NULL REFERENCES tagger_runs (id) ON DELETE CASCADE,
      image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
      packed   BLOB,                 -- NULL when error is set
      error    TEXT,
      PRIMARY KEY (run_id, image_id)
    ) WITHOUT ROWID;
    CREATE INDEX tagger_scores_image ON tagger_scores (image_id);
    CREATE TABLE tagger_rejected (
      image_id INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
      tag      TEXT NOT NULL,
      PRIMARY KEY (image_id, tag)
    ) WITHOUT ROWID;
  `,
};
