import type { Migration } from './migration';

/**
 * Every caption a vision-language model proposed (issue 17), kept so a person
 * reviews it beside the current caption and can see what produced one: the
 * run's model, backends and prompt template, and per image the raw answer,
 * the cleaned-up suggestion (or why it failed) and what the person did with
 * it. A run with no finished_at was cut short and resumes: images it has an
 * answer for are not sent again.
 */
export const migration007: Migration = {
  version: 7,
  name: 'caption-runs',
  up: `
    CREATE TABLE caption_runs (
      id          INTEGER PRIMARY KEY,
      model       TEXT NOT NULL,
      backends    TEXT NOT NULL,     -- JSON [name, ...] as they were named at the time
      prompt      TEXT NOT NULL,     -- the template, before its placeholders were filled
      settings    TEXT NOT NULL,     -- JSON: what a resumed run must match (never an API key)
      started_at  INTEGER NOT NULL,
      finished_at INTEGER            -- NULL: cancelled or killed, resumable
    );
    CREATE TABLE caption_results (
      run_id    INTEGER NOT NULL REFERENCES caption_runs (id) ON DELETE CASCADE,
      image_id  INTEGER NOT NULL REFERENCES images (id) ON DELETE CASCADE,
      status    TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'failed')),
      suggested TEXT,                -- NULL when failed
      raw       TEXT NOT NULL,
      error     TEXT,
      accepted  TEXT,                -- the text written when accepted (the suggestion, or a person's edit of it)
      at        INTEGER NOT NULL,
      PRIMARY KEY (run_id, image_id)
    ) WITHOUT ROWID;
    CREATE INDEX caption_results_image ON caption_results (image_id);
  `,
};
