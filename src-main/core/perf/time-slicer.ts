import { setImmediate } from 'node:timers';

/** how long a loop may hold the event loop before it lets IPC, file events and timers run */
export const SLICE_MS = 10;

/**
 * Waits for the next event-loop turn in which no other sliced loop has run.
 * Each pause used to be a setImmediate of its own, and Node runs every
 * immediate queued before its check phase in one go: at 100,000 images the
 * filter warm-up, the header-check merge and the watcher's folder walk took
 * their 10 ms slices back to back and held the loop for 90 ms before a timer
 * or an IPC message got a turn. One loop is let go per turn, first come first
 * served, so a turn holds one slice. (`node:timers`, not the global: a test's
 * fake timers must not stop the app's own loops.)
 */
export function nextSliceTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    queueRelease();
  });
}

const waiting: Array<() => void> = [];
let releaseQueued = false;

function queueRelease(): void {
  if (releaseQueued) return;
  releaseQueued = true;
  setImmediate(releaseNext);
}

function releaseNext(): void {
  releaseQueued = false;
  const next = waiting.shift()!;
  // queued from inside the check phase, this runs in the next turn, after timers and I/O
  if (waiting.length > 0) queueRelease();
  next();
}

/**
 * For long loops on the main thread (100,000 rows): call `due()` after each
 * step and `await pause()` when it says so. `pause()` waits for
 * nextSliceTurn, so timers and I/O callbacks run in between, and throws if the signal
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
      await nextSliceTurn();
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
