import { forEachSliced } from '../perf/time-slicer';
import { captionPathFor } from '../scan/image-extensions';
import type { ImageEntry } from './image-entry';

/**
 * The ways a session finds its images, rebuilt whenever the list changes (a
 * scan, a resync), in slices: each pass walks every image.
 */
export class EntryLookup {
  readonly byId = new Map<number, ImageEntry>();
  /** two images with one stem share a caption file: every change to it reaches both */
  readonly byCaption = new Map<string, ImageEntry[]>();
  /** per image, the other images with its stem */
  readonly stemPeers = new Map<number, string[]>();
  /**
   * `a.png` and `a.jpg` in one folder share `a.txt` in every trainer, so one
   * of them would train on the other's caption: each group of such names.
   */
  readonly stemClashes: string[][] = [];

  static readonly empty = new EntryLookup();

  private constructor() {}

  static async build(entries: readonly ImageEntry[], signal?: AbortSignal): Promise<EntryLookup> {
    const lookup = new EntryLookup();
    // one map per pass: a Map grows by copying its whole table in one step, and three growing in one step would add up
    await forEachSliced(entries, (e) => lookup.byId.set(e.row.id, e), signal);
    await forEachSliced(entries, (e) => addTo(lookup.byCaption, e.captionRel, e), signal);
    // stems compared without case: a.PNG and a.jpg clash on file systems that ignore it
    const byStem = new Map<string, ImageEntry[]>();
    await forEachSliced(entries, (e) => addTo(byStem, captionPathFor(e.row.relPath).toLowerCase(), e), signal);
    await forEachSliced(
      byStem.values(),
      (group) => {
        if (group.length < 2) return;
        const names = group.map((e) => e.row.relPath);
        lookup.stemClashes.push(names);
        for (const e of group) lookup.stemPeers.set(e.row.id, names.filter((r) => r !== e.row.relPath));
      },
      signal,
    );
    return lookup;
  }
}

function addTo(groups: Map<string, ImageEntry[]>, key: string, entry: ImageEntry): void {
  const group = groups.get(key);
  if (group) group.push(entry);
  else groups.set(key, [entry]);
}
