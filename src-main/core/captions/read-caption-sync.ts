import { closeSync, readFileSync, type Stats } from 'node:fs';
import type { CaptionReadResult } from '../scan/scan-protocol';
import { fileProblem, openRegularFileSync } from '../fs/regular-file';
import { decodeCaption, DEFAULT_CAPTION_FORMAT } from './caption-codec';
import { ABSENT_FINGERPRINT, fingerprintBytes, type CaptionSnapshot } from './caption-file';

/**
 * readCaptionFile's synchronous twin, for threads that read captions in bulk
 * (the scan's workers, the index thread): there a blocking read blocks nobody
 * and skips the libuv pool's hand-offs, which at 100,000 files cost more than
 * the reading. Stat and read through one descriptor, as readCaptionFile does,
 * so both describe the same file; like it, only a regular file is read, and a
 * named pipe is never waited on. A missing file is an absent caption.
 */
export function readCaptionSync(path: string): CaptionReadResult {
  let opened: { fd: number; stats: Stats };
  try {
    opened = openRegularFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, snapshot: absent() };
    return { ok: false, reason: fileProblem(err) };
  }
  try {
    const bytes = readFileSync(opened.fd);
    const snapshot: CaptionSnapshot = {
      exists: true,
      fingerprint: fingerprintBytes(bytes),
      size: bytes.length,
      mtimeMs: opened.stats.mtimeMs,
      decoded: decodeCaption(bytes),
      bytes: null,
    };
    return { ok: true, snapshot };
  } catch (err) {
    return { ok: false, reason: fileProblem(err) };
  } finally {
    closeSync(opened.fd);
  }
}

const absent = (): CaptionSnapshot => ({
  exists: false,
  fingerprint: ABSENT_FINGERPRINT,
  size: 0,
  mtimeMs: 0,
  decoded: { text: '', format: { ...DEFAULT_CAPTION_FORMAT } },
  bytes: null,
});
