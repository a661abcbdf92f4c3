import { readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { AppError, describeFsError } from '../app-error';
import { isInsideFolder } from '../fs/inside-folder';
import { claimPartialPath, releasePartialPath, sweepPartials } from './sweep-partials';

/**
 * Where an export is written while it runs, and how it is put in place.
 * Everything goes to `<out>.partial-<pid>-<random>` beside the destination and
 * is renamed onto it at the end, so the destination either holds a whole
 * export or nothing: a cancelled or failed export removes its partial output,
 * and what a killed one left is swept before the next export to that place.
 */
export interface Destination {
  kind: 'folder' | 'zip';
  /** what the user chose */
  finalPath: string;
  /** images and captions as they will be laid out; for a zip, what it is built from */
  stagingDir: string;
  /** the zip while it is written; null for a folder */
  partialZip: string | null;
}

export async function prepareDestination(
  out: { kind: 'folder' | 'zip'; path: string },
  datasetRoots: Iterable<string>,
  importSource: string | null = null,
): Promise<Destination> {
  if (!isAbsolute(out.path)) throw new AppError('invalid-input', `the export path must be absolute: ${out.path}`);
  const finalPath = resolve(out.path);
  if (out.kind === 'zip' && !/\.zip$/i.test(finalPath)) {
    throw new AppError('invalid-input', `a zip export's name must end in .zip: ${finalPath}`);
  }
  // the export's images would be scanned back in as part of the dataset, or imported again as new
  // copies from the import's source (also through a link into either)
  const guarded = [...datasetRoots].map((folder) => ({ folder, what: 'the dataset folder' }));
  if (importSource !== null) guarded.push({ folder: importSource, what: 'the folder the images are imported from' });
  for (const { folder, what } of guarded) {
    const inside = await isInsideFolder(finalPath, folder).catch((err) => {
      throw describeFsError(err, `the export destination ${finalPath}`);
    });
    if (inside) {
      throw new AppError('invalid-input', `choose a place outside ${what} ${folder}: the export would become part of the dataset`);
    }
  }
  const parent = dirname(finalPath);
  try {
    if (!(await stat(parent)).isDirectory()) throw new AppError('not-found', `${parent} is not a folder`);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw describeFsError(err, `the folder to export into (${parent})`);
  }
  await assertFree(finalPath, out.kind);
  await sweepPartials(finalPath);

  const partial = claimPartialPath(finalPath);
  return out.kind === 'folder'
    ? { kind: 'folder', finalPath, stagingDir: partial, partialZip: null }
    : { kind: 'zip', finalPath, stagingDir: `${partial}-files`, partialZip: partial };
}

/** Move the finished export onto the destination, unless something appeared there meanwhile. */
export async function commitDestination(dest: Destination): Promise<void> {
  await assertFree(dest.finalPath, dest.kind);
  try {
    if (dest.kind === 'folder') {
      // an empty folder the user picked: replace it (rename cannot replace a folder on Windows)
      await rmdir(dest.finalPath).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
      await rename(dest.stagingDir, dest.finalPath);
    } else {
      await rename(dest.partialZip!, dest.finalPath);
      await rm(dest.stagingDir, { recursive: true, force: true, maxRetries: 3 });
    }
  } catch (err) {
    throw describeFsError(err, `moving the export to ${dest.finalPath}`);
  }
  releasePartialPath(dest.partialZip ?? dest.stagingDir);
}

/** Remove every partial file; never touches the destination itself. */
export async function discardDestination(dest: Destination): Promise<void> {
  try {
    await rm(dest.stagingDir, { recursive: true, force: true, maxRetries: 3 });
    if (dest.partialZip) await rm(dest.partialZip, { force: true, maxRetries: 3 });
  } finally {
    // what could not be removed now is a leftover for the next sweep
    releasePartialPath(dest.partialZip ?? dest.stagingDir);
  }
}

/** Refuse to mix two datasets: the destination must be new, or an empty folder (an empty file for a zip). */
async function assertFree(path: string, kind: 'folder' | 'zip'): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw describeFsError(err, `the export destination ${path}`);
  }
  if (kind === 'folder') {
    if (!info.isDirectory()) throw new AppError('conflict', `${path} is a file, not a folder: choose a new or empty folder`);
    if ((await readdir(path)).length > 0) {
      throw new AppError('conflict', `${path} is not empty: choose a new or empty folder, so two datasets are never mixed`);
    }
  } else {
    if (info.isDirectory()) throw new AppError('conflict', `${path} is a folder: choose a name for the zip file`);
    if (info.size > 0) throw new AppError('conflict', `${path} already exists: choose another name, or delete it first`);
  }
}

/** The dataset folders the sources come from: each absPath minus its relPath. */
export function datasetRootsOf(sources: Iterable<{ absPath: string; relPath: string }>): Set<string> {
  const roots = new Set<string>();
  for (const s of sources) {
    const rel = join(...s.relPath.split('/'));
    const abs = normalize(s.absPath);
    if (abs.endsWith(sep + rel)) roots.add(abs.slice(0, abs.length - rel.length - 1));
  }
  return roots;
}
