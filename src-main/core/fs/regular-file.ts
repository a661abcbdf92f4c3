import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../app-error';

/**
 * Opening a path found in the user's folder, which may name anything: a
 * folder, a named pipe, a socket, a device, a file we may not read. Only
 * regular files are read. O_NONBLOCK makes opening a named pipe return at
 * once instead of waiting for a writer (for ever, holding a thread of libuv's
 * pool and whatever waits on it); its type then refuses it. On a regular
 * file the flag changes nothing. Windows has neither the flag nor pipes in a
 * folder.
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** what the user is told for a permission error: the same words wherever it is met */
export const PERMISSION_DENIED = 'permission denied';

/** something other than a regular file under a file's name */
class NotAFileError extends Error {
  constructor(
    path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

function kindOf(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'it is a folder, not a file';
  if (stats.isFIFO()) return 'it is a named pipe, not a file';
  if (stats.isSocket()) return 'it is a socket, not a file';
  return 'it is a device, not a file';
}

/** Opens a regular file for reading; anything else throws, and never blocks. */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; stats: Stats }> {
  const handle = await open(path, READ_FLAGS);
  try {
    const stats = await handle.stat();
    const notFile = kindOf(stats);
    if (notFile) throw new NotAFileError(path, notFile);
    return { handle, stats };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** The whole of a regular file; as openRegularFile, anything else throws and never blocks. */
export async function readRegularFile(path: string): Promise<Buffer> {
  const { handle } = await openRegularFile(path);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** openRegularFile, synchronously: for worker threads, where blocking costs nobody */
export function openRegularFileSync(path: string): { fd: number; stats: Stats } {
  const fd = openSync(path, READ_FLAGS);
  try {
    const stats = fstatSync(fd);
    const notFile = kindOf(stats);
    if (notFile) throw new NotAFileError(path, notFile);
    return { fd, stats };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/**
 * The whole of a regular file, read synchronously through one descriptor,
 * and its stats from that descriptor: the size the stat gave is read in one
 * call (readFileSync would stat again first).
 */
export function readRegularFileSync(path: string): { bytes: Buffer; stats: Stats } {
  const { fd, stats } = openRegularFileSync(path);
  try {
    const bytes = Buffer.allocUnsafe(stats.size);
    let got = 0;
    while (got < bytes.length) {
      const n = readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break; // shorter than it was a moment ago: the caller sees fewer bytes
      got += n;
    }
    return { bytes: bytes.subarray(0, got), stats };
  } finally {
    closeSync(fd);
  }
}

/** The first bytes of a regular file, read into `into` (a buffer a thread reuses); and the file's size and mtime. */
export function readHeadSync(path: string, into: Buffer): { head: Buffer; size: number; mtimeMs: number } {
  const { fd, stats } = openRegularFileSync(path);
  try {
    const n = readSync(fd, into, 0, into.length, 0);
    return { head: into.subarray(0, n), size: stats.size, mtimeMs: stats.mtimeMs };
  } finally {
    closeSync(fd);
  }
}

/** Why a file could not be opened or read, as words for a person. */
export function fileProblem(err: unknown): string {
  if (err instanceof NotAFileError) return err.reason;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return PERMISSION_DENIED;
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of its path is a file, not a folder';
    case 'ENXIO':
      return 'it is a socket or a device, not a file';
    case 'ELOOP':
      return 'it is a symbolic link that points to itself';
    case 'ENOENT':
      return 'it is gone';
    case 'EIO':
      return 'the disk reported a read error';
    default: {
      const message = err instanceof Error ? err.message : String(err);
      return message.split('\n')[0] ?? message;
    }
  }
}

/**
 * A file that is there and cannot be read: a caption the app will not take
 * as empty, nor write over. `reason` is fileProblem's sentence.
 */
export class UnreadableFileError extends AppError {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super('io', `Cannot read ${path}: ${reason}. It was left as it is.`, { reason });
  }
}
