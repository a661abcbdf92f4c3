import { forEachSliced, inSlices } from '../perf/time-slicer';
import type { FilterAnswer } from './filter-index';
import type { IndexChannel } from './index-channel';
import { madeUpPage, unpackPage, type FolderSyncSummary, type SyncedImage, type SyncedPage } from './folder-sync';
import type { CaptionRow, CopyRecord, ImportRow, InvalidFileRow, NewImageRow, ProbedRow } from './index-database';

/** a page of a synced list as main takes it: the images, and how many of their captions carry each tag */
export type OnSyncedPage = (images: SyncedImage[], tags: [string, number][]) => void | Promise<void>;

/**
 * Rows per request when many are read or written: one request is a few
 * milliseconds of the index thread's time, so an edit asked for meanwhile
 * waits that long at most, and main turns a page into objects in well under
 * a millisecond per thousand rows.
 */
const CHUNK = 2000;

/** pages of a list asked for at once (see takePages) */
const PAGES_AHEAD = 3;

/** how often a folder sync's caption count is looked at, for the progress bar */
const PROGRESS_EVERY_MS = 100;

/** made-up pages main unpacks before any folder opens (see warmUp), of WARM_UP_ROWS images each */
const WARM_UP_PAGES = 64;
const WARM_UP_ROWS = 256;

/**
 * The dataset index as main sees it: every call a request to the index
 * thread (see IndexChannel), answered in the order asked. Many rows go a
 * chunk to a request; each chunk is one transaction there, so a crash
 * between chunks leaves the index partly updated, which the next sync
 * repairs, since the folder is the truth.
 */
export class SessionStore {
  constructor(readonly index: IndexChannel) {}

  /**
   * Main's side of taking a list (unpacking its pages into rows), run over
   * made-up pages while no folder is open, in slices: V8 compiles a function
   * once it has run hot, and a first open's first few thousand rows were
   * otherwise unpacked by code not yet compiled, many times slower than the
   * rest. The index thread makes its own code warm likewise (see
   * IndexDatabase.warmUp).
   */
  static async warmUp(signal?: AbortSignal): Promise<void> {
    // the slices look at the signal only when they pause, and a fast machine unpacks all the pages in one
    signal?.throwIfAborted();
    const page = madeUpPage(WARM_UP_ROWS);
    await forEachSliced(Array.from({ length: WARM_UP_PAGES }), () => void unpackPage(page), signal);
  }

  settings(keys: readonly string[]): Promise<Record<string, string | null>> {
    return this.index.call('settings', keys);
  }

  setSettings(entries: readonly (readonly [string, string])[]): Promise<void> {
    return this.index.call('setSettings', entries);
  }

  /**
   * Bring the index in line with the folder, on the index thread (see
   * FolderSync), then take its list a page per request: `onPage` gets each
   * page in order (see takePages). While the thread reads captions,
   * their count is polled for `onProgress`; an abort stops the thread at its
   * next check and rejects with the signal's reason.
   */
  async syncFolder(
    datasetDir: string,
    options: { recursive: boolean; reorder: boolean; changesOnly?: boolean; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
    onPage: OnSyncedPage,
  ): Promise<FolderSyncSummary> {
    const { signal, onProgress } = options;
    signal?.throwIfAborted();
    const shared = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
    const cancel = () => Atomics.store(shared, 0, 1);
    signal?.addEventListener('abort', cancel);
    const poll = onProgress && setInterval(() => shared[2]! > 0 && onProgress(shared[1]!, shared[2]!), PROGRESS_EVERY_MS);
    let summary: FolderSyncSummary;
    try {
      summary = await this.index.call('syncFolder', datasetDir, { recursive: options.recursive, reorder: options.reorder, changesOnly: options.changesOnly ?? false, shared });
    } catch (err) {
      signal?.throwIfAborted();
      throw err;
    } finally {
      clearInterval(poll);
      signal?.removeEventListener('abort', cancel);
    }
    if (shared[2]! > 0) onProgress?.(shared[2]!, shared[2]!);
    await this.takePages(summary.images, onPage, signal);
    return summary;
  }

  /** the list as the index has it, without looking at the folder (see FolderSync.indexed), a page at a time like a sync's */
  async indexed(onPage: OnSyncedPage, signal?: AbortSignal): Promise<FolderSyncSummary> {
    const summary = await this.index.call('indexed');
    await this.takePages(summary.images, onPage, signal);
    return summary;
  }

  private async takePages(images: number, onPage: OnSyncedPage, signal?: AbortSignal): Promise<void> {
    // a few pages are asked for ahead of the one taken: the thread reads and packs them while main takes
    // this one, and has the next request waiting when it is done; no more, so that a request from
    // elsewhere (an edit's write) waits behind a few pages at most
    const asked: Promise<SyncedPage>[] = [];
    let next = 0;
    const askAhead = () => {
      while (next < images && asked.length < PAGES_AHEAD) {
        asked.push(this.index.call('syncedPage', next, CHUNK));
        next += CHUNK;
      }
    };
    askAhead();
    const received = async function* () {
      while (asked.length > 0) {
        const page = await asked.shift()!;
        askAhead();
        yield page;
      }
    };
    try {
      // a page is unpacked in one go, so never once the turn's slice is spent: a page that came while
      // main took the one before waits for a turn of its own (pages come several to a turn)
      for await (const page of inSlices(received(), signal)) {
        signal?.throwIfAborted();
        await onPage(unpackPage(page), page.tags);
      }
    } finally {
      // pages left untaken (an abort, a failure) are let go of quietly
      for (const page of asked) page.catch(() => undefined);
    }
  }

  /** the new ids, in input order, as SQLite gives them */
  async insertImages(rows: readonly NewImageRow[], signal?: AbortSignal): Promise<number[]> {
    const ids: number[] = [];
    await inChunks(rows, async (part) => ids.push(...(await this.index.call('insertImages', part))), signal);
    return ids;
  }

  deleteImages(ids: readonly number[], signal?: AbortSignal): Promise<void> {
    return inChunks(ids, (part) => this.index.call('deleteImages', part), signal);
  }

  /** the new place of each image that moved */
  setOrds(rows: readonly { id: number; ord: number }[], signal?: AbortSignal): Promise<void> {
    return inChunks(rows, (part) => this.index.call('setOrds', part), signal);
  }

  setFilesChanged(rows: readonly { id: number; size: number; mtimeMs: number }[], signal?: AbortSignal): Promise<void> {
    return inChunks(rows, (part) => this.index.call('setFilesChanged', part), signal);
  }

  setProbes(rows: readonly ProbedRow[], signal?: AbortSignal): Promise<void> {
    return inChunks(rows, (part) => this.index.call('setProbes', part), signal);
  }

  upsertCaptions(rows: readonly CaptionRow[], signal?: AbortSignal): Promise<void> {
    return inChunks(rows, (part) => this.index.call('upsertCaptions', part), signal);
  }

  setSkip(id: number, skip: boolean): Promise<void> {
    return this.index.call('setSkip', id, skip);
  }

  setFingerprints(rows: readonly { id: number; fingerprint: string }[]): Promise<void> {
    return inChunks(rows, (part) => this.index.call('setFingerprints', part));
  }

  invalidFiles(): Promise<InvalidFileRow[]> {
    return this.index.call('invalidFiles');
  }

  removeInvalidFiles(relPaths: readonly string[]): Promise<void> {
    return this.index.call('removeInvalidFiles', relPaths);
  }

  dropAsInvalid(ids: readonly number[], rows: readonly InvalidFileRow[]): Promise<void> {
    return this.index.call('dropAsInvalid', ids, rows);
  }

  imports(): Promise<ImportRow[]> {
    return this.index.call('imports');
  }

  addImports(rows: readonly ImportRow[]): Promise<void> {
    return inChunks(rows, (part) => this.index.call('addImports', part));
  }

  confirmImport(sourceRel: string): Promise<void> {
    return this.index.call('confirmImport', sourceRel);
  }

  dropPlannedImports(sourceRels: readonly string[]): Promise<void> {
    return inChunks(sourceRels, (part) => this.index.call('dropPlannedImports', part));
  }

  refuseImports(rows: readonly InvalidFileRow[], lookAgain: readonly string[]): Promise<void> {
    return this.index.call('refuseImports', rows, lookAgain);
  }

  recordCopies(rows: readonly CopyRecord[]): Promise<void> {
    return inChunks(rows, (part) => this.index.call('recordCopies', part));
  }

  touchRecentTags(tags: readonly string[], at = Date.now()): Promise<void> {
    return this.index.call('touchRecentTags', tags, at);
  }

  recentTags(limit: number): Promise<string[]> {
    return this.index.call('recentTags', limit);
  }

  /** the images a query matches (see FilterIndex) */
  filterImages(query: string): Promise<FilterAnswer> {
    return this.index.call('filterImages', query);
  }

  /** index up to `count` more images for the filter; true once all are */
  warmFilter(count: number): Promise<boolean> {
    return this.index.call('warmFilter', count);
  }

  close(): Promise<void> {
    return this.index.close();
  }
}

async function inChunks<T>(rows: readonly T[], write: (part: T[]) => Promise<unknown>, signal?: AbortSignal): Promise<void> {
  for (let at = 0; at < rows.length; at += CHUNK) {
    signal?.throwIfAborted();
    await write(rows.slice(at, at + CHUNK));
  }
}
