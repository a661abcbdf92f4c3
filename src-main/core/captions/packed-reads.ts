import { RowShape, type PackedRows } from '../perf/packed-rows';
import type { CaptionEncoding } from '../../../src-shared/contract/models';
import type { LineEnding } from './caption-codec';
import type { CaptionReadResult } from './read-caption-sync';

/**
 * Caption reads as columns (see RowShape), for the trip from a scan thread
 * that takes a share of a sync's reads to the index thread. As objects, each
 * read was a dozen values in four nested objects for the structured clone
 * to write on one side and read on the other, one by one, on two threads
 * that are busy already. The bytes are not kept (see readCaptionSync), so
 * nothing else crosses.
 *
 * A row: exists, fingerprint, size, mtimeMs, encoding, bom, lineEnding, text,
 * then the reason a file could not be read (the rest null).
 */
export type PackedReads = PackedRows;

const READ = new RowShape(9, [1, 4, 6, 7, 8], [4, 6]);

export function packReads(reads: readonly CaptionReadResult[]): PackedReads {
  return READ.pack(
    reads.map((read) => {
      if (!read.ok) return [null, null, null, null, null, null, null, null, read.reason];
      const { exists, fingerprint, size, mtimeMs, decoded } = read.snapshot;
      const { encoding, bom, lineEnding } = decoded.format;
      return [exists ? 1 : 0, fingerprint, size, mtimeMs, encoding, bom ? 1 : 0, lineEnding, decoded.text, null];
    }),
  );
}

export function unpackReads(packed: PackedReads): CaptionReadResult[] {
  return READ.unpack(packed, (row): CaptionReadResult => {
    if (row[8] !== null) return { ok: false, reason: row[8] as string };
    return {
      ok: true,
      snapshot: {
        exists: row[0] === 1,
        fingerprint: row[1] as string,
        size: row[2] as number,
        mtimeMs: row[3] as number,
        decoded: { text: row[7] as string, format: { encoding: row[4] as CaptionEncoding, bom: row[5] === 1, lineEnding: row[6] as LineEnding } },
        bytes: null,
      },
    };
  });
}
