import { join } from 'node:path';
import { readCaptionFile } from '../captions/caption-file';
import { UnreadableFileError } from '../fs/regular-file';
import type { CaptionReadResult, ScanProtocol } from './scan-protocol';
import type { ThreadPool } from '../perf/thread-pool';
import { nextSliceTurn } from '../perf/time-slicer';

/** below this many files the worker threads' start-up costs more than it saves */
const WORKER_THRESHOLD = 256;
const BATCH = 128;
const MAIN_THREAD_CONCURRENCY = 32;

/**
 * Read many caption files, as readCaptionFile reads one (the bytes are not
 * kept). `onEach` gets each file as it arrives, in no particular order, so a
 * caller can take what it needs and let the rest go. A file that cannot be
 * read (no permission, a folder or a pipe by that name) comes with its
 * reason: it is that image's problem, not the whole folder's. Many files are read by
 * the scan's worker threads (`pool`) with synchronous reads: at 10,000 captions the
 * main thread's share of async reads (six pool hand-offs a file) was most of
 * a folder's first open.
 */
export async function readCaptionFiles(
  root: string,
  rels: readonly string[],
  onEach: (index: number, read: CaptionReadResult) => void,
  options: { pool: ThreadPool<ScanProtocol>; signal?: AbortSignal; onProgress?: (done: number) => void },
): Promise<void> {
  let done = 0;
  const take = (index: number, read: CaptionReadResult) => {
    onEach(index, read);
    options.onProgress?.(++done);
  };
  if (rels.length < WORKER_THRESHOLD) {
    let next = 0;
    const worker = async () => {
      while (next < rels.length) {
        options.signal?.throwIfAborted();
        const i = next++;
        take(i, await readOne(join(root, rels[i]!)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAIN_THREAD_CONCURRENCY, rels.length) }, worker));
    return;
  }
  // a few batches in flight per thread, each built when it is sent: not 400 messages queued at once
  const { pool } = options;
  let nextStart = 0;
  const lane = async () => {
    while (nextStart < rels.length) {
      const start = nextStart;
      nextStart += BATCH;
      const paths = rels.slice(start, start + BATCH).map((rel) => join(root, rel));
      const results = await pool.call('captions', { paths }, options.signal);
      // batches that finish together arrive in one turn: each is taken in a turn of its own
      await nextSliceTurn();
      options.signal?.throwIfAborted();
      results.forEach((r, k) => take(start + k, r));
    }
  };
  await Promise.all(Array.from({ length: pool.threads * 2 }, lane));
}

async function readOne(path: string): Promise<CaptionReadResult> {
  try {
    return { ok: true, snapshot: await readCaptionFile(path) };
  } catch (err) {
    if (err instanceof UnreadableFileError) return { ok: false, reason: err.reason };
    throw err;
  }
}
