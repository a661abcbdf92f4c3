import type { IndexChannel } from './index-channel';
import {
  captionRowOf,
  imageRowOf,
  type CaptionRow,
  type CopyRecord,
  type ImageRow,
  type ImportRow,
  type InvalidFileRow,
  type NewImageRow,
} from './index-database';

/**
 * Rows per request when many are read or written: one request is a few
 * milliseconds of the index thread's time, so an edit asked for meanwhile
 * waits that long at most, and main turns a page into objects in well under
 * a millisecond per thousand rows.
 */
const CHUNK = 2000;

/**
 * The dataset index as main sees it: every call a request to the index
 * thread (see IndexChannel), answered in the order asked. Many rows go a
 * chunk to a request; each chunk is one transaction there, so a crash
 * between chunks leaves the index partly updated, which the next sync
 * repairs, since the folder is the truth.
 */
export class SessionStore {
  constructor(readonly index: IndexChannel) {}

  settings(keys: readonly string[]): Promise<Record<string, string | null>> {
    return this.index.call('settings', keys);
  }

  setSettings(entries: readonly (readonly [string, string])[]): Promise<void> {
    return this.index.call('setSettings', entries);
  }

  /** every image, in order */
  async images(signal?: AbortSignal): Promise<ImageRow[]> {
    const out: ImageRow[] = [];
    let ord = -Infinity;
    let id = -Infinity;
    for (;;) {
      signal?.throwIfAborted();
      const page = await this.index.call('imagesPage', ord, id, CHUNK);
      for (const r of page) out.push(imageRowOf(r));
      if (page.length < CHUNK) return out;
      ({ ord, id } = out[out.length - 1]!);
    }
  }

  /** every caption row, by image id */
  async captions(signal?: AbortSignal): Promise<CaptionRow[]> {
    const out: CaptionRow[] = [];
    let after = -Infinity;
    for (;;) {
      signal?.throwIfAborted();
      const page = await this.index.call('captionsPage', after, CHUNK);
      for (const r of page) out.push(captionRowOf(r));
      if (page.length < CHUNK) return out;
      after = out[out.length - 1]!.imageId;
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

  setProbes(rows: readonly { id: number; width: number; height: number; format: string }[], signal?: AbortSignal): Promise<void> {
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
