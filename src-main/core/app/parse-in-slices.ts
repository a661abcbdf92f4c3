import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseTagList, type ListTag, type ParsedTagList } from '../vocabulary/tag-list';

/** about 1,000 lines of a tagcomplete CSV: a few milliseconds of parsing between turns of the event loop */
const CHUNK_CHARS = 32 * 1024;

/**
 * parseTagList over a big file (the shipped Danbooru list is 3.5 MB, a
 * second or more of parsing on a slow machine) in chunks of whole lines,
 * letting the event loop run between them so IPC and file events are not
 * held up. Each chunk is sniffed as CSV or plain on its own; a real list is
 * one or the other throughout. Resolves null when `stillWanted` says stop.
 */
export async function parseTagListInSlices(
  text: string,
  source: string,
  stillWanted: () => boolean = () => true,
): Promise<ParsedTagList | null> {
  if (text.length <= CHUNK_CHARS) return parseTagList(text, source);
  const tags: ListTag[] = [];
  let skipped = 0;
  let start = 0;
  while (start < text.length) {
    const cut = text.indexOf('\n', Math.min(start + CHUNK_CHARS, text.length - 1));
    const end = cut < 0 ? text.length : cut + 1;
    const part = parseTagList(text.slice(start, end), source);
    for (const tag of part.tags) tags.push(tag);
    skipped += part.skipped;
    start = end;
    if (start < text.length) {
      await nextTurn();
      if (!stillWanted()) return null;
    }
  }
  return { tags, skipped };
}
