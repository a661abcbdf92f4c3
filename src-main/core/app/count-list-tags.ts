import { nextSliceTurn } from '../perf/time-slicer';
import { waitForForeground } from '../perf/foreground';
import type { TagSource } from '../vocabulary/tag-source';

export interface ListCount {
  tags: number;
  /** lines (or, in a plain list, entries) that could not be read as a tag */
  skipped: number;
}

/**
 * How many tags a list holds, read a part at a time (the shipped Danbooru
 * list is 3.5 MB, a second or more of parsing on a slow machine), letting
 * the event loop run between parts so IPC and file events are not held up.
 * Nothing read is kept: what an import checks before it copies the file.
 * Resolves null when `stillWanted` says stop.
 */
export async function countListTags(list: TagSource, stillWanted: () => boolean): Promise<ListCount | null> {
  const count: ListCount = { tags: 0, skipped: 0 };
  // each part is parsed as the loop asks for it: the pause comes after each, before the next
  for (const part of list.parts()) {
    count.tags += part.tags.length;
    count.skipped += part.skipped;
    await nextSliceTurn();
    if (!stillWanted() || !(await waitForForeground(stillWanted))) return null;
  }
  return count;
}
