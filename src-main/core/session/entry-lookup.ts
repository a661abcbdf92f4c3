import { ShardedMap } from '../perf/sharded-map';
import { timeSlicer } from '../perf/time-slicer';
import { captionPathFor } from '../scan/image-extensions';
import type { ImageEntry } from './image-entry';

/**
 * The ways a session finds its images, rebuilt whenever the list changes (a
 * scan, a resync). Built in time slices: at 100,000 images one pass holds the
 * event loop for a quarter of a second.
 */
export class EntryLookup {
  readonly byId = new ShardedMap<number, ImageEntry>();
  /** two images with one stem share a caption file: every change to it reaches both */
  readonly byCaption = new ShardedMap<string, ImageEntry[]>();
  /** per image, the other images with its stem */
  readonly stemPeers = new ShardedMap<number, string[]>();
  /**
   * `a.png` and `a.jpg` in one folder share `a.txt` in every trainer, so one
   * of them would train on the other's caption: each group of such names.
   */
  readonly stemClashes: string[][] = [];

  static readonly empty = new EntryLookup();

  private constructor() {}

  static async build(entries: readonly ImageEntry[], signal?: AbortSignal): Promise<EntryLookup> {
    const lookup = new EntryLookup();
    const slicer = timeSlicer(signal);
    // sharded maps (a Map doubles its table in one step: 40 ms at 131,072 entries), one per pass
    for (const e of entries) {
      lookup.byId.set(e.row.id, e);
      if (slicer.due()) await slicer.pause();
    }
    for (const e of entries) {
      const peers = lookup.byCaption.get(e.captionRel);
      if (peers) peers.push(e);
      else lookup.byCaption.set(e.captionRel, [e]);
      if (slicer.due()) await slicer.pause();
    }
    // stems compared without case: a.PNG and a.jpg clash on file systems that ignore it
    const byStem = new ShardedMap<string, ImageEntry[]>();
    for (const e of entries) {
      const key = captionPathFor(e.row.relPath).toLowerCase();
      const group = byStem.get(key);
      if (group) group.push(e);
      else byStem.set(key, [e]);
      if (slicer.due()) await slicer.pause();
    }
    for (const group of byStem.values()) {
      if (slicer.due()) await slicer.pause();
      if (group.length < 2) continue;
      const names = group.map((e) => e.row.relPath);
      lookup.stemClashes.push(names);
      for (const e of group) lookup.stemPeers.set(e.row.id, names.filter((r) => r !== e.row.relPath));
    }
    return lookup;
  }
}
