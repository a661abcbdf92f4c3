import type { ImageSummary } from '../../../src-shared/contract/index';

export type ThumbnailMark = 'tagged' | 'todo' | 'skip' | 'conflict' | 'unknown';

/** a conflict outranks the status: it needs the user whatever the caption says */
export function markOf(row: ImageSummary | undefined): ThumbnailMark {
  if (!row) return 'unknown';
  return row.hasConflict ? 'conflict' : row.status;
}

export const MARK_TEXT: Record<ThumbnailMark, string> = {
  tagged: 'tagged',
  todo: 'not tagged yet',
  skip: 'skipped',
  conflict: 'changed on disk: needs a decision',
  unknown: '',
};

/** The coloured status mark in a thumbnail's corner; always rendered, coloured by data-mark. */
export function StatusMark({ mark }: { mark: ThumbnailMark }) {
  return <span className="thumb-mark" data-mark={mark} aria-hidden="true" />;
}

/** "name — tagged": the tooltip and accessible name of a thumbnail */
export const thumbnailLabel = (row: ImageSummary | undefined) =>
  row ? `${row.name} — ${MARK_TEXT[markOf(row)]}` : '';
