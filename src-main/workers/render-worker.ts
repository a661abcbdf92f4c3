import { createHash } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { cachePath, type RenderKind, type RenderOutput } from '../core/images/cache-layout';

/**
 * Thumbnails and previews, made off the main thread and cached on disk under
 * a fingerprint of the file's content, so a moved or renamed image reuses its
 * cache entry and an edited one does not.
 *
 * Never a full decode for a thumbnail: sharp's resize loads JPEG and WebP
 * shrunk (libjpeg decodes at 1/2, 1/4 or 1/8 scale), so a 2048×1536 JPEG
 * becomes a 256×192 one while it is decoded.
 */
export interface RenderTask {
  src: string;
  cacheDir: string;
  /** 'full' converts formats a browser cannot show (TIFF) at full size */
  kind: RenderKind;
  /** longest side of the result; 0 for 'full' */
  maxSide: number;
  output: RenderOutput;
  maxPixels: number;
  /** known from the index: saves reading the file's head and tail */
  fingerprint: string | null;
}

export type RenderResult =
  | { ok: true; path: string; fingerprint: string; created: boolean }
  | { ok: false; reason: string; fingerprint: string | null };

sharp.cache(false);
sharp.concurrency(1); // one libvips thread per worker: the pool already uses every core

const SAMPLE = 64 * 1024;

/** size + first and last 64 KiB: cheap at 100,000 files and different for any two real images */
export async function contentFingerprint(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const hash = createHash('sha1').update(String(size));
    const head = Buffer.alloc(Math.min(SAMPLE, size));
    await handle.read(head, 0, head.length, 0);
    hash.update(head);
    if (size > SAMPLE) {
      const tail = Buffer.alloc(Math.min(SAMPLE, size - SAMPLE));
      await handle.read(tail, 0, tail.length, size - tail.length);
      hash.update(tail);
    }
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}

/** starts a thread (and loads sharp in it) ahead of the first real render */
export interface WarmTask {
  warm: true;
}

export default async function render(task: RenderTask | WarmTask): Promise<RenderResult> {
  if ('warm' in task) return { ok: false, reason: 'warm', fingerprint: null };
  let fingerprint = task.fingerprint;
  try {
    fingerprint ??= await contentFingerprint(task.src);
    const dest = cachePath(task.cacheDir, task.kind, task.maxSide, fingerprint, task.output);
    if (await stat(dest).then(() => true, () => false)) return { ok: true, path: dest, fingerprint, created: false };
    await ensureFolder(dirname(dest));
    // a cancelled job or a killed worker leaves at most a .tmp, never a half file under the real name
    const temp = `${dest}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await writeOnce(task, temp, dest);
    } catch (err) {
      await rm(temp, { force: true });
      // the cache folder was cleared while the app ran: make it again, once
      if (!(await stat(dirname(dest)).then(() => true, () => false))) {
        made.delete(dirname(dest));
        await ensureFolder(dirname(dest));
        await writeOnce(task, temp, dest).catch(async (again) => {
          await rm(temp, { force: true });
          throw again;
        });
      } else throw err;
    }
    return { ok: true, path: dest, fingerprint, created: true };
  } catch (err) {
    return { ok: false, reason: describe(err), fingerprint };
  }
}

async function writeOnce(task: RenderTask, temp: string, dest: string): Promise<void> {
  await encode(task).toFile(temp);
  await rename(temp, dest);
}

/** shard folders this thread has made: one mkdir per folder, not one per thumbnail */
const made = new Set<string>();

async function ensureFolder(dir: string): Promise<void> {
  if (made.has(dir)) return;
  await mkdir(dir, { recursive: true });
  made.add(dir);
}

function encode(task: RenderTask): ReturnType<typeof sharp> {
  let pipeline = sharp(task.src, { limitInputPixels: task.maxPixels, failOn: 'truncated' }).rotate();
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
  return message.split('\n')[0] ?? message;
}
