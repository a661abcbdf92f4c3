import type { JobKind } from '../../src-shared/contract';

const VERBS: Record<JobKind, string> = {
  scan: 'Scanning',
  import: 'Importing',
  thumbnails: 'Making thumbnails',
  batch: 'Applying',
  export: 'Exporting',
  check: 'Checking',
  history: 'Undoing',
  'model-download': 'Downloading',
  autotag: 'Tagging',
  caption: 'Captioning',
};

/** "Scanning 120 / 4000"; the job's own label wins when main sends one, since it knows what it is doing. */
export function progressLabel(kind: JobKind, label: string, done: number, total: number): string {
  const what = label.trim() || VERBS[kind];
  return total > 0 ? `${what} ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}` : `${what}…`;
}

/** 0..100, or null while the total is unknown (the bar then shows as indeterminate) */
export const progressPercent = (done: number, total: number): number | null =>
  total > 0 ? Math.min(100, Math.max(0, (done / total) * 100)) : null;
