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
 * come back in input order; `onProgress` reports progress.
 */
export async function probeImages(
  root: string,
  files: readonly { rel: string }[],
  options: { pool: ThreadPool<ScanProtocol>; signal?: AbortSignal; onProgress?: (done: number) => void },
): Promise<ProbeResult[]> {
  const results: ProbeResult[] = new Array(files.length);
  const batchSize = evenBatchSize(files.length, BATCH, options.pool.threads);
  let done = 0;
  options.onProgress?.(done);
  // a few batches in flight per thread, not every batch queued at once (each holds a listener on the signal)
  const { pool } = options;
  const batches = Math.ceil(files.length / batchSize);
  let next = 0;
  const lane = async () => {
    while (next < batches) {
      const start = next++ * batchSize;
      const batch = files.slice(start, start + batchSize);
      const out = await pool.call('probe', { paths: batch.map((f) => join(root, f.rel)), maxPixels: MAX_PIXELS }, options.signal);
      out.forEach((result, j) => (results[start + j] = result));
      done += batch.length;
      options.onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(batches, pool.threads * 2) }, lane));
  return results;
}
