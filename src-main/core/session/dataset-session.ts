import { join } from 'node:path';
import { IMAGE_LIST_PAGE, type ImageDetail, type ImageSummary, type SessionInfo, type SkippedFile, type TagCount } from '../../../src-shared/contract';
import { AppError } from '../app-error';
import { readCaptionFile, type CaptionSnapshot } from '../captions/caption-file';
import type { EventBus } from '../events/event-bus';
import { HistoryLog, type FileChange } from '../history/history-log';
import { inForeground } from '../perf/foreground';
import { mapSliced, timeSlicer } from '../perf/time-slicer';
import type { SessionStore } from '../store/session-store';
import { TagCounter } from '../vocabulary/tag-counter';
import { resolveConflict, setTags, setText } from './caption-edits';
import { rowFromState, stateFromSnapshot } from './caption-loader';
import { StatusTally } from './dataset-stats';
import { EntryLookup } from './entry-lookup';
import { FilterIndex } from './filter-index';
import { describe, statusOf, summarize, type ImageEntry } from './image-entry';
import { SerialQueue } from './serial-queue';
import { sessionInfo } from './session-info';
import { writeSettings, type SessionSettings } from './session-settings';
import { mergeTagChanges } from './tag-changes';
import { TagsFileKeeper } from './tags-file-keeper';

const RECENT_LIMIT = 20;

/** what the user changes from the editing toolbar (settings.set) */
export type EditableSettings = Partial<Pick<SessionSettings, 'triggerWord' | 'captionMode' | 'underscoresToSpaces'>>;

let listVersions = 0;

/**
 * One open dataset: the images in order, each caption as last read or
 * written, tag counts, position, the undo log. Every caption change (an edit,
 * a batch edit, an undo, a write by another program) is taken in through this
 * class, one file at a time; the edits themselves are in caption-edits,
 * batch-edit and undo-redo, each an undoable step run under `runStep`.
 */
export class DatasetSession {
  private entries: ImageEntry[] = [];
  /** unique across sessions: a page asked of one session is never taken for another's */
  private listVersion = ++listVersions;
  private lookup = EntryLookup.empty;
  private skipped: SkippedFile[] = [];
  /** subfolders and captions the last scan could not read: found again by every scan, never stored */
  private unreadable: SkippedFile[] = [];
  private readonly counter = new TagCounter();
  private readonly tally = new StatusTally();
  /** list replacements one at a time: each compares against the list before it */
  private listChange: Promise<void> = Promise.resolve();
  private readonly queue = new SerialQueue<string>();
  /** undoable steps (an edit, a batch, an undo) one at a time, so the history stays in the order things happened */
  private readonly steps = new SerialQueue<'step'>();
  readonly filterIndex = new FilterIndex();
  readonly history: HistoryLog;
  private readonly background = new Set<Promise<unknown>>();
  private readonly closeController = new AbortController();
  private readonly closers: (() => void)[] = [];
  readonly tagsFile: TagsFileKeeper;

  constructor(
    readonly datasetDir: string,
    readonly store: SessionStore,
    private settings: SessionSettings,
    private readonly bus: EventBus,
    private readonly resumedFrom: SessionInfo['resumedFrom'],
    knownTags: readonly string[],
  ) {
    this.tagsFile = new TagsFileKeeper(settings.mode === 'import' ? datasetDir : null, settings.separator, knownTags, () =>
      this.counter.list().map((t) => t.name),
    );
    this.history = new HistoryLog(store.index);
  }

  /**
   * Replace the image list: the first scan, a resync, files found unreadable.
   * Images that stay keep their live caption state (revisions, pending
   * conflicts). Built in time slices; only the swap at the end, with the
   * counts of the images that left, runs in one go, so no edit lands between
   * the counts and the list they describe.
   */
  setEntries(entries: ImageEntry[], skipped: SkippedFile[], signal?: AbortSignal): Promise<Set<string>> {
    const change = this.listChange.then(() => this.replaceEntries(entries, skipped, signal));
    this.listChange = change.then(() => undefined).catch(() => undefined);
    return change;
  }

  /**
   * The list changed while the folder is open (a resync, files found
   * unreadable): swap it, then tell the renderer everything that follows from
   * it. The one way a list change is announced: two copies of this drifted,
   * and an image copied in with its caption left the stats bar and the tag
   * panel behind.
   */
  async changeList(entries: ImageEntry[], skipped: SkippedFile[], signal?: AbortSignal): Promise<void> {
    const touchedTags = await this.setEntries(entries, skipped, signal);
    this.bus.emit('images.changed', { updated: [], reset: true });
    this.bus.emit('session.changed', { session: this.info() });
    this.bus.emit('stats.changed', this.tally.stats());
    if (touchedTags.size > 0) {
      this.bus.emit('tags.changed', { changes: [...touchedTags].map((name) => ({ name, count: this.counter.count(name) })) });
      this.tagsFile.schedule();
    }
  }

  /** swaps the list in; answers the tags of the images that came or went, whose counts changed */
  private async replaceEntries(entries: ImageEntry[], skipped: SkippedFile[], signal?: AbortSignal): Promise<Set<string>> {
    const lookup = await EntryLookup.build(entries, signal);
    // images new to the session are counted while slicing: no edit can reach them yet
    const slicer = timeSlicer(signal);
    const addedTags = new TagCounter();
    const addedTally = new StatusTally();
    for (const e of entries) {
      if (!this.lookup.byId.has(e.row.id)) {
        addedTags.addAll(e.caption.tags);
        addedTally.add(e);
      }
      if (slicer.due()) await slicer.pause();
    }
    for (const e of entries) {
      const live = this.lookup.byId.get(e.row.id);
      if (live && live !== e) {
        e.caption = live.caption;
        e.row.skip = live.row.skip;
      }
    }
    const touchedTags = new Set(addedTags.map.keys());
    for (const e of this.entries) {
      if (lookup.byId.has(e.row.id)) continue;
      this.counter.removeAll(e.caption.tags);
      this.tally.remove(e);
      for (const tag of e.caption.tags) touchedTags.add(tag);
    }
    this.counter.merge(addedTags);
    this.tally.merge(addedTally);
    this.entries = entries;
    this.lookup = lookup;
    this.skipped = skipped;
    this.filterIndex.reset(entries);
    this.listVersion = ++listVersions;
    return touchedTags;
  }

  /** what the last scan could not read (syncFolder's `unreadable`), listed with the skipped files; true if it changed */
  setUnreadable(files: SkippedFile[]): boolean {
    const changed = JSON.stringify(files) !== JSON.stringify(this.unreadable);
    this.unreadable = files;
    return changed;
  }

  /** aborted when the session closes: background jobs stop */
  get closing(): AbortSignal {
    return this.closeController.signal;
  }

  onClose(fn: () => void): void {
    this.closers.push(fn);
  }

  trackBackground(work: Promise<unknown>): void {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  /** resolves when background checks and queued writes are done (tests, the bench, export) */
  async whenIdle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
    await this.steps.idle();
    await this.queue.idle();
  }

  /** files found not to be readable images leave the list and join the skipped files */
  async dropInvalid(items: readonly { entry: ImageEntry; reason: string }[]): Promise<void> {
    const gone = new Set(items.map((i) => i.entry.row.id));
    await this.store.dropAsInvalid(
      [...gone],
      items.map(({ entry, reason }) => ({ relPath: entry.row.relPath, size: entry.row.size, mtimeMs: entry.row.mtimeMs, reason })),
    );
    const skipped = (await this.store.invalidFiles()).map((r) => ({ name: r.relPath, reason: r.reason }));
    await this.changeList(
      this.entries.filter((e) => !gone.has(e.row.id)),
      skipped,
      this.closing,
    );
  }

  allEntries(): readonly ImageEntry[] {
    return this.entries;
  }

  entry(id: number): ImageEntry {
    const e = this.lookup.byId.get(id);
    if (!e) throw new AppError('not-found', `No image with id ${id} in this dataset`);
    return e;
  }

  absolutePath(entry: ImageEntry): string {
    return join(this.datasetDir, entry.row.relPath);
  }

  info(): SessionInfo {
    const skipped = this.unreadable.length > 0 ? [...this.skipped, ...this.unreadable] : this.skipped;
    return sessionInfo(this.datasetDir, this.settings, this.entries, skipped, this.resumedFrom, {
      stats: this.tally.stats(),
      stemClashes: this.lookup.stemClashes,
    });
  }

  /** every image's summary, in order; made in time slices: at 100,000 images one pass held the loop for 100 ms */
  list(): Promise<ImageSummary[]> {
    return mapSliced(this.entries, summarize, this.closing);
  }

  /** the api's list, a page at a time (IMAGE_LIST_PAGE); `version` changes with every new list */
  listPage(offset: number, limit: number): { items: ImageSummary[]; total: number; version: number } {
    return { items: this.entries.slice(offset, offset + limit).map(summarize), total: this.entries.length, version: this.listVersion };
  }

  detail(id: number): ImageDetail {
    return describe(this.entry(id), this.lookup.stemPeers.get(id) ?? []);
  }

  async goto(id: number): Promise<number> {
    this.entry(id);
    this.settings = { ...this.settings, positionImageId: id };
    await writeSettings(this.store, { positionImageId: id });
    return this.entries.findIndex((e) => e.row.id === id);
  }

  async setPositionByIndex(index: number): Promise<void> {
    const e = this.entries[index];
    if (e) await this.goto(e.row.id);
  }

  tagList(): TagCount[] {
    const counted = this.counter.list();
    // tags from civitai-tagger's master list that no image carries any more stay listed, at 0
    const known = this.tagsFile.knownOnly(this.counter.map).map((name) => ({ name, count: 0 }));
    return [...counted, ...known];
  }

  tagCounts(): ReadonlyMap<string, number> {
    return this.counter.map;
  }

  recentTags(): Promise<string[]> {
    return this.store.recentTags(RECENT_LIMIT);
  }

  setTags(id: number, tags: readonly string[], revision: number): Promise<ImageDetail> {
    return setTags(this, id, tags, revision);
  }

  setText(id: number, text: string, revision: number): Promise<ImageDetail> {
    return setText(this, id, text, revision);
  }

  resolveConflict(id: number, keep: 'disk' | 'mine'): Promise<ImageDetail> {
    return resolveConflict(this, id, keep);
  }

  async setSkip(id: number, skip: boolean): Promise<ImageDetail> {
    const entry = this.entry(id);
    if (entry.row.skip !== skip) {
      this.tally.remove(entry);
      entry.row.skip = skip;
      this.tally.add(entry);
      await this.store.setSkip(id, skip);
      this.filterIndex.invalidate(id);
      this.announce([entry], []);
    }
    return this.detail(id);
  }

  /**
   * Undoable steps run one at a time: edits, batch edits, undo and redo never
   * interleave. The user waits for each: background indexing pauses meanwhile.
   */
  runStep<T>(work: () => Promise<T>): Promise<T> {
    return inForeground(() => this.steps.run('step', work));
  }

  /** Work on one caption file, in turn with edits and with changes picked up from disk. */
  withCaptionFile<T>(captionRel: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(captionRel, task);
  }

  /** the images whose caption is this file (two when images share a stem) */
  entriesOfCaption(captionRel: string): readonly ImageEntry[] {
    return this.lookup.byCaption.get(captionRel) ?? [];
  }

  settingsNow(): Readonly<SessionSettings> {
    return this.settings;
  }

  /** per-dataset settings; the renderer hears of it through session.changed */
  async updateSettings(patch: EditableSettings): Promise<SessionInfo> {
    this.settings = { ...this.settings, ...patch };
    await writeSettings(this.store, patch);
    const info = this.info();
    this.bus.emit('session.changed', { session: info });
    return info;
  }

  /**
   * A caption file now holds what we wrote or restored: every image sharing
   * it takes the snapshot. Returns the images that took it and the tag counts that moved.
   */
  takeWritten(captionRel: string, snapshot: CaptionSnapshot): { entries: readonly ImageEntry[]; tagChanges: TagCount[] } {
    const entries: ImageEntry[] = [];
    const lists: TagCount[][] = [];
    for (const entry of this.entriesOfCaption(captionRel)) {
      if (entry.caption.conflict) {
        // an image sharing the file with a choice pending keeps it, against the new disk text
        entry.caption.conflict.diskText = snapshot.decoded.text;
        this.announce([entry], [], 'disk');
        continue;
      }
      lists.push(this.takeDisk(entry, snapshot));
      entries.push(entry);
    }
    return { entries, tagChanges: mergeTagChanges(lists) };
  }

  /** a write was refused: keep the disk's text and the user's, and let the user choose */
  markConflict(entry: ImageEntry, diskText: string, mineText: string, tagChanges: TagCount[] = []): void {
    entry.caption.conflict = { diskText, mineText };
    this.announce([entry], tagChanges, 'disk');
  }

  /** a single-file step: recorded as it is written, and the renderer's Undo button told */
  async recordStep(label: string, change: FileChange): Promise<void> {
    const step = this.history.begin(label);
    await step.record(change);
    await step.finish();
    await this.historyChanged();
  }

  async historyChanged(): Promise<void> {
    this.bus.emit('history.changed', await this.history.state());
  }

  /** another program wrote (or removed) a caption file: take its version, or update a pending conflict */
  captionFileChanged(captionRel: string): Promise<void> {
    const affected = this.entriesOfCaption(captionRel);
    if (affected.length === 0) return Promise.resolve();
    return this.queue.run(captionRel, async () => {
      const disk = await readCaptionFile(join(this.datasetDir, captionRel)).catch(() => null);
      if (!disk) return;
      for (const entry of affected) {
        if (disk.fingerprint === entry.caption.fingerprint) continue; // our own write, seen again
        if (entry.caption.conflict) {
          entry.caption.conflict.diskText = disk.decoded.text;
          this.announce([entry], [], 'disk');
          continue;
        }
        this.announce([entry], this.takeDisk(entry, disk), 'disk');
      }
    });
  }

  /** one image takes the file as it is on disk; returns the tag counts that moved */
  takeDisk(entry: ImageEntry, snapshot: CaptionSnapshot): TagCount[] {
    const before = entry.caption.tags;
    this.adopt(entry, snapshot);
    return this.counter.update(before, entry.caption.tags);
  }

  private adopt(entry: ImageEntry, snapshot: CaptionSnapshot): void {
    this.tally.remove(entry);
    entry.caption = stateFromSnapshot(snapshot, entry.caption.revision + 1);
    this.tally.add(entry);
    // the index is a cache of the file, which is written already: should this be lost, the next sync reads the file again
    this.trackBackground(
      this.store.upsertCaptions([rowFromState(entry.row.id, entry.caption)]).catch((err: Error) => console.warn(`[session] ${err.message}`)),
    );
    this.filterIndex.invalidate(entry.row.id);
  }

  /**
   * Captions changed: one images.changed with every row and one tags.changed
   * with the combined counts, however many images (a batch, an undo), not an
   * event per image; caption.changed in full for a single image, or for the
   * image on screen among many.
   */
  /**
   * images.changed for these images: their rows, or for more than a page of
   * them "read the list again", which the renderer does a page at a time
   * (one event of 100,000 rows would be made and sent in one go).
   */
  announceRows(entries: readonly ImageEntry[]): void {
    if (entries.length === 0) return;
    this.bus.emit('images.changed', entries.length > IMAGE_LIST_PAGE ? { updated: [], reset: true } : { updated: entries.map(summarize), reset: false });
  }

  announce(entries: readonly ImageEntry[], tagChanges: TagCount[], source: 'app' | 'disk' = 'app'): void {
    if (entries.length === 0) return;
    const position = this.settings.positionImageId;
    for (const e of entries) {
      if (entries.length === 1 || e.row.id === position) {
        this.bus.emit('caption.changed', { source, image: this.detail(e.row.id) });
      }
    }
    this.announceRows(entries);
    this.bus.emit('stats.changed', this.tally.stats());
    if (tagChanges.length) {
      this.bus.emit('tags.changed', { changes: tagChanges });
      this.tagsFile.schedule();
    }
  }

  /** every write so far is on disk, and tags.txt is up to date */
  async flush(): Promise<{ captions: number; tagsFile: string }> {
    await this.steps.idle();
    await this.queue.idle();
    const path = await this.tagsFile.writeNow();
    return { captions: await this.captionCount(), tagsFile: path ?? '' };
  }

  /** images with a caption, on disk or to come: counted in slices (statusOf trims each caption; 80 ms at 100,000) */
  private async captionCount(): Promise<number> {
    const slicer = timeSlicer();
    let n = 0;
    for (const e of this.entries) {
      if (e.caption.exists || statusOf(e) !== 'todo') n++;
      if (slicer.due()) await slicer.pause();
    }
    return n;
  }

  async close(): Promise<void> {
    this.closeController.abort();
    for (const fn of this.closers.splice(0)) fn();
    await Promise.allSettled([...this.background]);
    await this.flush();
    this.tagsFile.dispose();
    await this.store.close();
  }
}

