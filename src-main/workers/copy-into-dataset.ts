import { constants, copyFileSync, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { CopyItem, CopyResult } from '../core/scan/scan-protocol';

/**
 * Copies the items in order, synchronously, and stops at the first that
 * fails (its result is the last one returned). In a worker thread
 * synchronous calls block nobody; from the main thread each of the six steps
 * would be a hand-off to libuv's pool and back, and four copies in flight
 * there contended for the folder's lock: an import ran at a fifth of cp's
 * speed.
 */
export function copyIntoDataset(items: readonly CopyItem[]): CopyResult[] {
  const results: CopyResult[] = [];
  for (const item of items) {
    const result = copyOne(item);
    results.push(result);
    if (!result.ok) break;
  }
  return results;
}

function copyOne(item: CopyItem): CopyResult {
  try {
    const kept = item.resumed && existsSync(item.dest);
    if (!kept) {
      // a temp left by a process killed mid-copy would make the exclusive copy fail
      if (item.resumed) rmSync(item.temp, { force: true });
      copyFileSync(item.source, item.temp, constants.COPYFILE_EXCL);
      renameSync(item.temp, item.dest);
    }
    try {
      writeFileSync(item.caption, '', { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // the index must hold what is on disk, or the next open would read everything again
    const image = statSync(item.dest);
    const caption = statSync(item.caption);
    return { ok: true, kept, imageSize: image.size, imageMtimeMs: image.mtimeMs, captionSize: caption.size, captionMtimeMs: caption.mtimeMs };
  } catch (err) {
    try {
      rmSync(item.temp, { force: true });
    } catch {
      // the error below says what went wrong; a temp that cannot be removed is swept by name on the next import
    }
    const e = err as NodeJS.ErrnoException;
    return { ok: false, code: e.code, message: e.message };
  }
}
