import type { SkippedFile } from '../../../src-shared/contract';
import { forEachSliced } from '../perf/time-slicer';
import type { SyncedImage } from '../store/folder-sync';
import type { SessionStore } from '../store/session-store';
import { TagCounter } from '../vocabulary/tag-counter';
import { stateFromRow } from './caption-loader';
import { EntryLookup } from './entry-lookup';
import type { ImageEntry } from './image-entry';

export interface SyncResult {
  /** the whole list in order; with `complete` false (a sync of changes only), just the images that changed */
  entries: ImageEntry[];
  complete: boolean;
  /** images whose header has not been checked for their current size and mtime */
  unprobed: ImageEntry[];
  added: number;
  removed: number;
  /** images whose file changed size or mtime */
  changed: number;
  captionsRead: number;
  /** subfolders and caption files that could not be read, with the reason: found again by every sync, never stored */
  unreadable: SkippedFile[];
  /** the tags of `entries`, counted by the index thread (see DatasetIndex.replace) */
  tagCounts: TagCounter;
  /** `entries`' lookup, built as their pages came */
  lookup: EntryLookup;
}

/**
 * Bring the index in session.sqlite in line with the folder, which is the
 * truth: the index thread walks the folder, reads the captions that changed
 * and writes the index (see FolderSync); main only turns its list into
 * entries, in slices. `changesOnly`: main holds the list already, and takes
 * only the images that changed unless images came, went or moved.
 */
export async function syncFolder(
  store: SessionStore,
  datasetDir: string,
  options: { recursive: boolean; reorder?: boolean; changesOnly?: boolean; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<SyncResult> {
  const { signal, onProgress } = options;
  const list = new EntryList(signal);
  const summary = await store.syncFolder(
    datasetDir,
    { recursive: options.recursive, reorder: options.reorder ?? false, changesOnly: options.changesOnly ?? false, ...(signal ? { signal } : {}), ...(onProgress ? { onProgress } : {}) },
    (page, tags) => list.add(page, tags),
  );
  return { ...(await list.result()), ...summary };
}

/**
 * The list as the index had it when the folder was last open, without
 * looking at the folder: a reopen shows it at once, and a sync of changes
 * (see resyncSession) brings it in line after.
 */
export async function indexedList(store: SessionStore, signal?: AbortSignal): Promise<SyncResult> {
  const list = new EntryList(signal);
  const summary = await store.indexed((page, tags) => list.add(page, tags), signal);
  return { ...(await list.result()), ...summary };
}

class EntryList {
  private readonly entries: ImageEntry[] = [];
  private readonly unprobed: ImageEntry[] = [];
  private readonly tagCounts = new TagCounter();
  private readonly lookup = EntryLookup.start();

  constructor(private readonly signal: AbortSignal | undefined) {}

  /**
   * a page's captions are parsed a slice at a time: a whole page at once held
   * the loop past its budget; its images join the lookup meanwhile, while the
   * index thread makes the next page
   */
  add(page: SyncedImage[], tags: [string, number][]): Promise<void> {
    this.tagCounts.addCounts(tags);
    return forEachSliced(
      page,
      ({ row, captionRel, caption, readError }) => {
        // an unreadable caption: the image stays listed, its caption empty and never written over
        const entry: ImageEntry = { row, captionRel, caption: stateFromRow(caption, readError) };
        if (!row.probed) this.unprobed.push(entry);
        this.entries.push(entry);
        this.lookup.add(entry);
      },
      this.signal,
    );
  }

  async result(): Promise<{ entries: ImageEntry[]; unprobed: ImageEntry[]; tagCounts: TagCounter; lookup: EntryLookup }> {
    return { entries: this.entries, unprobed: this.unprobed, tagCounts: this.tagCounts, lookup: await this.lookup.finish(this.signal) };
  }
}
