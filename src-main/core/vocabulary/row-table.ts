import { isWordStart } from './tag-key';
import type { TagTexts } from './tag-texts';

/** Prefixes up to this long get a bucket; a longer query checks the rows of its first three characters. */
export const BUCKET_PREFIX = 3;

/** rows between pauses of a build: a pause point every millisecond or so */
export const BUILD_STEP = 4096;

/**
 * Rows of searchable text: a tag's key or one of its alias keys (`alias` -1,
 * or the alias's index), read from `offset` on. For every prefix of 1 to
 * BUCKET_PREFIX code units there is a bucket of the rows starting with it, in
 * row order, and rows are made most used tag first. So a prefix query reads
 * the best rows first and stops as soon as it has enough: nothing is sorted
 * by text, at build time or at query time.
 *
 * All in typed arrays: a million small JS arrays would cost more in garbage
 * collection than the rest of the build.
 */
export interface RowTable {
  readonly ids: Int32Array;
  readonly alias: Int32Array;
  readonly offsets: Int32Array;
  /** bucket number by prefix code (see prefixCode) */
  readonly bucketOf: ReadonlyMap<number | string, number>;
  /** bucket b's rows are bucketRows[bucketStart[b] .. bucketStart[b + 1]) */
  readonly bucketStart: Int32Array;
  readonly bucketRows: Int32Array;
}

/**
 * A bucket's key: for ASCII prefixes a small integer (a leading 1, then 7
 * bits a character), which keeps a million look-ups free of string
 * allocation; anything else is the prefix itself.
 */
export function prefixCode(text: string, from: number, length: number): number | string {
  let code = 1;
  for (let i = from; i < from + length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return text.slice(from, from + length);
    code = code * 0x80 + c;
  }
  return code;
}

export type RowKind = 'starts' | 'words';

/** Calls `visit` for each row of entry id's key (alias -1) or alias key: its start, or each word start after the first word. */
function eachRow(kind: RowKind, texts: TagTexts, id: number, alias: number, visit: (offset: number) => void): void {
  if (kind === 'starts') {
    visit(0);
    return;
  }
  const text = texts.pieceOf(id);
  const from = texts.startIn(id, alias);
  const end = texts.endIn(id, alias);
  for (let p = from + 1; p < end; p++) {
    if (isWordStart(text, p)) visit(p - from);
  }
}

/** Builds a table over the entries in `order` (most used first); yields at pause points. */
export function* buildRowTable(kind: RowKind, order: ArrayLike<number>, texts: TagTexts): Generator<void, RowTable> {
  let rows = 0;
  const count = (): void => void rows++;
  for (let i = 0; i < order.length; i++) {
    if (i % BUILD_STEP === 0) yield;
    const id = order[i]!;
    for (let a = -1; a < texts.aliasCount(id); a++) eachRow(kind, texts, id, a, count);
  }

  const ids = new Int32Array(rows);
  const alias = new Int32Array(rows);
  const offsets = new Int32Array(rows);
  let row = 0;
  for (let i = 0; i < order.length; i++) {
    if (i % BUILD_STEP === 0) yield;
    const id = order[i]!;
    for (let a = -1; a < texts.aliasCount(id); a++) {
      eachRow(kind, texts, id, a, (offset) => {
        ids[row] = id;
        alias[row] = a;
        offsets[row] = offset;
        row++;
      });
    }
  }

  // counting sort of (row, prefix) pairs into buckets: count, place, fill
  const bucketOf = new Map<number | string, number>();
  const sizes: number[] = [];
  const rowBucket = new Int32Array(rows * BUCKET_PREFIX).fill(-1);
  for (let r = 0; r < rows; r++) {
    if (r % BUILD_STEP === 0) yield;
    const id = ids[r]!;
    const from = texts.startIn(id, alias[r]!) + offsets[r]!;
    const longest = Math.min(BUCKET_PREFIX, texts.endIn(id, alias[r]!) - from);
    const text = texts.pieceOf(id);
    for (let n = 1; n <= longest; n++) {
      const code = prefixCode(text, from, n);
      let b = bucketOf.get(code);
      if (b === undefined) {
        b = sizes.length;
        bucketOf.set(code, b);
        sizes.push(0);
      }
      sizes[b]!++;
      rowBucket[r * BUCKET_PREFIX + n - 1] = b;
    }
  }
  yield;
  const bucketStart = new Int32Array(sizes.length + 1);
  for (let b = 0; b < sizes.length; b++) bucketStart[b + 1] = bucketStart[b]! + sizes[b]!;
  const fill = bucketStart.slice(0, sizes.length);
  const bucketRows = new Int32Array(bucketStart[sizes.length]!);
  for (let i = 0; i < rowBucket.length; i++) {
    if (i % (BUILD_STEP * BUCKET_PREFIX) === 0) yield;
    const b = rowBucket[i]!;
    if (b >= 0) bucketRows[fill[b]!++] = (i / BUCKET_PREFIX) | 0;
  }
  return { ids, alias, offsets, bucketOf, bucketStart, bucketRows };
}
