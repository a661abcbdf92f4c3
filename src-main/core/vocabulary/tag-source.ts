import { isUtf8 } from 'node:buffer';
import { decodeCaption } from '../captions/caption-codec';
import { isCsvList, parseListPart, type ListTag } from './tag-list';

/** a part of a list's tags, and its lines (or, in a plain list, entries) that could not be read as a tag */
export interface ListPart {
  readonly tags: readonly ListTag[];
  readonly skipped: number;
}

/**
 * A list's tags as an index build reads them: a part at a time, so a big
 * list's ListTags never all live at once (they hold several times the heap
 * of the index made from them), and no more than `most` of them.
 */
export interface TagSource {
  /** no more tags than this come: what a build sizes its tables by */
  readonly most: number;
  parts(): Iterable<ListPart>;
}

/** tags already parsed (a test, a small list), as one part */
export const tagsSource = (tags: readonly ListTag[]): TagSource => ({ most: tags.length, parts: () => [{ tags, skipped: 0 }] });

/** about 1,000 lines of a tagcomplete CSV: a few milliseconds of parsing, one step of a sliced build */
const PART_BYTES = 32 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;

/**
 * A list file's bytes, parsed a part of whole lines at a time. Each part is
 * decoded on its own: a part ends after a line feed, so no character is cut
 * in two. The file's first part decides whether the whole of it is a CSV or
 * a plain list: a real list is one or the other throughout.
 */
export function listFileSource(file: Buffer, source: string): TagSource {
  const bytes = asUtf8(file);
  const firstEnd = partEnd(bytes, 0);
  const csv = isCsvList(bytes.toString('utf8', 0, firstEnd), source);
  // a CSV row is one line; a plain list may put several tags on one, between commas
  const most = lineCount(bytes) + (csv ? 0 : occurrences(bytes, COMMA));
  return {
    most,
    *parts() {
      for (let start = 0; start < bytes.length; ) {
        const end = partEnd(bytes, start);
        yield parseListPart(bytes.toString('utf8', start, end), csv);
        start = end;
      }
    },
  };
}

/**
 * A list's bytes as UTF-8 (BOM or not). A list saved as UTF-16 (Windows'
 * "Unicode" text) or in a legacy code page is read as a caption in it would
 * be (see decodeCaption), rather than as UTF-8 that finds no tag in it. Text
 * in UTF-8 holds no NUL byte, where UTF-16 holds one in most characters.
 */
function asUtf8(bytes: Buffer): Buffer {
  if (isUtf8(bytes) && !bytes.includes(0)) return bytes;
  return Buffer.from(decodeCaption(bytes).text, 'utf8');
}

/** where the part that begins at `start` ends: after the first line feed PART_BYTES on, or at the end */
function partEnd(bytes: Buffer, start: number): number {
  const cut = bytes.indexOf(LF, Math.min(start + PART_BYTES, bytes.length - 1));
  return cut < 0 ? bytes.length : cut + 1;
}

/** lines as parseTagList splits them: LF, CRLF and a lone CR each end one, and the last may end with none */
function lineCount(bytes: Buffer): number {
  let lines = occurrences(bytes, LF) + 1;
  for (let at = bytes.indexOf(CR); at >= 0; at = bytes.indexOf(CR, at + 1)) if (bytes[at + 1] !== LF) lines++;
  return lines;
}

function occurrences(bytes: Buffer, byte: number): number {
  let n = 0;
  for (let at = bytes.indexOf(byte); at >= 0; at = bytes.indexOf(byte, at + 1)) n++;
  return n;
}
