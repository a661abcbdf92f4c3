import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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
  const subdirs = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const d of subdirs) {
    if (d.isDirectory() && !d.name.startsWith('.') && hasOurs(join(folder, d.name))) {
      return { kind: 'ours', datasetDir: join(folder, d.name) };
    }
  }
  if (hasCivitai(preferred)) return { kind: 'civitai', root: folder, datasetDir: preferred };
  if (hasCivitai(folder)) return { kind: 'civitai', root: dirname(folder), datasetDir: folder };
  for (const d of subdirs) {
    if (d.isDirectory() && hasCivitai(join(folder, d.name))) {
      return { kind: 'civitai', root: folder, datasetDir: join(folder, d.name) };
    }
  }
  return { kind: 'new' };
}

export const databasePath = (datasetDir: string) => join(datasetDir, SESSION_DIR, SESSION_FILE);
export const folderName = (path: string) => basename(path) || path;
