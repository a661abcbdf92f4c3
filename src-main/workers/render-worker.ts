import { closeSync, existsSync, mkdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { cachePath } from '../core/images/cache-layout';
import type { RenderProtocol, RenderResult, RenderTask } from '../core/images/render-protocol';
import { fileProblem, openRegularFileSync } from '../core/fs/regular-file';
import { fingerprintOfBytes, fingerprintOfFile } from '../core/images/content-fingerprint';
import { imageSharp } from './image-input';
import { serveRequests } from './worker-protocol';

/**
 * Thumbnails and previews, made off the main thread and cached on disk under
 * a fingerprint of the file's content, so a moved or renamed image reuses its
 * cache entry and an edited one does not.
 *
 * Never a full decode for a thumbnail: sharp's resize loads JPEG and WebP
 * shrunk (libjpeg decodes at 1/2, 1/4 or 1/8 scale), so a 2048×1536 JPEG
 * becomes a 256×192 one while it is decoded. It serves core/images'
 * RenderProtocol.
 */

sharp.cache(false);
sharp.concurrency(1); // one libvips thread per worker: the pool already uses every core

/** files up to this size are read once, whole: the fingerprint and the decoder share the bytes */
const READ_WHOLE_MAX = 16 << 20;
/**
 * Those bytes go into one buffer per thread, reused from render to render (a
 * thread renders one image at a time): a fresh buffer per image grew each
 * thread by tens of megabytes that the allocator did not give back.
 */
let scratch = Buffer.allocUnsafe(1 << 20);

function readWhole(path: string, size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
  const { fd } = openRegularFileSync(path); // a named pipe put in an image's place is refused, not waited on
  try {
    let got = 0;
    while (got < size) {
      const n = readSync(fd, scratch, got, size - got, got);
      if (n === 0) break; // shorter than it was a moment ago: the decoder will say so
      got += n;
    }
    return scratch.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

export default serveRequests<RenderProtocol>({ render: (task) => render(task), warm: () => null });

/**
 * One thumbnail, preview or conversion. File calls are synchronous: this
 * thread does one render at a time, so blocking costs nobody, while each
 * async call was a hand-off through the libuv pool that sharp also needs.
 */
async function render(task: RenderTask): Promise<RenderResult> {
  let fingerprint = task.fingerprint;
  try {
    let bytes: Buffer | null = null;
    if (fingerprint === null) {
      const { size } = statSync(task.src);
      if (size <= READ_WHOLE_MAX) {
        bytes = readWhole(task.src, size);
        fingerprint = fingerprintOfBytes(bytes);
      } else fingerprint = fingerprintOfFile(task.src);
    }
    const dest = cachePath(task.cacheDir, task.kind, task.maxSide, fingerprint, task.output);
    if (existsSync(dest)) return { ok: true, path: dest, fingerprint, created: false };
    // synchronous, so one cheap call each time: a cache folder cleared while the app runs is simply made again
    mkdirSync(dirname(dest), { recursive: true });
    // a cancelled job or a killed worker leaves at most a .tmp, never a half file under the real name
    const temp = `${dest}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await encode(task, bytes ?? task.src).toFile(temp);
      renameSync(temp, dest);
    } catch (err) {
      rmSync(temp, { force: true });
      throw err;
    }
    return { ok: true, path: dest, fingerprint, created: true };
  } catch (err) {
    return { ok: false, reason: describe(err), fingerprint };
  }
}

function encode(task: RenderTask, input: Buffer | string): Sharp {
  let pipeline = imageSharp(input, { limitInputPixels: task.maxPixels, failOn: 'truncated' }).rotate();
  if (task.kind !== 'full') {
    pipeline = pipeline.resize({ width: task.maxSide, height: task.maxSide, fit: 'inside', withoutEnlargement: true });
  }
  switch (task.output) {
    case 'png':
      return pipeline.png();
    case 'jpeg':
      return pipeline.jpeg({ quality: 85 });
    case 'webp':
      // effort 1: a third of the default's encoding time for a file a few percent larger
      return pipeline.webp({ quality: task.kind === 'thumb' ? 75 : 85, effort: 1 });
  }
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/premature end|truncated/i.test(message)) return 'the image file is truncated';
  if (/pixel limit/i.test(message)) return 'the image is too large to display';
  if (/unsupported image format/i.test(message)) return 'not a readable image';
  return fileProblem(err); // permission denied, not a file, …; any other error's own first line
}
