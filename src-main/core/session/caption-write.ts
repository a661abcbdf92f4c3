import { basename, join } from 'node:path';
import { AppError } from '../app-error';
import { encodeCaption, unwritableCharacter } from '../captions/caption-codec';
import { fingerprintBytes, readCaptionFile, writeCaptionFile, type CaptionSnapshot } from '../captions/caption-file';
import { CJK_LABELS } from '../captions/cjk-encodings';
import { ReadOnlyFileError } from '../fs/atomic-write';
import { UnreadableFileError } from '../fs/regular-file';
import type { FileChange } from '../history/history-log';
import type { ImageEntry } from './image-entry';

export type CaptionWrite =
  | { ok: true; snapshot: CaptionSnapshot; change: FileChange }
  /** the file changed since it was last read: a conflict to show */
  | { ok: false; current: CaptionSnapshot; refused?: undefined }
  /** the file may not take this edit (read-only, unreadable, or an encoding without its characters); nothing was written */
  | { ok: false; refused: AppError };

/**
 * The one conflict-checked write of a caption, shared by single edits and
 * batch edits: `text` reaches the disk only if the file still holds what was
 * last read, in the file's own encoding, BOM and line ending. Returns the
 * exact bytes before and after for the undo log. A file it may not write is
 * refused with the reason and left as it is. The caller runs it inside the
 * caption file's queue and takes the snapshot into the session.
 */
export async function writeCaption(datasetDir: string, entry: ImageEntry, text: string): Promise<CaptionWrite> {
  const c = entry.caption;
  const path = join(datasetDir, entry.captionRel);
  const unfit = encodingRefusal(entry, text);
  if (unfit) return { ok: false, refused: unfit };
  const before = await bytesAsLastRead(path, entry);
  if (!before.ok) return before;
  let outcome;
  try {
    outcome = await writeCaptionFile(path, text, { format: c.format, expectedFingerprint: c.fingerprint });
  } catch (err) {
    // a file it may not write, or one that is there and cannot be read (a folder, a pipe, no permission), is this image's problem only
    if (err instanceof ReadOnlyFileError || err instanceof UnreadableFileError) return { ok: false, refused: err };
    throw err;
  }
  if (!outcome.ok) return { ok: false, current: outcome.current };
  return {
    ok: true,
    snapshot: outcome.snapshot,
    change: { captionRel: entry.captionRel, before: before.bytes, after: outcome.snapshot.bytes },
  };
}

/**
 * The change writeCaption would make, worked out without writing: a batch
 * records it before the write (see StepRecorder.planAhead). Same bytes: the
 * encoding is a pure function of the text and the file's format.
 */
export async function planCaptionWrite(
  datasetDir: string,
  entry: ImageEntry,
  text: string,
): Promise<{ ok: true; change: FileChange } | { ok: false; current: CaptionSnapshot }> {
  const before = await bytesAsLastRead(join(datasetDir, entry.captionRel), entry);
  if (!before.ok) return before;
  return { ok: true, change: { captionRel: entry.captionRel, before: before.bytes, after: encodeCaption(text, entry.caption.format).bytes } };
}

/**
 * The bytes the file held when last read or written (null: no file).
 * Decoding is lossless, so encoding the text again in its own format gives
 * them back without a second read per file in a 100,000-image batch; the
 * fingerprint proves it. Should it ever not match, the file is read, and a
 * file that no longer matches is a conflict like any other.
 */
async function bytesAsLastRead(
  path: string,
  entry: ImageEntry,
): Promise<{ ok: true; bytes: Buffer | null } | { ok: false; current: CaptionSnapshot }> {
  const c = entry.caption;
  if (!c.exists) return { ok: true, bytes: null };
  try {
    const encoded = encodeCaption(c.text, c.format);
    if (!encoded.fellBack && fingerprintBytes(encoded.bytes) === c.fingerprint) return { ok: true, bytes: encoded.bytes };
  } catch {
    // a text the codec refuses cannot have come from a file: read the file instead
  }
  const disk = await readCaptionFile(path);
  return disk.fingerprint === c.fingerprint ? { ok: true, bytes: disk.bytes } : { ok: false, current: disk };
}

/**
 * The edit holds a character the caption's encoding (Shift-JIS, GBK…) has no
 * bytes for: refused in words that name the file, rather than written with a
 * stand-in or in another encoding than the tools that made it read.
 */
export function encodingRefusal(entry: ImageEntry, text: string): AppError | null {
  const missing = unwritableCharacter(text, entry.caption.format);
  if (!missing) return null;
  return new AppError(
    'invalid-input',
    `${basename(entry.captionRel)} is written in ${CJK_LABELS[missing.encoding]}, which has no “${missing.character}”, so the edit was not saved. ` +
      'Leave that character out, or save the file as UTF-8 in another editor first.',
    missing,
  );
}
