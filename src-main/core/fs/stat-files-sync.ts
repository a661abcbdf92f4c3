import { statSync, type Stats } from 'node:fs';

/**
 * Size and mtime of each path as [size, mtimeMs] pairs, with synchronous
 * stats: for the threads that stat a whole folder (the scan's workers, the
 * index thread), where blocking blocks nobody and 100,000 callbacks would
 * cost more than the stats. Size -1 for a path that is gone, not a file, or
 * cannot be stat-ed at all (a link that loops): never a failed walk.
 */
export function statFilesSync(paths: readonly string[]): Float64Array {
  const out = new Float64Array(paths.length * 2);
  paths.forEach((path, i) => {
    const s = statOrNone(path);
    const file = s?.isFile() ?? false;
    out[i * 2] = file ? s!.size : -1;
    out[i * 2 + 1] = file ? s!.mtimeMs : 0;
  });
  return out;
}

function statOrNone(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
