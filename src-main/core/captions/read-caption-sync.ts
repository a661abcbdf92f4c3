import { fileProblem, readRegularFileSync } from '../fs/regular-file';
import { decodeCaption } from './caption-codec';
import { absentSnapshot, presentSnapshot, type CaptionSnapshot } from './caption-file';

/** not ok: the file is there and cannot be read (fileProblem's reason); a missing file is an absent caption */
export type CaptionReadResult = { ok: true; snapshot: CaptionSnapshot } | { ok: false; reason: string };

/**
 * readCaptionFile's synchronous twin, for the thread that reads a folder's
 * captions in bulk (the index thread): there a blocking read blocks nobody
 * and skips the libuv pool's hand-offs, which at 100,000 files cost more than
 * the reading. Stat and read through one descriptor, as readCaptionFile does,
 * so both describe the same file; like it, only a regular file is read, and a
 * named pipe is never waited on. A missing file is an absent caption.
 */
export function readCaptionSync(path: string): CaptionReadResult {
  let read: ReturnType<typeof readRegularFileSync>;
  try {
    read = readRegularFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, snapshot: absentSnapshot() };
    return { ok: false, reason: fileProblem(err) };
  }
  const { bytes, stats } = read;
  // the bytes are not kept: a bulk read holds only what it decoded
  return { ok: true, snapshot: { ...presentSnapshot(bytes, stats.mtimeMs, decodeCaption(bytes)), bytes: null } };
}
