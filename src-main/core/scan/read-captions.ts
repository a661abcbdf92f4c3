import { join } from 'node:path';
import { readCaptionFile, type CaptionSnapshot } from '../captions/caption-file';
import type { CaptionReadResult } from '../../workers/probe-worker';
import { nextSliceTurn } from '../perf/time-slicer';
import { scanPool } from './probe-images';

/** below this many files the worker threads' start-up costs more than it saves */
const WORKER_THRESHOLD = 256;
const BATCH = 128;
const MAIN_THREAD_CONCURRENCY = 32;

/**
 * Read many caption files, as readCaptionFile reads one (the bytes are not
 * kept). `onEach` gets each file as it arrives, in no particular order, so a
 * caller can take what it needs and let the rest go. Many files are read by
 * the scan's worker threads with synchronous reads: at 10,000 captions the
 * main thread's share of async reads (six pool hand-offs a file) was most of
 * a folder's first open.
 */
export async function readCaptionFiles(
  root: string,
  rels: readonly string[],
  onEach: (index: number, snapshot: CaptionSnapshot) => void,
  options: { signal?: AbortSignal; onProgress?: (done: number) => void } = {},
): Promise<void> {
  let done = 0;
  const take = (index: number, snapshot: CaptionSnapshot) => {
    onEach(index, snapshot);
    options.onProgress?.(++done);
  };
  if (rels.length < WORKER_THRESHOLD) {
    let next = 0;
    const worker = async () => {
      while (next < rels.length) {
        options.signal?.throwIfAborted();
        const i = next++;
        take(i, await readCaptionFile(join(root, rels[i]!)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAIN_THREAD_CONCURRENCY, rels.length) }, worker));
    return;
  }
  // a few batches in flight per thread, each built when it is sent: not 400 messages queued at once
  const pool = scanPool();
  let nextStart = 0;
  const lane = async () => {
    while (nextStart < rels.length) {
      const start = nextStart;
      nextStart += BATCH;
      const paths = rels.slice(start, start + BATCH).map((rel) => join(root, rel));
      const results = (await pool.run({ captions: paths }, options.signal)) as CaptionReadResult[];
      // batches that finish together arrive in one turn: each is taken in a turn of its own
      await nextSliceTurn();
      options.signal?.throwIfAborted();
      results.forEach((r, k) => {
        if (!r.ok) throw Object.assign(new Error(r.message), { code: r.code });
        take(start + k, r.snapshot);
      });
    }
  };
  await Promise.all(Array.from({ length: pool.threads * 2 }, lane));
}
