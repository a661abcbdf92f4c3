import { setImmediate as nextTurn } from 'node:timers/promises';
import { waitForForeground } from '../perf/foreground';

/** how long work may hold the event loop before letting it run */
export const SLICE_MS = 12;
/**
 * Background work takes shorter turns: an edit that arrives mid-slice waits
 * for the slice to end, and an edit is a dozen file-system hops, each of
 * which can queue behind one.
 */
export const BACKGROUND_SLICE_MS = 4;

/**
 * Runs a generator in slices of about `sliceMs`, letting the event loop run
 * between them, so a long build never freezes the app's main process (IPC,
 * file events) for more than a slice plus its longest single step.
 * `stillWanted` is asked after every pause: when it says no, the work is
 * dropped and the result is null. Background work (`background: true`)
 * also waits between slices while foreground work runs (see perf/foreground).
 */
export async function runSliced<T>(
  steps: Generator<void, T>,
  stillWanted: () => boolean = () => true,
  options: { background?: boolean; sliceMs?: number } = {},
): Promise<T | null> {
  const sliceMs = options.sliceMs ?? (options.background ? BACKGROUND_SLICE_MS : SLICE_MS);
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      if (!stillWanted() || (options.background && !(await waitForForeground(stillWanted)))) {
        steps.return(undefined as never);
        return null;
      }
      sliceStart = performance.now();
    }
  }
}
