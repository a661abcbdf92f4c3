import type { Conflict, ImageDetail, ImageStatus, ImageSummary } from '../../../src-shared/contract';
import type { CaptionFormat } from '../captions/caption-codec';
import { imageStatus } from '../query';
import { SIZE_NOT_KNOWN } from '../scan/walk-folder';
import type { ImageRow } from '../store/index-database';
import { tagCountOf } from './caption-loader';

/** A caption as main holds it: the text, its tags view, and the file as last read or written. */
export interface CaptionState {
  text: string;
  tags: string[];
  format: CaptionFormat;
  exists: boolean;
  fingerprint: string;
  size: number;
  mtimeMs: number;
  revision: number;
  conflict: Conflict | null;
  /** the file is there and could not be read (why): the caption shows empty, and no write goes over the file */
  readError?: string;
}

export interface ImageEntry {
  row: ImageRow;
  /** relative path of the caption file beside the image */
  captionRel: string;
  caption: CaptionState;
}

export function statusOf(entry: ImageEntry): ImageStatus {
  return imageStatus(entry.row.skip, entry.caption.text);
}

export function summarize(entry: ImageEntry): ImageSummary {
  return {
    id: entry.row.id,
    name: entry.row.relPath,
    status: statusOf(entry),
    tagCount: tagCountOf(entry.caption),
    width: entry.row.width,
    height: entry.row.height,
    bytes: entry.row.size === SIZE_NOT_KNOWN ? null : entry.row.size,
    hasConflict: entry.caption.conflict !== null,
  };
}

export function describe(entry: ImageEntry, sharesStemWith: string[]): ImageDetail {
  const c = entry.caption;
  return {
    ...summarize(entry),
    format: entry.row.format,
    caption: {
      text: c.text,
      tags: c.tags,
      exists: c.exists,
      revision: c.revision,
      encoding: c.format.encoding,
      bom: c.format.bom,
      lineEnding: c.format.lineEnding,
    },
    conflict: c.conflict,
    sharesStemWith,
  };
}
