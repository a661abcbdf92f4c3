import { nextSliceTurn } from '../perf/time-slicer';
import { waitForForeground } from '../perf/foreground';
import { parseTagList, type ListTag, type ParsedTagList } from '../vocabulary/tag-list';

/** about 1,000 lines of a tagcomplete CSV: a few milliseconds of parsing between turns of the event loop */
const CHUNK_BYTES = 32 * 1024;
const NEWLINE = 0x0a;

/**
 * parseTagList over a big file (the shipped Danbooru list is 3.5 MB, a
 * second or more of parsing on a slow machine) in chunks of whole lines,
 * letting the event loop run between them so IPC and file events are not
 * held up. Each chunk is decoded from UTF-8 on its own, too: decoding the
 * whole file at once is more than one turn. A chunk ends after a newline,
 * so no character is cut in two. Each chunk is sniffed as CSV or plain on
 * its own; a real list is one or the other throughout. Resolves null when
 * `stillWanted` says stop.
 */
export async function parseTagListInSlices(
  bytes: Buffer,
  source: string,
  stillWanted: () => boolean = () => true,
): Promise<ParsedTagList | null> {
  if (bytes.length <= CHUNK_BYTES) return parseTagList(bytes.toString('utf8'), source);
  const tags: ListTag[] = [];
  let skipped = 0;
  let start = 0;
  while (start < bytes.length) {
    const cut = bytes.indexOf(NEWLINE, Math.min(start + CHUNK_BYTES, bytes.length - 1));
    const end = cut < 0 ? bytes.length : cut + 1;
    const part = parseTagList(bytes.toString('utf8', start, end), source);
    for (const tag of part.tags) tags.push(tag);
    skipped += part.skipped;
    start = end;
    if (start < bytes.length) {
      await nextSliceTurn();
      if (!stillWanted() || !(await waitForForeground(stillWanted))) return null;
    }
  }
  return { tags, skipped };
}
