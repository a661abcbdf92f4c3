import { setImmediate } from 'node:timers';
import { waitForForeground } from './foreground';

/**
 * The one way a long loop that must stay on the main thread shares it: the
 * loop runs in slices and lets IPC, file events and timers run in between.
 * Loops written as steps go to runSliced, plain loops to forEachSliced or
 * mapSliced, loops whose steps await to inSlices. Heavy work belongs in a
 * worker; this is for the little that cannot leave main.
 */

/** how long a loop may hold the event loop before it lets IPC, file events and timers run */
const SLICE_MS = 10;

/** background work takes shorter turns: an edit that arrives mid-slice waits for the slice to end */
const BACKGROUND_SLICE_MS = 4;

/**
 * Waits for the next event-loop turn in which no other sliced loop has run.
 * Node runs every immediate queued before its check phase in one go, so
 * loops that each queued their own would take their slices back to back
 * before a timer or an IPC message got a turn: one loop is let go per turn,
 * first come first served. (`node:timers`, not the global: a test's fake
 * timers must not stop the app's own loops.)
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
 * When the event loop's current turn began, as far as sliced loops can tell:
 * the first loop to run in a turn marks it, and the mark is cleared once the
 * loop moves on. Loops that run one after another in the same turn (a sync,
 * then the index built from it, then the counts) share one slice rather than
 * taking one each, which held the loop for several slices at once.
 */
let turnStart: number | null = null;

function currentTurnStart(): number {
  if (turnStart === null) {
    turnStart = performance.now();
    setImmediate(() => (turnStart = null));
  }
  return turnStart;
}

/** when a slice is up, and the pause that ends it; private: loops use the forms below */
function sliceClock(sliceMs: number, signal?: AbortSignal) {
  let sliceStart = currentTurnStart();
  return {
    /** ms since the slice began */
    elapsed: () => performance.now() - sliceStart,
    due: () => performance.now() - sliceStart >= sliceMs,
    async pause(): Promise<void> {
      await nextSliceTurn();
      signal?.throwIfAborted();
      sliceStart = currentTurnStart();
    },
  };
}

export interface SliceOptions {
  /** aborted: the loop throws its reason at the next pause */
  signal?: AbortSignal;
  /** work nobody waits for: shorter slices, and a wait while foreground work runs */
  background?: boolean;
  sliceMs?: number;
}

/**
 * Runs a generator, each `yield` a point where it may pause. `stillWanted`
 * is asked after every pause: when it says no, the work is dropped and the
 * result is null.
 */
export async function runSliced<T>(
  steps: Generator<void, T>,
  stillWanted: () => boolean = () => true,
  options: SliceOptions = {},
): Promise<T | null> {
  const clock = sliceClock(options.sliceMs ?? (options.background ? BACKGROUND_SLICE_MS : SLICE_MS), options.signal);
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) return next.value;
      if (!clock.due()) continue;
      await clock.pause();
      if (!stillWanted() || (options.background && !(await waitForForeground(stillWanted)))) return null;
    }
  } finally {
    steps.return(undefined as never);
  }
}

/** a run of items between two looks at the clock takes about this long (see forEachSliced) */
const CLOCK_EVERY_MS = 0.5;
const MOST_ITEMS_PER_LOOK = 16;

/**
 * `fn` over every item, in order, pausing between slices (a plain loop, as a
 * generator step per item would cost more than the work of a light one).
 * The clock is read after a run of items as long as the last run took about
 * CLOCK_EVERY_MS: a read per item was a tenth of a light loop's time (a
 * 100,000-image reopen walks its list five times).
 */
export async function forEachSliced<T>(items: Iterable<T>, fn: (item: T, index: number) => void, signal?: AbortSignal): Promise<void> {
  const clock = sliceClock(SLICE_MS, signal);
  let i = 0;
  let run = 1;
  let left = 1;
  let lastLook = 0;
  for (const item of items) {
    fn(item, i++);
    if (--left > 0) continue;
    const elapsed = clock.elapsed();
    if (elapsed >= SLICE_MS) {
      await clock.pause();
      lastLook = 0;
    } else {
      const perItem = (elapsed - lastLook) / run;
      run = Math.max(1, Math.min(MOST_ITEMS_PER_LOOK, Math.floor(CLOCK_EVERY_MS / Math.max(perItem, 1e-6))));
      lastLook = elapsed;
    }
    left = run;
  }
}

/** `fn` over every item, pausing between slices; the results in order */
export async function mapSliced<T, R>(items: readonly T[], fn: (item: T, index: number) => R, signal?: AbortSignal): Promise<R[]> {
  const out: R[] = new Array(items.length);
  await forEachSliced(items, (item, i) => (out[i] = fn(item, i)), signal);
  return out;
}

/** the items of a loop whose steps await (a directory read, a file write), pausing between slices */
export async function* inSlices<T>(items: AsyncIterable<T> | Iterable<T>, signal?: AbortSignal): AsyncGenerator<T, void, undefined> {
  const clock = sliceClock(SLICE_MS, signal);
  for await (const item of items) {
    yield item;
    if (clock.due()) await clock.pause();
  }
}
