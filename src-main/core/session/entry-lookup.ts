import type { ImageEntry } from './image-entry';
import { findStemClashes } from './stem-clashes';

/** The ways a session finds its images, rebuilt whenever the list changes (a scan, a resync). */
export class EntryLookup {
  readonly byId = new Map<number, ImageEntry>();
  /** two images with one stem share a caption file: every change to it reaches both */
  readonly byCaption = new Map<string, ImageEntry[]>();
  /** per image, the other images with its stem */
  readonly stemPeers = new Map<number, string[]>();

  constructor(entries: readonly ImageEntry[]) {
    const byPath = new Map<string, ImageEntry>();
    for (const e of entries) {
      this.byId.set(e.row.id, e);
      byPath.set(e.row.relPath, e);
      const peers = this.byCaption.get(e.captionRel);
      if (peers) peers.push(e);
      else this.byCaption.set(e.captionRel, [e]);
    }
    for (const group of findStemClashes(byPath.keys())) {
      for (const rel of group) this.stemPeers.set(byPath.get(rel)!.row.id, group.filter((r) => r !== rel));
    }
  }
}
