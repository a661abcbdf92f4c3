import { join } from 'node:path';
import { readCaptionFile, type CaptionSnapshot } from '../captions/caption-file';
import { parseTags } from '../../../src-shared/tag-text';
import type { CaptionRow } from '../store/session-store';
import { internAll } from '../vocabulary/intern';
import type { CaptionState } from './image-entry';

const READ_CONCURRENCY = 32;

export function stateFromSnapshot(s: CaptionSnapshot, revision: number): CaptionState {
  return {
    text: s.decoded.text,
    tags: internAll(parseTags(s.decoded.text)),
    format: s.decoded.format,
    exists: s.exists,
    fingerprint: s.fingerprint,
    size: s.size,
    mtimeMs: s.mtimeMs,
    revision,
    conflict: null,
  };
}

export function stateFromRow(row: CaptionRow): CaptionState {
  return {
    text: row.text,
    tags: internAll(parseTags(row.text)),
    format: { encoding: row.encoding, bom: row.bom, lineEnding: row.lineEnding },
    exists: row.onDisk,
    fingerprint: row.fingerprint,
    size: row.size,
    mtimeMs: row.mtimeMs,
    revision: 0,
    conflict: null,
  };
}

export function rowFromState(imageId: number, c: CaptionState): CaptionRow {
  return {
    imageId,
    onDisk: c.exists,
    fingerprint: c.fingerprint,
    size: c.size,
    mtimeMs: c.mtimeMs,
    encoding: c.format.encoding,
    bom: c.format.bom,
    lineEnding: c.format.lineEnding,
    text: c.text,
  };
}

/** Read many caption files, a bounded number at a time; results in input order. */
export async function readCaptions(
  datasetDir: string,
  captionRels: readonly string[],
  options: { signal?: AbortSignal; onProgress?: (done: number) => void } = {},
): Promise<CaptionSnapshot[]> {
  const out: CaptionSnapshot[] = new Array(captionRels.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < captionRels.length) {
      options.signal?.throwIfAborted();
      const i = next++;
      out[i] = await readCaptionFile(join(datasetDir, captionRels[i]!));
      options.onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, captionRels.length) }, worker));
  return out;
}
