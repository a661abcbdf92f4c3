import { constants } from 'node:fs';
import { access, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { AppError } from '../app-error';
import { tempPathFor } from './temp-name';

/**
 * The file is marked read-only (or, for this user, not writable). The rename
 * of an atomic write would replace it all the same, since that needs only the
 * folder to be writable, so writeFileAtomic refuses, as editors do.
 */
export class ReadOnlyFileError extends AppError {
  constructor(readonly path: string) {
    super('read-only', `${basename(path)} is read-only: its permissions do not allow writing, so it was left as it is. Make it writable to change it.`, {
      path,
    });
  }
}

/**
 * Replaces `path` with `data` so that a reader (or a crash) only ever sees the
 * old content or the new, never a torn mix: write a temp file beside the
 * target, flush it, rename it over, then flush the folder so the rename itself
 * survives a power cut. The temp lives in the same folder because rename is
 * only atomic within one file system.
 *
 * A file that is there and read-only is never replaced: ReadOnlyFileError.
 * Otherwise throws the fs error unchanged (callers map it with
 * describeFsError). On any failure the temp is removed; only a killed process
 * can leave one behind, which sweepStaleTemps clears when a session opens.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const mode = await existingMode(path);
  if (mode !== null && (await isReadOnly(path, mode))) throw new ReadOnlyFileError(path);
  const temp = tempPathFor(path);
  let handle: FileHandle | null = null;
  try {
    // 'wx': never reuse a file that happens to carry the same random name
    handle = await open(temp, 'wx', mode ?? 0o666);
    // open()'s mode is filtered by the umask; keep exactly what the user had
    if (mode !== null) await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(temp, path);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dirname(path));
}

/** Permission bits of the file being replaced, or null when there is none yet. */
async function existingMode(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Read-only by its permission bits (no write bit for anyone: `chmod a-w`, or
 * Windows' read-only attribute), which holds for root as for everyone else,
 * though root could write through it: the user marked it so on purpose. Or
 * not writable by this user (another user's file in a shared folder), which
 * the rename would silently take over; root may write such a file anyway.
 */
async function isReadOnly(path: string, mode: number): Promise<boolean> {
  if ((mode & 0o222) === 0) return true;
  try {
    await access(path, constants.W_OK);
    return false;
  } catch (err) {
    return NOT_WRITABLE.has((err as NodeJS.ErrnoException).code ?? '');
  }
}

// a read-only file system is not the file's doing: the rename fails there with its own error
const NOT_WRITABLE = new Set(['EACCES', 'EPERM']);

// Windows cannot open a folder for fsync (EISDIR/EPERM), some file systems
// refuse fsync on a folder (EINVAL): there the rename is as durable as the OS
// makes it, and the new content is already in place, so this is not a failure.
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'EPERM']);

/** a folder's entries made durable: a file renamed into it, a folder made in it */
export async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    if (!DIR_SYNC_UNSUPPORTED.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
