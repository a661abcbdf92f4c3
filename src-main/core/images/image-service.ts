import { join } from 'node:path';
import type render from '../../workers/render-worker';
import { createWorkerPool, type WorkerPool } from '../../workers/worker-pool';
import { MAX_PIXELS } from '../scan/probe-images';
import type { DatasetSession } from '../session/dataset-session';

export type ImageKind = 'thumb' | 'preview' | 'full';

export type ServedImage =
  | { ok: true; path: string; mime: string }
  | { ok: false; status: 404 | 415 | 500; message: string };

export const THUMB_SIDE = 256;
export const PREVIEW_SIDE = 1600;

/** formats every Chromium shows as they are; others (TIFF) are converted for display */
const BROWSER_MIME: Record<string, string> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  heif: 'image/avif',
  bmp: 'image/bmp',
};

/**
 * Answers the image URLs of both transports by id: the renderer never names
 * a path. Thumbnails and previews come from the render workers' disk cache.
 */
export class ImageService {
  private pool: WorkerPool<typeof render> | null = null;

  constructor(private readonly cacheDir: string) {}

  async serve(session: DatasetSession, id: number, kind: ImageKind): Promise<ServedImage> {
    let entry;
    try {
      entry = session.entry(id);
    } catch {
      return { ok: false, status: 404, message: `no image ${id}` };
    }
    const src = session.absolutePath(entry);
    const format = entry.row.format ?? entry.row.relPath.split('.').pop()?.toLowerCase() ?? '';
    if (kind === 'full' && BROWSER_MIME[format]) return { ok: true, path: src, mime: BROWSER_MIME[format] };

    const maxSide = kind === 'thumb' ? THUMB_SIDE : kind === 'preview' ? PREVIEW_SIDE : 0;
    this.pool ??= createWorkerPool<typeof render>('render-worker');
    const result = await this.pool.run({
      src,
      cacheDir: join(this.cacheDir, 'images'),
      kind,
      maxSide,
      maxPixels: MAX_PIXELS,
      fingerprint: entry.row.fingerprint,
    });
    if (result.fingerprint && result.fingerprint !== entry.row.fingerprint) {
      entry.row.fingerprint = result.fingerprint;
      session.store.setFingerprint(id, result.fingerprint);
    }
    if (!result.ok) return { ok: false, status: 415, message: `${entry.row.relPath}: ${result.reason}` };
    return { ok: true, path: result.path, mime: kind === 'full' ? 'image/png' : 'image/webp' };
  }

  async close(): Promise<void> {
    const p = this.pool;
    this.pool = null;
    await p?.destroy();
  }
}
