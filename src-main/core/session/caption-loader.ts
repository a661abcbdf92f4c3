import type { CaptionSnapshot } from '../captions/caption-file';
import { parseTags } from '../../../src-shared/tag-text';
import type { CaptionRow } from '../store/index-database';
import { internAll } from '../vocabulary/intern';
import type { CaptionState } from './image-entry';

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
