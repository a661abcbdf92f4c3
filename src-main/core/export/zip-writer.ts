import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

/** A zip entry: a file on disk, or text. Names are '/'-separated. */
export type ZipEntry = { name: string; file: string; bytes: number } | { name: string; text: string };

/**
 * Writes a zip with yazl. Images are stored, not deflated: png, jpg and webp
 * are compressed already, and deflating them costs time for nothing.
 * Captions and other text are deflated. The file is created fresh ('wx') and
 * flushed to disk before this returns, so a rename afterwards publishes a
 * whole zip.
 */
export async function writeZip(
  entries: readonly ZipEntry[],
  zipPath: string,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  const zip = new ZipFile();
  let total = 0;
  for (const entry of entries) {
    if ('file' in entry) {
      zip.addFile(entry.file, entry.name, { compress: false });
      total += entry.bytes;
    } else {
      const data = Buffer.from(entry.text, 'utf8');
      zip.addBuffer(data, entry.name, { compress: true });
      total += data.length;
    }
  }
  zip.end();

  let done = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length;
      options.onProgress?.(Math.min(done, total), total);
      callback(null, chunk);
    },
  });
  await pipeline(
    zip.outputStream,
    counter,
    createWriteStream(zipPath, { flags: 'wx' }),
    options.signal ? { signal: options.signal } : {},
  );
  const file = await open(zipPath, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}
