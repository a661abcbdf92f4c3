import type { TagCount } from '../../../src-shared/contract';
import type { ImageEntry } from './image-entry';
import { mergeTagChanges } from './tag-changes';

/** who changed a caption: the app (an edit, a batch, an undo) or another program */
export type CaptionSource = 'app' | 'disk';

/**
 * What one change to the dataset index did, as the announcer needs it to
 * tell the renderer. Every method of DatasetIndex that changes entries or
 * counts returns one; nothing else changes them, so nothing else has to
 * remember which events follow from what.
 */
export interface ChangeSet {
  /** the list itself was replaced (a scan, a resync, files dropped): the renderer reads it again */
  readonly list: boolean;
  /** the session's summary changed beyond the list (skipped files, settings) */
  readonly info: boolean;
  /** images whose row changed: caption, status, size, a conflict */
  readonly rows: readonly ImageEntry[];
  /** images whose caption changed, and by whom: an editor showing one is told in full */
  readonly captions: readonly { readonly entry: ImageEntry; readonly source: CaptionSource }[];
  /** tag counts that moved, as they are now */
  readonly tags: readonly TagCount[];
}

export const noChange: ChangeSet = { list: false, info: false, rows: [], captions: [], tags: [] };

export function changeOf(parts: Partial<ChangeSet>): ChangeSet {
  return { ...noChange, ...parts };
}

/**
 * Gathers the change sets of a step that touches many files (a batch, an
 * undo) into one, so the renderer hears one images.changed and one
 * tags.changed however many images moved.
 */
export class ChangeCollector {
  private list = false;
  private info = false;
  private readonly rows = new Set<ImageEntry>();
  private readonly captions = new Map<ImageEntry, CaptionSource>();
  private readonly tagLists: (readonly TagCount[])[] = [];

  add(change: ChangeSet): void {
    this.list ||= change.list;
    this.info ||= change.info;
    for (const e of change.rows) this.rows.add(e);
    for (const { entry, source } of change.captions) this.captions.set(entry, source);
    if (change.tags.length > 0) this.tagLists.push(change.tags);
  }

  result(): ChangeSet {
    return {
      list: this.list,
      info: this.info,
      rows: [...this.rows],
      captions: [...this.captions].map(([entry, source]) => ({ entry, source })),
      tags: this.tagLists.length === 0 ? [] : mergeTagChanges(this.tagLists),
    };
  }
}
