import { join } from 'node:path';
import { encodeCaption } from '../captions/caption-codec';
import { fingerprintBytes, readCaptionFile, writeCaptionFile, type CaptionSnapshot } from '../captions/caption-file';
import type { FileChange } from '../history/history-log';
import type { ImageEntry } from './image-entry';

export type CaptionWrite =
  | { ok: true; snapshot: CaptionSnapshot; change: FileChange }
  | { ok: false; current: CaptionSnapshot };

/**
 * The one conflict-checked write of a caption, shared by single edits and
 * batch edits: `text` reaches the disk only if the file still holds what was
 * last read, in the file's own encoding, BOM and line ending. Returns the
 * exact bytes before and after for the undo log. The caller runs it inside
 * the caption file's queue and takes the snapshot into the session.
 */
export async function writeCaption(datasetDir: string, entry: ImageEntry, text: string): Promise<CaptionWrite> {
  const c = entry.caption;
  const path = join(datasetDir, entry.captionRel);
  const before = await bytesAsLastRead(path, entry);
  if (!before.ok) return before;
  const outcome = await writeCaptionFile(path, text, { format: c.format, expectedFingerprint: c.fingerprint });
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
