import { existsSync } from 'node:fs';
import { opendir, stat, statfs } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CIVITAI_SESSION_FILE } from '../legacy/civitai-session';
import { SESSION_DIR, SESSION_FILE } from '../store/open-database';

export type Located =
  | { kind: 'ours'; datasetDir: string }
  | { kind: 'civitai'; root: string; datasetDir: string }
  | { kind: 'new' };

const hasOurs = (dir: string) => existsSync(join(dir, SESSION_DIR, SESSION_FILE));
const hasCivitai = (dir: string) => existsSync(join(dir, CIVITAI_SESSION_FILE));

/**
 * Where the session of a folder the user opened lives. Our database sits in
 * the folder being tagged: the folder itself (tag in place, or the user opened
 * an output folder directly) or its import output folder, under the given or
 * any other name. A civitai-tagger output folder is found the same ways.
 */
export async function locateSession(folder: string, outputDir: string): Promise<Located> {
  if (hasOurs(folder)) return { kind: 'ours', datasetDir: folder };
  const preferred = join(folder, outputDir);
  if (hasOurs(preferred)) return { kind: 'ours', datasetDir: preferred };
  const subdirs = await subfolderNames(folder);
  for (const name of subdirs) {
    if (!name.startsWith('.') && hasOurs(join(folder, name))) return { kind: 'ours', datasetDir: join(folder, name) };
  }
  if (hasCivitai(preferred)) return { kind: 'civitai', root: folder, datasetDir: preferred };
  if (hasCivitai(folder)) return { kind: 'civitai', root: dirname(folder), datasetDir: folder };
  for (const name of subdirs) {
    if (hasCivitai(join(folder, name))) return { kind: 'civitai', root: folder, datasetDir: join(folder, name) };
  }
  return { kind: 'new' };
}

/**
 * The folder's subfolders, read a few hundred entries at a time: a large
 * dataset's folder holds twice as many entries as images, too many to make
 * in one turn of the main thread. None without a look where the folder's
 * link count says it has none (see mayHoldSubfolders). An unreadable folder
 * has none.
 */
async function subfolderNames(folder: string): Promise<string[]> {
  const names: string[] = [];
  try {
    if (!(await mayHoldSubfolders(folder))) return names;
    for await (const entry of await opendir(folder, { bufferSize: 512 })) {
      if (entry.isDirectory()) names.push(entry.name);
    }
  } catch {
    // unreadable: the open itself reports it when it scans
  }
  return names;
}

/**
 * File systems whose folders' link count is 2 plus their subfolders (each
 * subfolder's `..` links back): ext2/3/4, xfs, tmpfs and f2fs on Linux. A
 * count of exactly 2 there means no subfolder. Elsewhere the count means
 * something else or nothing (btrfs, overlayfs and many FUSE file systems
 * report 1; macOS counts every entry), so the folder is listed.
 */
const COUNTS_SUBFOLDERS = new Set([0xef53, 0x58465342, 0x01021994, 0xf2f52010]);

/** false only where the folder's link count shows it has no subfolder: a first open of 100,000 images then lists them once, not twice */
export async function mayHoldSubfolders(folder: string): Promise<boolean> {
  const [info, counts] = await Promise.all([stat(folder), linkCountsSubfolders(folder)]);
  return !(counts && info.nlink === 2);
}

/** whether the file system `folder` is on keeps a folder's link count as 2 plus its subfolders (see COUNTS_SUBFOLDERS) */
export async function linkCountsSubfolders(folder: string): Promise<boolean> {
  return process.platform === 'linux' && COUNTS_SUBFOLDERS.has((await statfs(folder)).type);
}

export const databasePath = (datasetDir: string) => join(datasetDir, SESSION_DIR, SESSION_FILE);
