import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError, describeFsError } from '../app-error';
import { writeFileAtomic } from '../fs/atomic-write';
import { SuggestIndex } from '../vocabulary/suggest-index';
import { listFileSource, type TagSource } from '../vocabulary/tag-source';
import { countListTags } from './count-list-tags';

export const TAG_LISTS_DIR = 'tag-lists';
/** the Danbooru list is 3.5 MB; a list many times that is not a tag list */
const MAX_LIST_BYTES = 64 * 1024 * 1024;
/** a '/' no file name has: an imported list can never replace the shipped one */
const SHIPPED_SOURCE = 'shipped/danbooru.csv';
/** the shipped list waits this long after a folder opens: the first thumbnails and the scan come first */
const SHIPPED_DELAY_MS = 2000;

export interface ImportedList {
  source: string;
  tags: number;
  skipped: number;
}

/**
 * The app's autocomplete vocabulary, shared by every dataset: the shipped
 * Danbooru list, loaded in the background once a folder is open, and the
 * lists the user imported, kept as copies in the app's own folder
 * (userData/tag-lists) so they outlive the file they came from, and loaded
 * at start. Until a list is loaded, suggestions come from the dataset alone.
 */
export class TagVocabulary {
  readonly index = new SuggestIndex();
  private readonly dir: string;
  /** imported lists by source (their file name in `dir`), in the order they were loaded */
  private readonly imported = new Map<string, number>();
  private shipped: Promise<void> | null = null;
  private shippedTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  readonly ready: Promise<void>;

  constructor(
    userDataDir: string,
    /** where the shipped list is; null: none (a test, or a build without assets) */
    private readonly shippedPath: () => string | null,
  ) {
    this.dir = join(userDataDir, TAG_LISTS_DIR);
    this.ready = this.loadImported();
  }

  private readonly wanted = () => !this.stopped;

  private async loadImported(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (this.stopped) return;
      // a damaged copy must not keep the others (or the app) from loading
      await this.load(join(this.dir, name), name).catch((err) => console.warn(`[tag lists] ${name}: ${(err as Error).message}`));
    }
  }

  /** a list file's bytes, refused when it is not a file or too big to be a tag list */
  private async read(path: string): Promise<Buffer> {
    const info = await stat(path).catch((err) => {
      throw describeFsError(err, `Tag list ${path}`);
    });
    if (!info.isFile()) throw new AppError('invalid-input', `${path} is not a file`);
    if (info.size > MAX_LIST_BYTES) throw new AppError('limit', `${path} is over ${MAX_LIST_BYTES >> 20} MB: not a tag list`);
    return readFile(path).catch((err) => {
      throw describeFsError(err, `Tag list ${path}`);
    });
  }

  /**
   * Indexes a list. Nothing of it is kept but the index: should another list
   * come or go, the index is rebuilt from every list's file, read and parsed
   * again from `path` (the shipped file, or the copy in the app's folder),
   * which costs a moment then and no memory until then. An imported list is
   * listed with as many tags as it gave the index.
   */
  private async addToIndex(list: TagSource, source: string, path: string): Promise<void> {
    const reread = async () => {
      const bytes = await this.read(path).catch(() => null);
      return bytes && listFileSource(bytes, source);
    };
    await this.index.addList(list, source, reread);
    if (source !== SHIPPED_SOURCE) this.imported.set(source, this.index.tagsOf(source));
  }

  /** reads and indexes a list file: the shipped one, or a copy imported before (checked when it was) */
  private async load(path: string, source: string): Promise<void> {
    return this.addToIndex(listFileSource(await this.read(path), source), source, path);
  }

  /** once per app run, a moment after the first folder opens; later calls do nothing */
  loadShippedSoon(): void {
    if (this.shipped || this.shippedTimer || this.stopped) return;
    this.shippedTimer = setTimeout(() => {
      this.shippedTimer = null;
      void this.loadShipped();
    }, SHIPPED_DELAY_MS);
    this.shippedTimer.unref?.();
  }

  /** the shipped list now (tests, or a query that cannot wait); resolves when suggestions use it */
  loadShipped(): Promise<void> {
    if (this.shippedTimer) clearTimeout(this.shippedTimer);
    this.shippedTimer = null;
    this.shipped ??= (async () => {
      const path = this.shippedPath();
      if (path) await this.load(path, SHIPPED_SOURCE);
    })().catch((err) => console.warn(`[tag lists] the shipped list: ${(err as Error).message}`));
    return this.shipped;
  }

  /**
   * Copies a list into the app's folder and loads it. A list with the same
   * file name as one imported before replaces it. A file with no tags at all
   * is refused rather than kept.
   */
  async importFile(path: string): Promise<ImportedList> {
    const source = basename(path);
    const bytes = await this.read(path);
    const list = listFileSource(bytes, source);
    const counted = await countListTags(list, this.wanted);
    if (!counted) throw new AppError('cancelled', 'The app is closing');
    if (counted.tags === 0) throw new AppError('invalid-input', `No tags found in ${source}`);
    // the copy first: a list that would be gone after a restart is not imported, and rebuilds read the copy
    const copy = join(this.dir, source);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(copy, bytes);
    } catch (err) {
      throw describeFsError(err, `Cannot keep a copy of ${source} in ${this.dir}`);
    }
    await this.addToIndex(list, source, copy);
    return { source, tags: counted.tags, skipped: counted.skipped };
  }

  lists(): { source: string; tags: number }[] {
    return [...this.imported].map(([source, tags]) => ({ source, tags }));
  }

  async remove(source: string): Promise<void> {
    // only names this app gave its copies: a source from the renderer never becomes a path of its own choosing
    if (!this.imported.has(source)) throw new AppError('not-found', `No imported tag list named ${source}`);
    await rm(join(this.dir, source), { force: true });
    this.imported.delete(source);
    await this.index.removeList(source);
  }

  stop(): void {
    this.stopped = true;
    this.index.stop();
    if (this.shippedTimer) clearTimeout(this.shippedTimer);
    this.shippedTimer = null;
  }
}
