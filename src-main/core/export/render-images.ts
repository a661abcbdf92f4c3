import type { ThreadPool } from '../perf/thread-pool';
import type { ExportProtocol, RenderResult, RenderTask } from './export-protocol';

/**
 * Runs renders on every export thread (`pool`), a few at a time so that
 * memory holds one decoded image per thread, not the whole dataset.
 *
 * On abort no new render starts, and the ones under way are let finish:
 * their files land in the staging folder before it is removed, never after.
 * The first thrown error (a full disk, a folder gone) stops the rest the
 * same way and is rethrown once all have settled. `onResult` runs in the
 * same lane (the caption beside the image), so its errors count too.
 */
export async function renderAll(
  pool: ThreadPool<ExportProtocol>,
  tasks: readonly RenderTask[],
  options: { signal?: AbortSignal; onResult?: (index: number, result: RenderResult) => Promise<void> } = {},
): Promise<RenderResult[]> {
  const results: RenderResult[] = new Array(tasks.length);
  let next = 0;
  let failure: { error: unknown } | null = null;

  const lane = async () => {
    while (next < tasks.length && !failure && !options.signal?.aborted) {
      const index = next++;
      try {
        // no signal: a render writes a file, and is let finish so nothing is written after clean-up
        const result = await pool.call('render', tasks[index]!);
        results[index] = result;
        await options.onResult?.(index, result);
      } catch (error) {
        failure ??= { error };
        return;
      }
    }
  };
  // two per thread keeps every thread busy while a result travels back
  const lanes = Math.min(tasks.length, pool.threads * 2);
  await Promise.all(Array.from({ length: lanes }, lane));

  if (failure) throw (failure as { error: unknown }).error;
  options.signal?.throwIfAborted();
  return results;
}
