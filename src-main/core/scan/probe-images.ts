import { join } from 'node:path';
import { evenBatchSize } from '../perf/even-batches';
import type { ThreadPool } from '../perf/thread-pool';
import type { ProbeResult, ScanProtocol } from './scan-protocol';

/** libvips' own default: a larger image is refused before any pixel is decoded */
export const MAX_PIXELS = 0x3fff * 0x3fff;

/** headers per worker message at most; fewer files are split evenly over the threads */
const BATCH = 64;

/**
 * Header checks for many files on all the scan's threads (`pool`). Results
 * come back in input order; `onProgress` reports progress. Empty files are
 * refused here without a worker round trip.
 */
export async function probeImages(
  root: string,
  files: readonly { rel: string; size: number }[],
  options: { pool: ThreadPool<ScanProtocol>; signal?: AbortSignal; onProgress?: (done: number) => void },
): Promise<ProbeResult[]> {
  const results: ProbeResult[] = new Array(files.length);
  const batchSize = evenBatchSize(files.length, BATCH, options.pool.threads);
  const batches: number[][] = [];
  let current: number[] = [];
  files.forEach((f, i) => {
    if (f.size === 0) {
      results[i] = { ok: false, reason: 'the file is empty (0 bytes)' };
      return;
    }
    current.push(i);
    if (current.length === batchSize) {
      batches.push(current);
      current = [];
    }
  });
  if (current.length > 0) batches.push(current);

  let done = files.length - batches.reduce((n, b) => n + b.length, 0);
  options.onProgress?.(done);
  // a few batches in flight per thread, not every batch queued at once (each holds a listener on the signal)
  const { pool } = options;
  let next = 0;
  const lane = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      const out = await pool.call('probe', { paths: batch.map((i) => join(root, files[i]!.rel)), maxPixels: MAX_PIXELS }, options.signal);
      batch.forEach((fileIndex, j) => (results[fileIndex] = out[j]!));
      done += batch.length;
      options.onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(batches.length, pool.threads * 2) }, lane));
  return results;
}
