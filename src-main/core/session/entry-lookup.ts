import { forEachSliced } from '../perf/time-slicer';
import type { ImageEntry } from './image-entry';

/**
 * The ways a session finds its images, rebuilt whenever the list changes (a
 * scan, a resync), in slices: each pass walks every image. A list that
 * arrives a page at a time is added to as it comes (start, add, finish), in
 * the turns main would otherwise spend waiting for the next page.
 */
export class EntryLookup {
  /**
   * Each image at its id: ids are SQLite's, small and dense, so an array
   * holds them by index, with no hashing and no table to grow as a Map has.
   */
  private readonly ids: (ImageEntry | undefined)[] = [];
  /**
   * Images by caption file, compared without case: one image, or the images
   * whose stems clash. Almost every image has a stem of its own, so it is
   * kept without an array around it: an array per image would be one more
   * object per image for main's collector to keep and trace.
   */
  private readonly byStem = new Map<string, ImageEntry | ImageEntry[]>();
  /** per image, the other images with its stem */
  readonly stemPeers = new Map<number, string[]>();
  /**
   * `a.png` and `a.jpg` in one folder share `a.txt` in every trainer, so one
   * of them would train on the other's caption: each group of such names.
   */
  readonly stemClashes: string[][] = [];

  static readonly empty = new EntryLookup();

  private constructor() {}

  byId(id: number): ImageEntry | undefined {
    return Number.isSafeInteger(id) && id >= 0 ? this.ids[id] : undefined;
  }

  /** the images whose caption is this file (two when images share a stem) */
  ofCaption(captionRel: string): ImageEntry[] {
    const found = this.byStem.get(stemKey(captionRel));
    if (found === undefined) return [];
    if (!Array.isArray(found)) return found.captionRel === captionRel ? [found] : [];
    return found.filter((e) => e.captionRel === captionRel);
  }

  static async build(entries: readonly ImageEntry[], signal?: AbortSignal): Promise<EntryLookup> {
    const lookup = EntryLookup.start();
    await forEachSliced(entries, (e) => lookup.add(e), signal);
    return lookup.finish(signal);
  }

  /** an empty lookup to add a list's images to, in order, then finish */
  static start(): EntryLookup {
    return new EntryLookup();
  }

  add(e: ImageEntry): void {
    this.ids[e.row.id] = e;
    const key = stemKey(e.captionRel);
    const found = this.byStem.get(key);
    if (found === undefined) this.byStem.set(key, e);
    else if (Array.isArray(found)) found.push(e);
    else this.byStem.set(key, [found, e]);
  }

  /** every image added: the stems they share are found */
  async finish(signal?: AbortSignal): Promise<EntryLookup> {
    await forEachSliced(
      this.byStem.values(),
      (group) => {
        if (!Array.isArray(group)) return;
        const names = group.map((e) => e.row.relPath);
        this.stemClashes.push(names);
        for (const e of group) this.stemPeers.set(e.row.id, names.filter((r) => r !== e.row.relPath));
      },
      signal,
    );
    return this;
  }
}

/** stems compared without case: a.PNG and a.jpg clash on file systems that ignore it (the caption's name is the stem's) */
const stemKey = (captionRel: string): string => captionRel.toLowerCase();
