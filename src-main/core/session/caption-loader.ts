import type { Conflict } from '../../../src-shared/contract';
import type { CaptionFormat } from '../captions/caption-codec';
import type { CaptionSnapshot } from '../captions/caption-file';
import { countTags, parseTags } from '../../../src-shared/tag-text';
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
 * read, and kept: a folder's list shows before its three million tags are
 * parsed (their counts come from the index thread, see SyncedPage). The
 * list's tag counts count them and keep none (see tagCountOf): kept for
 * every image, they outweighed the rest of its state, and the
 * images a person edits, views or auto-tags are the ones asked again.
 * `readError`: the file could not be read; the state is empty and says why.
 */
export function stateFromRow(row: CaptionRow, readError?: string): CaptionState {
  return new IndexedCaption(row, readError);
}

/**
 * A class, not an object with an accessor of its own: a reopen makes
 * 100,000 of these in a row, and an own accessor per object made them
 * several times dearer to build and to collect. `tags` lives on the
 * prototype, so a spread would leave it behind: copy a state with toJSON.
 */
class IndexedCaption implements CaptionState {
  text: string;
  format: CaptionFormat;
  exists: boolean;
  fingerprint: string;
  size: number;
  mtimeMs: number;
  revision = 0;
  conflict: Conflict | null = null;
  declare readError?: string;
  #tags: string[] | null = null;

  constructor(row: CaptionRow, readError: string | undefined) {
    this.text = row.text;
    this.format = sharedFormat(row.encoding, row.bom, row.lineEnding);
    this.exists = row.onDisk;
    this.fingerprint = row.fingerprint;
    this.size = row.size;
    this.mtimeMs = row.mtimeMs;
    if (readError !== undefined) this.readError = readError;
  }

  get tags(): string[] {
    return (this.#tags ??= internAll(parseTags(this.text)));
  }

  set tags(tags: string[]) {
    this.#tags = tags;
  }

  tagCount(): number {
    return this.#tags?.length ?? countTags(this.text);
  }

  /** a plain copy, tags included */
  toJSON(): CaptionState {
    return { ...this, tags: this.tags };
  }
}

/** how many tags a caption has, likewise without keeping them */
export function tagCountOf(c: CaptionState): number {
  return c instanceof IndexedCaption ? c.tagCount() : c.tags.length;
}

/**
 * One frozen format object per kind of file (UTF-8 without BOM, LF…): a
 * reopen's 100,000 captions share a handful rather than keep one each. A
 * format is replaced, never changed in place.
 */
const formats: CaptionFormat[] = [];

function sharedFormat(encoding: CaptionFormat['encoding'], bom: boolean, lineEnding: CaptionFormat['lineEnding']): CaptionFormat {
  let format = formats.find((f) => f.encoding === encoding && f.bom === bom && f.lineEnding === lineEnding);
  if (!format) formats.push((format = Object.freeze({ encoding, bom, lineEnding })));
  return format;
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
