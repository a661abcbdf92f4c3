import type { ImageDetail, ImageSummary, SkippedFile, Stats, TagCount } from '../../../src-shared/contract';
import { AppError } from '../app-error';
import type { QueryError } from '../query';
import type { CaptionSnapshot } from '../captions/caption-file';
import type { FileFacts } from '../scan/scan-protocol';
import { forEachSliced, mapSliced } from '../perf/time-slicer';
import type { SessionStore } from '../store/session-store';
import { intern } from '../vocabulary/intern';
import { TagCounter } from '../vocabulary/tag-counter';
import { rowFromState, stateFromSnapshot } from './caption-loader';
import { changeOf, noChange, type CaptionSource, type ChangeSet } from './change-set';
import { StatusTally } from './dataset-stats';
import { EntryLookup } from './entry-lookup';
import { describe, summarize, type CaptionState, type ImageEntry } from './image-entry';
import { mergeTagChanges } from './tag-changes';

let listVersions = 0;

/** images the filter's index takes per request as it warms: a few milliseconds of the index thread's time */
const FILTER_WARM_ROWS = 2000;

export type FilterOutcome = { ok: true; entries: ImageEntry[] } | { ok: false; error: QueryError };

/**
 * The images of one open dataset as main holds them: the list in order,
 * each caption as last read or written, the tag counts and the status
 * tally. The only thing that changes entries and counts; every change
 * returns a ChangeSet for the announcer, so the events always follow.
 */
export class DatasetIndex {
  private entries: ImageEntry[] = [];
  /** unique across sessions: a page asked of one session is never taken for another's */
  private listVersion = ++listVersions;
  private lookup = EntryLookup.empty;
  private skipped: SkippedFile[] = [];
  /** originals the open's import could not take (a link out, a pipe): found again by every import, never stored */
  private notImported: SkippedFile[] = [];
  /** subfolders and captions the last scan could not read: found again by every scan, never stored */
  private unreadable: SkippedFile[] = [];
  private readonly counter = new TagCounter();
  private readonly tally = new StatusTally();
  /** list replacements one at a time: each compares against the list before it */
  private listChange: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: SessionStore,
    /** writes to session.sqlite the session waits for on close */
    private readonly track: (work: Promise<unknown>) => void,
  ) {}

  all(): readonly ImageEntry[] {
    return this.entries;
  }

  entry(id: number): ImageEntry {
    const e = this.lookup.byId(id);
    if (!e) throw new AppError('not-found', `No image with id ${id} in this dataset`);
    return e;
  }

  /** the image with this id, if it is still listed */
  find(id: number): ImageEntry | undefined {
    return this.lookup.byId(id);
  }

  /** the images whose caption is this file (two when images share a stem) */
  ofCaption(captionRel: string): readonly ImageEntry[] {
    return this.lookup.ofCaption(captionRel);
  }

  describe(entry: ImageEntry): ImageDetail {
    return describe(entry, this.lookup.stemPeers.get(entry.row.id) ?? []);
  }

  page(offset: number, limit: number): { items: ImageSummary[]; total: number; version: number } {
    return { items: this.entries.slice(offset, offset + limit).map(summarize), total: this.entries.length, version: this.listVersion };
  }

  /**
   * The images a query matches, in the list's order, or the query's error:
   * asked of the filter's index on the index thread (see store/filter-index),
   * which has every caption main has taken, as each is sent there as it is
   * taken. An image the thread lists and main does not yet (a sync main has
   * not taken) is left out.
   */
  async filter(query: string, signal?: AbortSignal): Promise<FilterOutcome> {
    const answer = await this.store.filterImages(query);
    signal?.throwIfAborted();
    if (!answer.ok) return answer;
    const lookup = this.lookup;
    const entries: ImageEntry[] = [];
    await forEachSliced(
      answer.ids,
      (id) => {
        const e = lookup.byId(id);
        if (e) entries.push(e);
      },
      signal,
    );
    return { ok: true, entries };
  }

  /**
   * The filter's index made ahead of the first query, a request at a time, so
   * that edits and pages go between. It never fails: a query indexes
   * whatever this did not, so a failure is only logged.
   */
  async warmFilter(stillWanted: () => boolean): Promise<void> {
    try {
      let done = false;
      while (!done && stillWanted()) done = await this.store.warmFilter(FILTER_WARM_ROWS);
    } catch (err) {
      console.warn(`[session] the filter's index was not made ahead: ${(err as Error).message}`);
    }
  }

  stats(): Stats {
    return this.tally.stats();
  }

  tagCounts(): ReadonlyMap<string, number> {
    return this.counter.map;
  }

  /** most used first */
  tagList(): TagCount[] {
    return this.counter.list();
  }

  skippedFiles(): SkippedFile[] {
    return this.notImported.length + this.unreadable.length > 0 ? [...this.skipped, ...this.notImported, ...this.unreadable] : this.skipped;
  }

  stemClashes(): string[][] {
    return this.lookup.stemClashes;
  }

  /**
   * Replace the image list: the first scan, a resync, files found unreadable.
   * Images that stay (the same id: ids are never given twice, see migration
   * 009) keep their live caption state (revisions, pending conflicts) and
   * skip mark. Built in time slices; only the swap at the end, with the
   * counts of the images that left, runs in one go, so no edit lands between
   * the counts and the list they describe. What a sync built of `entries` as
   * they came (see SyncResult) is taken: their `lookup`, and `counted`, the
   * tags of all of them, when the list is the first.
   */
  replace(entries: ImageEntry[], skipped: SkippedFile[], signal?: AbortSignal, built: { counted?: TagCounter; lookup?: EntryLookup } = {}): Promise<ChangeSet> {
    const change = this.listChange.then(() => this.swap(entries, skipped, signal, built));
    this.listChange = change.catch(() => undefined);
    return change;
  }

  private async swap(entries: ImageEntry[], skipped: SkippedFile[], signal: AbortSignal | undefined, built: { counted?: TagCounter; lookup?: EntryLookup }): Promise<ChangeSet> {
    const { counted } = built;
    const lookup = built.lookup ?? (await EntryLookup.build(entries, signal));
    // images new to the session are counted while slicing: no edit can reach them yet; into an empty
    // list, every image is new, and tags counted already need not be parsed here
    const first = counted !== undefined && this.entries.length === 0;
    const addedTags = first ? counted : new TagCounter();
    const addedTally = new StatusTally();
    await forEachSliced(
      entries,
      (e) => {
        if (this.lookup.byId(e.row.id) !== undefined) return;
        if (!first) addedTags.addAll(e.caption.tags);
        addedTally.add(e);
      },
      signal,
    );
    for (const e of entries) {
      const live = this.lookup.byId(e.row.id);
      if (live && live !== e) {
        e.caption = live.caption;
        e.row.skip = live.row.skip;
      }
    }
    const touched = new Set(addedTags.map.keys());
    for (const e of this.entries) {
      if (lookup.byId(e.row.id) !== undefined) continue;
      this.counter.removeAll(e.caption.tags);
      this.tally.remove(e);
      for (const tag of e.caption.tags) touched.add(tag);
    }
    this.counter.merge(addedTags);
    this.tally.merge(addedTally);
    this.entries = entries;
    this.lookup = lookup;
    this.skipped = skipped;
    this.listVersion = ++listVersions;
    return changeOf({ list: true, info: true, tags: [...touched].map((name) => ({ name, count: this.counter.count(name) })) });
  }

  /** what the open's import could not take (ImportOutcome's `unreadable`), listed with the skipped files until the next open */
  setNotImported(files: SkippedFile[]): void {
    this.notImported = files;
  }

  /** what the last scan could not read (syncFolder's `unreadable`), listed with the skipped files */
  setUnreadable(files: SkippedFile[]): ChangeSet {
    const changed = JSON.stringify(files) !== JSON.stringify(this.unreadable);
    this.unreadable = files;
    return changed ? changeOf({ info: true }) : noChange;
  }

  /**
   * files found not to be readable images leave the list and join the skipped
   * files, with the size and mtime the check found (`file`) if it could open
   * them: a sync passes them over while those stay the same
   */
  async dropInvalid(items: readonly { entry: ImageEntry; reason: string; file: FileFacts | null }[], signal?: AbortSignal): Promise<ChangeSet> {
    const gone = new Set(items.map((i) => i.entry.row.id));
    await this.store.dropAsInvalid(
      [...gone],
      items.map(({ entry, reason, file }) => ({ relPath: entry.row.relPath, size: entry.row.size, mtimeMs: entry.row.mtimeMs, ...file, reason })),
    );
    const skipped = (await this.store.invalidFiles()).map((r) => ({ name: r.relPath, reason: r.reason }));
    return this.replace(
      this.entries.filter((e) => !gone.has(e.row.id)),
      skipped,
      signal,
    );
  }

  /** header checks done: the images' sizes and formats, and their files' sizes and mtimes, already stored */
  async setProbed(probed: readonly { entry: ImageEntry; width: number; height: number; format: string; file: FileFacts }[], signal?: AbortSignal): Promise<ChangeSet> {
    const rows = await mapSliced(
      probed,
      ({ entry, width, height, format, file }) => {
        // one copy of each format: each check's answer crossed from its thread with a string of its own
        Object.assign(entry.row, { width, height, format: intern(format), size: file.size, mtimeMs: file.mtimeMs, probed: true });
        return entry;
      },
      signal,
    );
    return changeOf({ rows });
  }

  /** image files another program changed (size, mtime): their headers are to be checked again */
  filesChanged(files: readonly { entry: ImageEntry; size: number; mtimeMs: number }[]): ChangeSet {
    for (const { entry, size, mtimeMs } of files) Object.assign(entry.row, { size, mtimeMs, probed: false, fingerprint: null });
    return changeOf({ rows: files.map((f) => f.entry) });
  }

  /**
   * Caption files a sync found not to be readable take the state it gave them
   * (empty, with the reason): shown empty, never written over, and named by
   * the export's check.
   */
  takeUnreadable(items: readonly { entry: ImageEntry; state: CaptionState }[]): ChangeSet {
    const lists = items.map(({ entry, state }) => {
      state.revision = entry.caption.revision + 1;
      return this.setCaption(entry, state);
    });
    return changeOf({ rows: items.map((i) => i.entry), captions: items.map(({ entry }) => ({ entry, source: 'disk' as const })), tags: mergeTagChanges(lists) });
  }

  async setSkip(id: number, skip: boolean): Promise<ChangeSet> {
    const entry = this.entry(id);
    if (entry.row.skip === skip) return noChange;
    this.tally.remove(entry);
    entry.row.skip = skip;
    this.tally.add(entry);
    await this.store.setSkip(id, skip);
    return changeOf({ rows: [entry], captions: [{ entry, source: 'app' }] });
  }

  /** one image takes the file as it is on disk: another program changed it, or the user chose the disk's side of a conflict */
  takeDisk(entry: ImageEntry, snapshot: CaptionSnapshot, source: CaptionSource): ChangeSet {
    return changeOf({ rows: [entry], captions: [{ entry, source }], tags: this.adopt(entry, snapshot) });
  }

  /**
   * A caption file now holds what we wrote or restored: every image sharing
   * it takes the snapshot, except one with a choice pending, which keeps it
   * against the new disk text. `taken` are the images that took it.
   */
  takeWritten(captionRel: string, snapshot: CaptionSnapshot): { taken: ImageEntry[]; change: ChangeSet } {
    const taken: ImageEntry[] = [];
    const pending: ImageEntry[] = [];
    const lists: TagCount[][] = [];
    for (const entry of this.ofCaption(captionRel)) {
      if (entry.caption.conflict) {
        entry.caption.conflict.diskText = snapshot.decoded.text;
        pending.push(entry);
        continue;
      }
      lists.push(this.adopt(entry, snapshot));
      taken.push(entry);
    }
    const change = changeOf({
      rows: [...taken, ...pending],
      captions: [...taken.map((entry) => ({ entry, source: 'app' as const })), ...pending.map((entry) => ({ entry, source: 'disk' as const }))],
      tags: mergeTagChanges(lists),
    });
    return { taken, change };
  }

  /** a write was refused: keep the disk's text and the user's, and let the user choose */
  markConflict(entry: ImageEntry, diskText: string, mineText: string): ChangeSet {
    entry.caption.conflict = { diskText, mineText };
    return changeOf({ rows: [entry], captions: [{ entry, source: 'disk' }] });
  }

  /** a caption with a choice pending saw the file change again */
  updateConflict(entry: ImageEntry, diskText: string): ChangeSet {
    if (!entry.caption.conflict) return noChange;
    entry.caption.conflict.diskText = diskText;
    return changeOf({ rows: [entry], captions: [{ entry, source: 'disk' }] });
  }

  /** one image takes the snapshot; returns the tag counts that moved */
  private adopt(entry: ImageEntry, snapshot: CaptionSnapshot): TagCount[] {
    const moved = this.setCaption(entry, stateFromSnapshot(snapshot, entry.caption.revision + 1));
    // the index is a cache of the file, which is written already: should this be lost, the next sync reads the file again
    this.track(this.store.upsertCaptions([rowFromState(entry.row.id, entry.caption)]).catch((err: Error) => console.warn(`[session] ${err.message}`)));
    return moved;
  }

  /** one image's caption state is replaced: the tally and the tag counts follow; returns the counts that moved */
  private setCaption(entry: ImageEntry, caption: CaptionState): TagCount[] {
    const before = entry.caption.tags;
    this.tally.remove(entry);
    entry.caption = caption;
    this.tally.add(entry);
    return this.counter.update(before, entry.caption.tags);
  }
}
