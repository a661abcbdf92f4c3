import { setImmediate as nextTurn } from 'node:timers/promises';

/** how long a loop may hold the event loop before it lets IPC, file events and timers run */
export const SLICE_MS = 10;

/**
 * For long loops on the main thread (100,000 rows): call `due()` after each
 * step and `await pause()` when it says so. `pause()` yields with
 * setImmediate, so I/O callbacks run in between, and throws if the signal
 * was aborted meanwhile.
 */
export interface TimeSlicer {
  due(): boolean;
  pause(): Promise<void>;
}

export function timeSlicer(signal?: AbortSignal, sliceMs = SLICE_MS): TimeSlicer {
  let sliceStart = performance.now();
  return {
    due: () => performance.now() - sliceStart >= sliceMs,
    async pause() {
      await nextTurn();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    },
  };
}

/** `fn` over every item, yielding between slices; the loop's results in order */
export async function mapSliced<T, R>(items: readonly T[], fn: (item: T, index: number) => R, signal?: AbortSignal): Promise<R[]> {
  const slicer = timeSlicer(signal);
  const out: R[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    out[i] = fn(items[i]!, i);
    if (slicer.due()) await slicer.pause();
  }
  return out;
}
