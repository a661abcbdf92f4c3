import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { openRegularFileSync } from '../fs/regular-file';

const SAMPLE = 64 * 1024;

/**
 * The cache key of an image: its size and its first and last 64 KiB. Cheap
 * at 100,000 files and different for any two real images; a moved or renamed
 * file keeps it, an edited one does not.
 */
export function fingerprintOfBytes(bytes: Uint8Array): string {
  const size = bytes.length;
  const hash = createHash('sha1').update(String(size));
  hash.update(bytes.subarray(0, Math.min(SAMPLE, size)));
  if (size > SAMPLE) hash.update(bytes.subarray(size - Math.min(SAMPLE, size - SAMPLE)));
  return hash.digest('hex');
}

/**
 * The same key from the file, reading only the two samples. Synchronous: it
 * runs in render threads, where blocking costs nobody and skips the libuv
 * pool's hand-offs.
 */
export function fingerprintOfFile(path: string): string {
  const { fd, stats } = openRegularFileSync(path);
  try {
    const { size } = stats;
    const hash = createHash('sha1').update(String(size));
    const head = Buffer.allocUnsafe(Math.min(SAMPLE, size));
    readSync(fd, head, 0, head.length, 0);
    hash.update(head);
    if (size > SAMPLE) {
      const tail = Buffer.allocUnsafe(Math.min(SAMPLE, size - SAMPLE));
      readSync(fd, tail, 0, tail.length, size - tail.length);
      hash.update(tail);
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}
