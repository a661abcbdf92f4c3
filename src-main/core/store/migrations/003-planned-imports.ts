import type { Migration } from './migration';

/**
 * An import records each copy before it makes it, so a process killed
 * mid-import neither copies an original twice nor forgets one: on the next
 * open, a row still planned is finished under the name it was given.
 */
export const migration003: Migration = {
  version: 3,
  name: 'planned-imports',
  up: `
    ALTER TABLE imports ADD COLUMN copied INTEGER NOT NULL DEFAULT 1;  -- 0: planned, the copy not yet confirmed
  `,
};
