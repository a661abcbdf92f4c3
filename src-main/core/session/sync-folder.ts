import type { SkippedFile } from '../../../src-shared/contract';
import { forEachSliced } from '../perf/time-slicer';
import type { SessionStore } from '../store/session-store';
import { stateFromRow } from './caption-loader';
import type { ImageEntry } from './image-entry';

export interface SyncResult {
  entries: ImageEntry[];
  /** images whose header has not been checked for their current size and mtime */
  unprobed: ImageEntry[];
  added: number;
  removed: number;
  captionsRead: number;
  /** subfolders and caption files that could not be read, with the reason: found again by every sync, never stored */
  unreadable: SkippedFile[];
}

/**
 * Bring the index in session.sqlite in line with the folder, which is the
 * truth: the index thread walks the folder, reads the captions that changed
 * and writes the index (see FolderSync); main only turns its list into
 * entries, in slices.
 */
export async function syncFolder(
  store: SessionStore,
  datasetDir: string,
  options: { recursive: boolean; reorder?: boolean; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<SyncResult> {
  const entries: ImageEntry[] = [];
  const unprobed: ImageEntry[] = [];
  const summary = await store.syncFolder(
    datasetDir,
    { recursive: options.recursive, reorder: options.reorder ?? false, ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    // a page's captions are parsed a slice at a time: a whole page at once held the loop past its budget
    (page) =>
      forEachSliced(
        page,
        ({ row, captionRel, caption, readError }) => {
          // an unreadable caption: the image stays listed, its caption empty and never written over
          const state = stateFromRow(caption);
          const entry: ImageEntry = { row, captionRel, caption: readError === undefined ? state : { ...state, readError } };
          if (!row.probed) unprobed.push(entry);
          entries.push(entry);
        },
        options.signal,
      ),
  );
  return { entries, unprobed, added: summary.added, removed: summary.removed, captionsRead: summary.captionsRead, unreadable: summary.unreadable };
}
