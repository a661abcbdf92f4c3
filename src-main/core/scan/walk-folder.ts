import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError } from '../app-error';
import { isImageName } from './image-extensions';

export interface FileEntry {
  /** relative to the walked folder, '/'-separated */
  rel: string;
  size: number;
  mtimeMs: number;
}

export interface FolderListing {
  images: FileEntry[];
  /** every .txt file, keyed by relative path: captions are matched to images from this */
  texts: Map<string, FileEntry>;
}

export interface WalkOptions {
  /** descend into subfolders (kohya's `10_name/` layout) */
  recursive: boolean;
  /** relative folder paths not to enter (the import output folder) */
  exclude?: ReadonlySet<string>;
  signal?: AbortSignal;
  /** false: names only (size and mtime 0), for counting without a stat per file */
  withStats?: boolean;
}

const STAT_CONCURRENCY = 64;

/**
 * One pass over a folder: image files and .txt files with their size and
 * mtime. Hidden folders (ours, `.git`, `.cache`) are skipped. Stats run many at
 * a time because on a cold disk each one is a seek.
 */
export async function walkFolder(root: string, options: WalkOptions): Promise<FolderListing> {
  const wanted: string[] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    options.signal?.throwIfAborted();
    const relDir = pending.pop()!;
    let dir;
    try {
      dir = await opendir(join(root, relDir));
    } catch (err) {
      if (relDir === '') throw describeFsError(err, `Cannot read ${root}`);
      continue; // an unreadable subfolder does not stop the scan
    }
    for await (const entry of dir) {
      if (entry.name.startsWith('.')) continue;
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (options.recursive && !options.exclude?.has(rel)) pending.push(rel);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (isImageName(entry.name) || entry.name.toLowerCase().endsWith('.txt')) wanted.push(rel);
      }
    }
  }

  const images: FileEntry[] = [];
  const texts = new Map<string, FileEntry>();
  if (options.withStats === false) {
    for (const rel of wanted) {
      const entry = { rel, size: 0, mtimeMs: 0 };
      if (rel.toLowerCase().endsWith('.txt')) texts.set(rel, entry);
      else images.push(entry);
    }
    return { images, texts };
  }
  for (let i = 0; i < wanted.length; i += STAT_CONCURRENCY) {
    options.signal?.throwIfAborted();
    const batch = wanted.slice(i, i + STAT_CONCURRENCY);
    const stats = await Promise.all(batch.map((rel) => stat(join(root, rel)).catch(() => null)));
    batch.forEach((rel, j) => {
      const s = stats[j];
      if (!s || !s.isFile()) return;
      const entry = { rel, size: s.size, mtimeMs: s.mtimeMs };
      if (rel.toLowerCase().endsWith('.txt')) texts.set(rel, entry);
      else images.push(entry);
    });
  }
  return { images, texts };
}
