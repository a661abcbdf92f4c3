import { constants, copyFileSync, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/** one image to bring into the dataset under its new name, with an empty caption beside it */
export interface CopyItem {
  source: string;
  /** the new name's temporary twin: the copy is written there and renamed, so a crash never leaves half an image under a real name */
  temp: string;
  dest: string;
  caption: string;
  /** planned by an import that was cut short: the copy may be there already, and is then kept, not made again */
  resumed: boolean;
}

/**
 * What is on disk afterwards, for the index. `kept`: a resumed copy was found
 * made already and left as it was. A caption of size > 0 was there before and
 * was left alone.
 */
export type CopyResult =
  | { ok: true; kept: boolean; imageSize: number; imageMtimeMs: number; captionSize: number; captionMtimeMs: number }
  | { ok: false; code: string | undefined; message: string };

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
