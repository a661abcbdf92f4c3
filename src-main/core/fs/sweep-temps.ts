import { lstat, opendir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_NAME_PATTERN } from './temp-name';

/**
 * A write lives for milliseconds, so a temp older than this was left by a
 * process that died mid-write. The margin keeps a sweep from pulling the temp
 * out from under a write that is still running (another instance, `serve`).
 */
export const DEFAULT_TEMP_MAX_AGE_MS = 60_000;

/**
 * Removes the temp files writeFileAtomic left in `dir` (not recursive) when a
 * process was killed mid-write. Only names of our exact shape are touched, and
 * only regular files. `olderThanMs: 0` removes all of ours regardless of age.
 * Returns the names removed.
 */
export async function sweepStaleTemps(
  dir: string,
  options: { olderThanMs?: number; now?: number } = {},
): Promise<string[]> {
  const olderThanMs = options.olderThanMs ?? DEFAULT_TEMP_MAX_AGE_MS;
  const now = options.now ?? Date.now();
  const removed: string[] = [];
  // read a few hundred names at a time: a folder of 100,000 images has 200,000, and reading
  // them in one go held the main thread for 100 ms
  for await (const entry of await opendir(dir, { bufferSize: 512 })) {
    const name = entry.name;
    if (!TEMP_NAME_PATTERN.test(name)) continue;
    const path = join(dir, name);
    try {
      const info = await lstat(path);
      if (!info.isFile()) continue;
      if (olderThanMs > 0 && now - info.mtimeMs < olderThanMs) continue;
      await unlink(path);
      removed.push(name);
    } catch (err) {
      // gone already (its writer finished, or another sweep got there): fine
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return removed;
}
