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

/**
 * The state of a caption as the index has it. Its tags are parsed when first
 * read: a folder's list shows before its three million tags are parsed (their
 * counts come from the index thread, see SyncedPage), and the rest are parsed
 * as the filter index warms up, in the background. An own enumerable
 * property, so a spread of the state copies the parsed tags.
 */
export function stateFromRow(row: CaptionRow): CaptionState {
  const state = {
    text: row.text,
    tags: [] as string[],
    format: { encoding: row.encoding, bom: row.bom, lineEnding: row.lineEnding },
    exists: row.onDisk,
    fingerprint: row.fingerprint,
    size: row.size,
    mtimeMs: row.mtimeMs,
    revision: 0,
    conflict: null,
  };
  let tags: string[] | null = null;
  return Object.defineProperty(state, 'tags', {
    get: () => (tags ??= internAll(parseTags(row.text))),
    set: (value: string[]) => (tags = value),
    enumerable: true,
    configurable: true,
  });
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
