import { access } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { RenderProtocol, RenderResult } from './render-protocol';
import { AppError } from '../app-error';
import type { Workspace } from '../app/workspace';
import type { JobRunner } from '../jobs/job-runner';
import { startAllThreads, type ThreadPool } from '../perf/thread-pool';
import type { ThreadPools } from '../perf/thread-pools';
import { MAX_PIXELS } from '../scan/probe-images';
import type { DatasetSession } from '../session/dataset-session';
import type { ImageEntry } from '../session/image-entry';
import { cachePath, listCached, MIME, type RenderKind } from './cache-layout';
import { FingerprintWriter } from './fingerprint-writer';
import type { ImageType } from './image-type';
import { originalToSend, realOriginal } from './original-file';
import { RenderQueue, type RenderPriority } from './render-queue';
import { outputFor, previewSideFor, THUMB_SIDE } from './render-options';
import { runThumbnailJob, type ThumbnailOutcome } from './thumbnail-job';

export type ImageKind = RenderKind;
export { THUMB_SIDE } from './render-options';

export type ServedImage =
  | { ok: true; path: string; mime: string; /** made by this request (false: from the cache or the original) */ created: boolean }
  | { ok: false; status: 403 | 404 | 415 | 500; message: string };

export interface ServeOptions {
  /** previews: the width the renderer draws at, in device pixels; picks the size class */
  width?: number;
  /** the renderer no longer needs it (scrolled away): dropped if not started */
  signal?: AbortSignal;
  priority?: RenderPriority;
}

/** formats every Chromium shows as they are; others (TIFF) are converted for display */
const BROWSER_MIME: Partial<Record<ImageType, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

interface SessionImages {
  writer: FingerprintWriter;
  prefetch: AbortController | null;
  thumbnails: Promise<ThumbnailOutcome> | null;
}

/**
 * Answers the image URLs of both transports by id (the renderer never names
 * a path), from a disk cache the render workers fill. One queue orders all
 * renders: what is on screen first, then the current image's neighbours,
 * then the background job that makes every thumbnail.
 */
export class ImageService {
  private pool: ThreadPool<RenderProtocol> | null = null;
  private readonly queue: RenderQueue<RenderResult>;
  private readonly sessions = new WeakMap<DatasetSession, SessionImages>();
  /** where made images live: the OS cache folder, never the dataset */
  readonly root: string;

  /** `threads` makes its render pool, as many threads as renders run at once */
  constructor(
    cacheDir: string,
    private readonly threads: Pick<ThreadPools, 'render'>,
    options: { concurrency?: number } = {},
  ) {
    this.root = join(cacheDir, 'images');
    this.queue = new RenderQueue(Math.max(1, options.concurrency ?? availableParallelism()));
  }

  get concurrency(): number {
    return this.queue.concurrency;
  }

  async serve(session: DatasetSession, id: number, kind: ImageKind, options: ServeOptions = {}): Promise<ServedImage> {
    let entry: ImageEntry;
    try {
      entry = session.entry(id);
    } catch {
      return { ok: false, status: 404, message: `no image ${id}` };
    }
    if (kind === 'full') {
      // sent as it is: what it holds decides its type, not its name or the index's guess
      const original = await originalToSend(session.datasetDir, entry.row.relPath);
      if (!original.ok) return { ok: false, status: original.status, message: `${entry.row.relPath}: ${original.reason}` };
      const mime = BROWSER_MIME[original.type];
      if (mime) return { ok: true, path: original.path, mime, created: false };
    }
    const side = sideOf(kind, options.width);
    const output = outputFor(kind, formatOf(entry));
    const known = entry.row.fingerprint;
    if (known) {
      const path = cachePath(this.root, kind, side, known, output);
      if (await access(path).then(() => true, () => false)) return { ok: true, path, mime: MIME[output], created: false };
    }
    let result: RenderResult;
    try {
      result = await this.render(session, entry, kind, side, options.priority ?? 'visible', options.signal);
    } catch (err) {
      if (options.signal?.aborted) return { ok: false, status: 404, message: 'no longer wanted' };
      return { ok: false, status: 500, message: (err as Error).message };
    }
    if (!result.ok) return { ok: false, status: 415, message: `${entry.row.relPath}: ${result.reason}` };
    return { ok: true, path: result.path, mime: MIME[output], created: result.created };
  }

  /**
   * Make the previews of these images (the current one's neighbours) ahead of
   * time, so next / previous finds them in the cache. A new call replaces the
   * last one: what it asked for and has not started is dropped.
   */
  async prefetch(session: DatasetSession, ids: readonly number[], options: { width?: number } = {}): Promise<void> {
    const state = this.stateOf(session);
    state.prefetch?.abort();
    const controller = new AbortController();
    state.prefetch = controller;
    await Promise.allSettled(
      ids.map((id) => this.serve(session, id, 'preview', { width: options.width, priority: 'prefetch', signal: controller.signal })),
    );
  }

  /** the background job making every thumbnail of the session not in the cache yet; one at a time per session */
  makeAllThumbnails(session: DatasetSession, jobs: JobRunner): Promise<ThumbnailOutcome> {
    const state = this.stateOf(session);
    if (state.thumbnails) return state.thumbnails;
    const run = runThumbnailJob(
      {
        concurrency: this.concurrency,
        listCachedThumbs: () => listCached(this.root, 'thumb', THUMB_SIDE),
        renderThumb: (s, entry, signal) => this.render(s, entry, 'thumb', THUMB_SIDE, 'background', signal),
      },
      session,
      jobs,
    ).finally(() => {
      state.thumbnails = null;
      state.writer.flush();
    });
    state.thumbnails = run;
    return run;
  }

  /**
   * Start the thumbnail job whenever the workspace's session opens or its
   * list changes (images added). The shell and the serve transport call this
   * once; returns the unsubscribe function.
   */
  followWorkspace(workspace: Workspace): () => void {
    return workspace.bus.subscribe((event, payload) => {
      if (event !== 'session.changed' || !(payload as { session: unknown }).session) return;
      const session = workspace.current();
      if (session) this.makeAllThumbnails(session, workspace.jobs).catch(() => undefined); // cancelled or reported as job.finished
    });
  }

  /**
   * Start every render thread now (when a folder opens) rather than on the
   * first thumbnails the user waits for: loading sharp in a thread takes a
   * few hundred milliseconds.
   */
  warmUp(): Promise<void> {
    return startAllThreads(this.workers());
  }

  /** resolves when no render is queued or running (tests, the bench) */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** quitting: renders not started are dropped (a large folder's queued thumbnails would hold the quit for minutes), those under way end */
  async close(): Promise<void> {
    this.queue.dropQueued(new AppError('cancelled', 'The app is closing'));
    await this.queue.idle();
    const p = this.pool;
    this.pool = null;
    await p?.destroy();
  }

  private async render(
    session: DatasetSession,
    entry: ImageEntry,
    kind: RenderKind,
    side: number,
    priority: RenderPriority,
    signal: AbortSignal | undefined,
  ): Promise<RenderResult> {
    const original = await realOriginal(session.datasetDir, entry.row.relPath);
    if (!original.ok) return { ok: false, reason: original.reason, fingerprint: null };
    const src = original.path;
    const output = outputFor(kind, formatOf(entry));
    const key = `${kind}-${side}|${src}|${entry.row.size}|${entry.row.mtimeMs}`;
    return this.queue.schedule(
      key,
      async () => {
        const result = await this.workers().call('render', {
          src,
          cacheDir: this.root,
          kind,
          maxSide: side,
          output,
          maxPixels: MAX_PIXELS,
          // read when the render starts, not when it was asked for: an earlier render may have learnt it
          fingerprint: entry.row.fingerprint,
        });
        if (result.fingerprint && result.fingerprint !== entry.row.fingerprint) {
          entry.row.fingerprint = result.fingerprint;
          this.stateOf(session).writer.set(entry.row.id, result.fingerprint);
        }
        return result;
      },
      { priority, ...(signal ? { signal } : {}) },
    );
  }

  private workers(): ThreadPool<RenderProtocol> {
    this.pool ??= this.threads.render(this.concurrency);
    return this.pool;
  }

  private stateOf(session: DatasetSession): SessionImages {
    let state = this.sessions.get(session);
    if (!state) {
      const created: SessionImages = { writer: new FingerprintWriter(session.store), prefetch: null, thumbnails: null };
      // runs before the store closes: the fingerprints learnt so far are kept
      session.onClose(() => {
        created.prefetch?.abort();
        created.writer.flush();
      });
      this.sessions.set(session, created);
      state = created;
    }
    return state;
  }
}

const formatOf = (entry: ImageEntry): string => entry.row.format ?? entry.row.relPath.split('.').pop()?.toLowerCase() ?? '';

const sideOf = (kind: RenderKind, width: number | undefined): number =>
  kind === 'thumb' ? THUMB_SIDE : kind === 'preview' ? previewSideFor(width) : 0;
