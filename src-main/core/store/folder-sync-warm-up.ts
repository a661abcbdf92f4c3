import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { syncDirectory } from '../fs/atomic-write';
import type { ThreadPool } from '../perf/thread-pool';
import type { ScanProtocol } from '../scan/scan-protocol';
import { FolderSync } from './folder-sync';
import { IndexDatabase } from './index-database';

/** images in the made-up folder, and how many times it is synced: fewer left the first open's code partly cold */
const WARM_UP_IMAGES = 600;
const WARM_UP_ROUNDS = 2;

/** where an app keeps its made-up folder: in its cache, beside the thumbnails */
export const warmUpFolderIn = (cacheDir: string): string => join(cacheDir, 'index-warm-up');

export interface FolderSyncWarmUp {
  /** the images the last round synced: 0 when it was stopped or could not run */
  done: Promise<number>;
  /** a real request came: the warm-up stops at its sync's next check, and the request waits no longer than that */
  stop(): void;
}

/**
 * A first sync of a made-up folder of captioned images, walked, read and
 * paged into a database in memory, as an index thread starts ahead of need:
 * a first open ran FolderSync's walk, reads, writes and pages in code V8 had
 * not compiled yet, and the helper's reads as cold.
 *
 * The folder is made once, in the app's cache, and only read after: made
 * afresh at every start, its files' creation and removal were metadata
 * that the first fsync after (an import's copies) had to wait for. A
 * warm-up that cannot run (a cache that cannot be written) leaves the first
 * open as it was, and says nothing: it was only ever a head start.
 */
export function warmUpFolderSync(helper: () => ThreadPool<ScanProtocol> | null, folder: string): FolderSyncWarmUp {
  const shared = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  const done = (async () => {
    let synced = 0;
    try {
      if (!existsSync(folder)) await makeUpFolder(folder);
      for (let round = 0; round < WARM_UP_ROUNDS && Atomics.load(shared, 0) === 0; round++) synced = await syncAndPage(folder, helper, shared);
      return synced;
    } catch {
      // stopped, or no folder to make: the open that follows runs cold, as it would have
      return 0;
    }
  })();
  return { done, stop: () => Atomics.store(shared, 0, 1) };
}

/**
 * Written beside `folder` and moved into place whole; what an app closed
 * while writing left there is removed first. Made durable at once: its
 * files' creation is then not still pending when the first open's own
 * fsync (an import's copies) commits the file system's journal.
 */
async function makeUpFolder(folder: string): Promise<void> {
  const parent = dirname(folder);
  const prefix = `${basename(folder)}-`;
  mkdirSync(parent, { recursive: true });
  for (const left of readdirSync(parent)) if (left.startsWith(prefix)) rmSync(join(parent, left), { recursive: true, force: true });
  const made = mkdtempSync(join(parent, prefix));
  for (let i = 0; i < WARM_UP_IMAGES; i++) {
    // the first sync lists images by name and opens none of them: an empty file is an image to it
    writeFileSync(join(made, `img_${i}.jpg`), '');
    writeFileSync(join(made, `img_${i}.txt`), `tag ${i % 7}, shared tag, another_tag_${i % 13}, image ${i}`);
  }
  renameSync(made, folder);
  await syncDirectory(parent);
}

async function syncAndPage(dir: string, helper: () => ThreadPool<ScanProtocol> | null, shared: Int32Array): Promise<number> {
  const db = IndexDatabase.inMemory();
  try {
    const sync = new FolderSync(db, helper);
    const { images } = await sync.syncFolder(dir, { recursive: false, reorder: false, shared });
    return sync.syncedPage(0, images).images.count;
  } finally {
    db.close();
  }
}
