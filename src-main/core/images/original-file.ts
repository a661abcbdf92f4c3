import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { isInsidePath } from '../fs/inside-folder';
import { fileProblem, openRegularFile } from '../fs/regular-file';
import { IMAGE_TYPE_HEAD_BYTES, imageTypeOf, type ImageType } from './image-type';

/** why an image's file is not read for display: the status a transport answers with, and words for a person */
interface OriginalRefused {
  ok: false;
  status: 403 | 404 | 415;
  reason: string;
}

/**
 * The file behind an image of the dataset, as the app may read it to show
 * it: its real path (symbolic links followed), which must lie inside the
 * dataset's own real folder. The scan lists a link as it lists a file, so a
 * link to another image of the dataset is shown like any image; a link to
 * /etc/passwd or ~/Pictures is not read, whatever its name says.
 */
export async function realOriginal(datasetDir: string, relPath: string): Promise<{ ok: true; path: string } | OriginalRefused> {
  let root: string;
  let real: string;
  try {
    [root, real] = await Promise.all([realpath(datasetDir), realpath(join(datasetDir, relPath))]);
  } catch (err) {
    return refusedRead(err);
  }
  if (!isInsidePath(real, root)) return { ok: false, status: 403, reason: 'it is a link to a file outside the dataset' };
  return { ok: true, path: real };
}

/**
 * realOriginal, for sending the file as it is (a full-size image): it must
 * also be a regular file, and its first bytes must be an image format the
 * app reads. The type comes from those bytes, never from the name.
 */
export async function originalToSend(
  datasetDir: string,
  relPath: string,
): Promise<{ ok: true; path: string; type: ImageType } | OriginalRefused> {
  const found = await realOriginal(datasetDir, relPath);
  if (!found.ok) return found;
  let head: Buffer;
  try {
    const { handle } = await openRegularFile(found.path);
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(IMAGE_TYPE_HEAD_BYTES), 0, IMAGE_TYPE_HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    return refusedRead(err);
  }
  const type = imageTypeOf(head);
  if (!type) return { ok: false, status: 415, reason: 'its content is not an image format the app reads' };
  return { ok: true, path: found.path, type };
}

function refusedRead(err: unknown): OriginalRefused {
  const gone = (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: false, status: gone ? 404 : 415, reason: fileProblem(err) };
}
