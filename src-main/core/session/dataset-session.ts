import { join } from 'node:path';
import { setImmediate } from 'node:timers';
import type { ImageDetail, ImageSummary, SessionInfo, TagCount } from '../../../src-shared/contract';
import type { EventBus } from '../events/event-bus';
import { HistoryLog } from '../history/history-log';
import { forEachSliced, mapSliced } from '../perf/time-slicer';
import type { SessionStore } from '../store/session-store';
import { CaptionEditor } from './caption-editor';
import { resolveConflict, setTags, setText } from './caption-edits';
import { ChangeAnnouncer } from './change-announcer';
import type { ChangeSet } from './change-set';
import { DatasetIndex } from './dataset-index';
import { statusOf, summarize, type ImageEntry } from './image-entry';
import { sessionInfo } from './session-info';
import { writeSettings, type SessionSettings } from './session-settings';
import { TagsFileKeeper } from './tags-file-keeper';

const RECENT_LIMIT = 20;

/** what the user changes from the editing toolbar (settings.set) */
export type EditableSettings = Partial<Pick<SessionSettings, 'triggerWord' | 'captionMode' | 'underscoresToSpaces'>>;

/**
 * One open dataset, made of three pieces: the index (the images in order,
 * their captions and counts: the only thing that changes them), the editor
 * (caption writes in turn, and the undo history) and the announcer (every
 * change the index makes, as the renderer's events). This class wires them
 * and answers the api: the list, an image, the settings, position, close.
 */
export class DatasetSession {
  readonly index: DatasetIndex;
  readonly editor: CaptionEditor;
  private readonly announcer: ChangeAnnouncer;
  private readonly background = new Set<Promise<unknown>>();
  private readonly closeController = new AbortController();
  private readonly closers: (() => void)[] = [];
  private readonly whenShown: (() => void)[] = [];
  /** what steps over many captions wait for before they plan (see runStep) */
  private inLine: Promise<unknown> = Promise.resolve();
  private readonly tagsFile: TagsFileKeeper;

  constructor(
    readonly datasetDir: string,
    readonly store: SessionStore,
    private settings: SessionSettings,
    bus: EventBus,
    private readonly resumedFrom: SessionInfo['resumedFrom'],
    knownTags: readonly string[],
  ) {
    this.index = new DatasetIndex(store, (work) => this.trackBackground(work));
    this.tagsFile = new TagsFileKeeper(settings.mode === 'import' ? datasetDir : null, settings.separator, knownTags, () =>
      this.index.tagList().map((t) => t.name),
    );
    this.announcer = new ChangeAnnouncer(bus, this.index, this.tagsFile, {
      info: () => this.info(),
      positionId: () => this.settings.positionImageId,
    });
    this.editor = new CaptionEditor(datasetDir, this.index, new HistoryLog(store.index), this.announcer);
  }

  /** tells the renderer what a change to the index did */
  announce(change: ChangeSet): void {
    this.announcer.announce(change);
  }

  get history(): HistoryLog {
    return this.editor.history;
  }

  /** aborted when the session closes: background jobs stop */
  get closing(): AbortSignal {
    return this.closeController.signal;
  }

  /** work that waits until the person has the folder on screen (a reopen's check of the folder): see shown */
  afterShown(fn: () => void): void {
    this.whenShown.push(fn);
  }

  /**
   * The open has returned this session to the renderer: work waiting for it
   * starts, behind the renderer's first requests, in a turn of its own, so
   * that the open's answer goes out before the first slice of that work.
   */
  shown(): void {
    const waiting = this.whenShown.splice(0);
    if (waiting.length === 0) return;
    const started = new Promise<void>((resolve) =>
      setImmediate(() => {
        if (!this.closing.aborted) for (const fn of waiting) fn();
        resolve();
      }),
    );
    this.trackBackground(started);
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
    await this.editor.idle();
  }

  allEntries(): readonly ImageEntry[] {
    return this.index.all();
  }

  entry(id: number): ImageEntry {
    return this.index.entry(id);
  }

  absolutePath(entry: ImageEntry): string {
    return join(this.datasetDir, entry.row.relPath);
  }

  info(): SessionInfo {
    return sessionInfo(this.datasetDir, this.settings, this.index.all(), this.index.skippedFiles(), this.resumedFrom, {
      stats: this.index.stats(),
      stemClashes: this.index.stemClashes(),
    });
  }

  /** every image's summary, in order */
  list(): Promise<ImageSummary[]> {
    return mapSliced(this.index.all(), summarize, this.closing);
  }

  /** the api's list, a page at a time (IMAGE_LIST_PAGE); `version` changes with every new list */
  listPage(offset: number, limit: number): { items: ImageSummary[]; total: number; version: number } {
    return this.index.page(offset, limit);
  }

  detail(id: number): ImageDetail {
    return this.index.describe(this.index.entry(id));
  }

  async goto(id: number): Promise<number> {
    this.index.entry(id);
    this.settings = { ...this.settings, positionImageId: id };
    await writeSettings(this.store, { positionImageId: id });
    return this.index.all().findIndex((e) => e.row.id === id);
  }

  async setPositionByIndex(index: number): Promise<void> {
    const e = this.index.all()[index];
    if (e) await this.goto(e.row.id);
  }

  tagList(): TagCount[] {
    const counted = this.index.tagList();
    // tags from civitai-tagger's master list that no image carries any more stay listed, at 0
    const known = this.tagsFile.knownOnly(this.index.tagCounts()).map((name) => ({ name, count: 0 }));
    return [...counted, ...known];
  }

  tagCounts(): ReadonlyMap<string, number> {
    return this.index.tagCounts();
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
    this.announce(await this.index.setSkip(id, skip));
    return this.detail(id);
  }

  /**
   * Undoable steps over many captions (a batch, a model's tags, accepted
   * captions) run one at a time with every other edit, undo and redo, and
   * plan from the captions as main holds them: after a reopen, which shows
   * the index first, they wait until the check of the folder has brought
   * those in line. A single edit does not wait: its write is checked against
   * the file itself.
   */
  runStep<T>(work: () => Promise<T>): Promise<T> {
    return this.inLine.then(() => this.editor.runStep(work));
  }

  /** steps wait for `work` (a reopen's check of the folder), or for the session to close */
  stepsWaitFor(work: Promise<unknown>): void {
    const closed = new Promise<void>((resolve) => this.closing.addEventListener('abort', () => resolve(), { once: true }));
    this.inLine = Promise.race([work.catch(() => undefined), closed]);
  }

  settingsNow(): Readonly<SessionSettings> {
    return this.settings;
  }

  /** per-dataset settings; the renderer hears of it through session.changed */
  async updateSettings(patch: EditableSettings): Promise<SessionInfo> {
    this.settings = { ...this.settings, ...patch };
    await writeSettings(this.store, patch);
    return this.announcer.settingsChanged();
  }

  /** every write so far is on disk, and tags.txt is up to date */
  async flush(): Promise<{ captions: number; tagsFile: string }> {
    await this.editor.idle();
    const path = await this.tagsFile.writeNow();
    return { captions: await this.captionCount(), tagsFile: path ?? '' };
  }

  /** images with a caption, on disk or to come */
  private async captionCount(): Promise<number> {
    let n = 0;
    await forEachSliced(this.index.all(), (e) => {
      if (e.caption.exists || statusOf(e) !== 'todo') n++;
    });
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
