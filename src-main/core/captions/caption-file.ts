import { hash } from 'node:crypto';
import { stat, unlink } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';
import { fileProblem, openRegularFile, UnreadableFileError } from '../fs/regular-file';
import { decodeCaption, DEFAULT_CAPTION_FORMAT, encodeCaption, type CaptionFormat, type DecodedCaption } from './caption-codec';

/**
 * A caption file as last read or written. The fingerprint is what every write
 * checks against: content, not mtime, because mtime has coarse resolution on
 * some file systems and is easily reset by copy tools.
 */
export interface CaptionSnapshot {
  exists: boolean;
  /** sha1 hex of the bytes, or ABSENT_FINGERPRINT when there is no file */
  fingerprint: string;
  size: number;
  mtimeMs: number;
  decoded: DecodedCaption;
  /** the exact bytes, kept so an undo can put them back; null when absent */
  bytes: Buffer | null;
}

export type WriteOutcome =
  | { ok: true; snapshot: CaptionSnapshot; fellBack: boolean }
  | { ok: false; reason: 'conflict'; current: CaptionSnapshot };

export const ABSENT_FINGERPRINT = 'absent';

/** crypto's one-shot hash: a sync fingerprints every caption it reads, and a Hash object for each would be made, fed and thrown away */
export function fingerprintBytes(bytes: Uint8Array): string {
  return hash('sha1', bytes, 'hex');
}

/**
 * A missing file is a caption that is empty so far, not an error. Anything
 * else that cannot be read (no permission, a folder or a named pipe under the
 * caption's name) throws UnreadableFileError with the reason: it is never
 * taken as an empty caption, so no write goes over it.
 */
export async function readCaptionFile(path: string): Promise<CaptionSnapshot> {
  let opened;
  try {
    opened = await openRegularFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return absentSnapshot();
    throw new UnreadableFileError(path, fileProblem(err));
  }
  const { handle, stats } = opened;
  try {
    // stat and read through one handle, so both describe the same file even
    // if another program renames a new one into place meanwhile
    const bytes = await handle.readFile().catch((err: unknown) => {
      throw new UnreadableFileError(path, fileProblem(err));
    });
    return presentSnapshot(bytes, stats.mtimeMs, decodeCaption(bytes));
  } finally {
    await handle.close();
  }
}

/**
 * Writes `text` only if the file still holds what was last read (its
 * fingerprint equals `expectedFingerprint`); otherwise nothing is written and
 * the caller gets the file's current state to show as a conflict. The check
 * and the rename are not one atomic step: a write landing in the
 * milliseconds between them is not caught here, but the file watcher reports
 * it afterwards.
 */
export async function writeCaptionFile(
  path: string,
  text: string,
  opts: { format: CaptionFormat; expectedFingerprint: string },
): Promise<WriteOutcome> {
  const current = await readCaptionFile(path);
  if (current.fingerprint !== opts.expectedFingerprint) return { ok: false, reason: 'conflict', current };
  const encoded = encodeCaption(text, opts.format);
  await writeFileAtomic(path, encoded.bytes);
  // describe what we wrote as we wrote it (not re-detected), so the encoding
  // the file had is the one the next edit keeps
  const snapshot = presentSnapshot(encoded.bytes, await mtimeOf(path), { text, format: encoded.format });
  return { ok: true, snapshot, fellBack: encoded.fellBack };
}

/**
 * Undo: puts back exactly the bytes a file held before (null: there was no
 * file, so remove it), under the same conflict check as an edit.
 */
export async function restoreCaptionBytes(
  path: string,
  bytes: Uint8Array | null,
  expectedFingerprint: string,
): Promise<WriteOutcome> {
  const current = await readCaptionFile(path);
  if (current.fingerprint !== expectedFingerprint) return { ok: false, reason: 'conflict', current };
  if (bytes === null) {
    if (current.exists) {
      await unlink(path).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }
    return { ok: true, snapshot: absentSnapshot(), fellBack: false };
  }
  const copy = Buffer.from(bytes);
  await writeFileAtomic(path, copy);
  return { ok: true, snapshot: presentSnapshot(copy, await mtimeOf(path), decodeCaption(copy)), fellBack: false };
}

export function absentSnapshot(): CaptionSnapshot {
  return {
    exists: false,
    fingerprint: ABSENT_FINGERPRINT,
    size: 0,
    mtimeMs: 0,
    decoded: { text: '', format: { ...DEFAULT_CAPTION_FORMAT } },
    bytes: null,
  };
}

export function presentSnapshot(bytes: Buffer, mtimeMs: number, decoded: DecodedCaption): CaptionSnapshot {
  return { exists: true, fingerprint: fingerprintBytes(bytes), size: bytes.length, mtimeMs, decoded, bytes };
}

async function mtimeOf(path: string): Promise<number> {
  return (await stat(path)).mtimeMs;
}
