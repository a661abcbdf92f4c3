import { runSliced } from '../perf/time-slicer';
import type { TagSource } from '../vocabulary/tag-source';

export interface ListCount {
  tags: number;
  /** lines (or, in a plain list, entries) that could not be read as a tag */
  skipped: number;
}

/**
 * How many tags a list holds, read a part at a time (the shipped Danbooru
 * list is 3.5 MB, a second or more of parsing on a slow machine) through the
 * time slicer, as background work, so IPC and file events are not held up.
 * Nothing read is kept: what an import checks before it copies the file.
 * Resolves null when `stillWanted` says stop.
 */
export function countListTags(list: TagSource, stillWanted: () => boolean): Promise<ListCount | null> {
  // a part (32 KB) is a slice's worth of parsing on a slow machine already: a pause after each
  return runSliced(countParts(list), stillWanted, { background: true, sliceMs: 0 });
}

/** each part parsed as the loop asks for it, a point to pause after each */
function* countParts(list: TagSource): Generator<void, ListCount> {
  const count: ListCount = { tags: 0, skipped: 0 };
  for (const part of list.parts()) {
    count.tags += part.tags.length;
    count.skipped += part.skipped;
    yield;
  }
  return count;
}
