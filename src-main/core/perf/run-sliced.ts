import { waitForForeground } from './foreground';
import { timeSlicer } from './time-slicer';

/**
 * Background work takes shorter turns: an edit that arrives mid-slice waits
 * for the slice to end, and an edit is a dozen file-system hops, each of
 * which can queue behind one.
 */
export const BACKGROUND_SLICE_MS = 4;

/**
 * Runs a generator in time slices (see time-slicer), letting the event loop
 * run between them, so a long build never freezes the app's main process
 * (IPC, file events) for more than a slice plus its longest single step.
 * For work written as steps rather than as a loop: the tag index build, the
 * filter index, a batch edit. `stillWanted` is asked after every pause: when
 * it says no, the work is dropped and the result is null. Background work
 * (`background: true`) also waits between slices while foreground work runs.
 */
export async function runSliced<T>(
  steps: Generator<void, T>,
  stillWanted: () => boolean = () => true,
  options: { background?: boolean; sliceMs?: number } = {},
): Promise<T | null> {
  const slicer = timeSlicer(undefined, options.sliceMs ?? (options.background ? BACKGROUND_SLICE_MS : undefined));
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (slicer.due()) {
      await slicer.pause();
      if (!stillWanted() || (options.background && !(await waitForForeground(stillWanted)))) {
        steps.return(undefined as never);
        return null;
      }
    }
  }
}
