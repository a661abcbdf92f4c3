import { lstat, opendir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { inSlices } from '../perf/time-slicer';
import { TEMP_NAME_PATTERN } from './temp-name';

/**
 * A write lives for milliseconds, so a temp older than this was left by a
 * process that died mid-write. The margin keeps a sweep from pulling the temp
 * out from under a write that is still running (this app's own, another
 * instance's, `serve`'s).
 */
export const DEFAULT_TEMP_MAX_AGE_MS = 60_000;

export interface SweepOptions {
  /** 0 removes all of ours regardless of age */
  olderThanMs?: number;
  now?: number;
  /** stops between files (the folder was closed) */
  signal?: AbortSignal;
}

/**
 * Removes the temp files writeFileAtomic left in `dir` (not recursive) when a
 * process was killed mid-write. Only names of our exact shape are touched, and
 * only regular files. Returns the names removed. Reads a few hundred names at
 * a time and lets the event loop run between slices: a folder of 100,000
 * images has 200,000 names, too many to read in one turn.
 */
export async function sweepStaleTemps(dir: string, options: SweepOptions = {}): Promise<string[]> {
  const olderThanMs = options.olderThanMs ?? DEFAULT_TEMP_MAX_AGE_MS;
  const now = options.now ?? Date.now();
  const removed: string[] = [];
  for await (const entry of inSlices(await opendir(dir, { bufferSize: 512 }), options.signal)) {
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

/**
 * sweepStaleTemps over every folder of a dataset (`relDirs`, relative to
 * `root`; '' is the root), one after another: a folder that cannot be read
 * (removed meanwhile, no permission) is passed over. Returns the relative
 * paths removed.
 */
export async function sweepStaleTempsIn(root: string, relDirs: Iterable<string>, options: SweepOptions = {}): Promise<string[]> {
  const removed: string[] = [];
  const now = options.now ?? Date.now();
  for (const rel of relDirs) {
    options.signal?.throwIfAborted();
    const names = await sweepStaleTemps(join(root, rel), { ...options, now }).catch((err: unknown) => {
      if (options.signal?.aborted) throw err;
      return [];
    });
    for (const name of names) removed.push(rel === '' ? name : `${rel}/${name}`);
  }
  return removed;
}
