import { basename, join } from 'node:path';
import type { ImageDetail, ImageSummary, SessionInfo, SkippedFile, TagCount } from '../../../src-shared/contract';
import { AppError } from '../app-error';
import { readCaptionFile, writeCaptionFile, type CaptionSnapshot } from '../captions/caption-file';
import { findDuplicate, joinTags, normalizeTag } from '../../../src-shared/tag-text';
import type { EventBus } from '../events/event-bus';
import type { SessionStore } from '../store/session-store';
import { TagCounter } from '../vocabulary/tag-counter';
import { rowFromState, stateFromSnapshot } from './caption-loader';
import { computeStats } from './dataset-stats';
import { describe, statusOf, summarize, type ImageEntry } from './image-entry';
import { SerialQueue } from './serial-queue';
import { writeSettings, type SessionSettings } from './session-settings';
import { findStemClashes } from './stem-clashes';
import { TagsFileKeeper } from './tags-file-keeper';

const RECENT_LIMIT = 20;

/**
 * One open dataset: the images in order, each caption as last read or
 * written, tag counts, position. Every caption change, from an edit here or a
 * write by another program, goes through this class, one file at a time.
 */
export class DatasetSession {
  private entries: ImageEntry[] = [];
  private byId = new Map<number, ImageEntry>();
  private stemPeers = new Map<number, string[]>();
  private skipped: SkippedFile[] = [];
  private readonly counter = new TagCounter();
  private readonly queue = new SerialQueue<string>();
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
  }

  /** replace the image list (after a scan or a resync) */
  setEntries(entries: ImageEntry[], skipped: SkippedFile[]): void {
    this.entries = entries;
    this.byId = new Map(entries.map((e) => [e.row.id, e]));
    this.skipped = skipped;
    this.counter.clear();
    for (const e of entries) this.counter.addAll(e.caption.tags);
    this.stemPeers = new Map();
    const byPath = new Map(entries.map((e) => [e.row.relPath, e]));
    for (const group of findStemClashes(byPath.keys())) {
      for (const rel of group) this.stemPeers.set(byPath.get(rel)!.row.id, group.filter((r) => r !== rel));
    }
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
    await this.queue.idle();
  }

  /** files found not to be readable images leave the list and join the skipped files */
  dropInvalid(items: readonly { entry: ImageEntry; reason: string }[]): void {
    const gone = new Set(items.map((i) => i.entry.row.id));
    this.store.db.transaction(() => {
      this.store.deleteImages([...gone]);
      for (const { entry, reason } of items) {
        this.store.addInvalidFile({ relPath: entry.row.relPath, size: entry.row.size, mtimeMs: entry.row.mtimeMs, reason });
      }
    })();
    const skipped = this.store.invalidFiles().map((r) => ({ name: r.relPath, reason: r.reason }));
    const touchedTags = new Set(items.flatMap((i) => i.entry.caption.tags));
    this.setEntries(
      this.entries.filter((e) => !gone.has(e.row.id)),
      skipped,
    );
    this.bus.emit('images.changed', { updated: [], reset: true });
    this.bus.emit('session.changed', { session: this.info() });
    this.bus.emit('stats.changed', computeStats(this.entries));
    if (touchedTags.size) {
      this.bus.emit('tags.changed', { changes: [...touchedTags].map((name) => ({ name, count: this.counter.count(name) })) });
    }
  }

  allEntries(): readonly ImageEntry[] {
    return this.entries;
  }

  entry(id: number): ImageEntry {
    const e = this.byId.get(id);
    if (!e) throw new AppError('not-found', `No image with id ${id} in this dataset`);
    return e;
  }

  absolutePath(entry: ImageEntry): string {
    return join(this.datasetDir, entry.row.relPath);
  }

  info(): SessionInfo {
    const positionId = this.settings.positionImageId;
    const index = positionId === null ? -1 : this.entries.findIndex((e) => e.row.id === positionId);
    const first = this.entries[0];
    return {
      root: this.settings.root,
      datasetDir: this.datasetDir,
      name: basename(this.settings.root),
      mode: this.settings.mode,
      outputDir: this.settings.outputDir,
      prefix: this.settings.prefix,
      separator: this.settings.separator,
      captionMode: this.settings.captionMode,
      triggerWord: this.settings.triggerWord,
      position: index >= 0 ? { index, imageId: positionId } : { index: 0, imageId: first?.row.id ?? null },
      stats: computeStats(this.entries),
      skippedFiles: this.skipped,
      stemClashes: findStemClashes(this.entries.map((e) => e.row.relPath)),
      resumedFrom: this.resumedFrom,
    };
  }

  list(): ImageSummary[] {
    return this.entries.map(summarize);
  }

  detail(id: number): ImageDetail {
    return describe(this.entry(id), this.stemPeers.get(id) ?? []);
  }

  goto(id: number): number {
    this.entry(id);
    this.settings = { ...this.settings, positionImageId: id };
    writeSettings(this.store, { positionImageId: id });
    return this.entries.findIndex((e) => e.row.id === id);
  }

  setPositionByIndex(index: number): void {
    const e = this.entries[index];
    if (e) this.goto(e.row.id);
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

  recentTags(): string[] {
    return this.store.recentTags(RECENT_LIMIT);
  }

  async setTags(id: number, tags: readonly string[], revision: number): Promise<ImageDetail> {
    const cleaned = tags.map(normalizeTag).filter((t) => t !== '');
    const dup = findDuplicate(cleaned);
    if (dup !== null) throw new AppError('duplicate-tag', `“${dup}” is already on this image`, { tag: dup });
    return this.edit(id, joinTags(cleaned, this.settings.separator), revision);
  }

  async setText(id: number, text: string, revision: number): Promise<ImageDetail> {
    // a caption file is one line: trainers read the first line or join lines differently
    return this.edit(id, text.replace(/\s*[\r\n]+\s*/g, ' '), revision);
  }

  setSkip(id: number, skip: boolean): ImageDetail {
    const entry = this.entry(id);
    if (entry.row.skip !== skip) {
      entry.row.skip = skip;
      this.store.setSkip(id, skip);
      this.announce(entry, 'app', []);
    }
    return this.detail(id);
  }

  private edit(id: number, text: string, revision: number): Promise<ImageDetail> {
    const entry = this.entry(id);
    return this.queue.run(entry.captionRel, async () => {
      const c = entry.caption;
      if (c.conflict) {
        throw new AppError('conflict', 'This caption has a conflict to settle first', { image: this.detail(id) });
      }
      if (revision !== c.revision) {
        // the edit was made on a copy that is no longer current: keep both, let the user choose
        c.conflict = { diskText: c.text, mineText: text };
        this.announce(entry, 'disk', []);
        throw new AppError('conflict', 'This caption changed since it was loaded', { image: this.detail(id) });
      }
      if (text === c.text && (c.exists || text === '')) return this.detail(id); // never rewrite an unchanged file
      const outcome = await writeCaptionFile(join(this.datasetDir, entry.captionRel), text, {
        format: c.format,
        expectedFingerprint: c.fingerprint,
      });
      if (!outcome.ok) {
        c.conflict = { diskText: outcome.current.decoded.text, mineText: text };
        this.announce(entry, 'disk', []);
        throw new AppError('conflict', `${entry.captionRel} was changed by another program`, { image: this.detail(id) });
      }
      const before = c.tags;
      this.adopt(entry, outcome.snapshot);
      const added = entry.caption.tags.filter((t) => !before.includes(t));
      if (added.length) this.store.touchRecentTags(added);
      this.announce(entry, 'app', this.counter.update(before, entry.caption.tags));
      return this.detail(id);
    });
  }

  resolveConflict(id: number, keep: 'disk' | 'mine'): Promise<ImageDetail> {
    const entry = this.entry(id);
    return this.queue.run(entry.captionRel, async () => {
      const conflict = entry.caption.conflict;
      if (!conflict) return this.detail(id);
      const disk = await readCaptionFile(join(this.datasetDir, entry.captionRel));
      const before = entry.caption.tags;
      if (keep === 'mine') {
        const outcome = await writeCaptionFile(join(this.datasetDir, entry.captionRel), conflict.mineText, {
          format: disk.exists ? disk.decoded.format : entry.caption.format,
          expectedFingerprint: disk.fingerprint,
        });
        if (!outcome.ok) {
          conflict.diskText = outcome.current.decoded.text;
          throw new AppError('conflict', 'The file changed again; look at it once more', { image: this.detail(id) });
        }
        this.adopt(entry, outcome.snapshot);
      } else {
        this.adopt(entry, disk);
      }
      this.announce(entry, 'app', this.counter.update(before, entry.caption.tags));
      return this.detail(id);
    });
  }

  /** another program wrote (or removed) a caption file: take its version, or update a pending conflict */
  captionFileChanged(captionRel: string): Promise<void> {
    const affected = this.entries.filter((e) => e.captionRel === captionRel);
    if (affected.length === 0) return Promise.resolve();
    return this.queue.run(captionRel, async () => {
      const disk = await readCaptionFile(join(this.datasetDir, captionRel)).catch(() => null);
      if (!disk) return;
      for (const entry of affected) {
        if (disk.fingerprint === entry.caption.fingerprint) continue; // our own write, seen again
        if (entry.caption.conflict) {
          entry.caption.conflict.diskText = disk.decoded.text;
          this.announce(entry, 'disk', []);
          continue;
        }
        const before = entry.caption.tags;
        this.adopt(entry, disk);
        this.announce(entry, 'disk', this.counter.update(before, entry.caption.tags));
      }
    });
  }

  private adopt(entry: ImageEntry, snapshot: CaptionSnapshot): void {
    entry.caption = stateFromSnapshot(snapshot, entry.caption.revision + 1);
    this.store.upsertCaptions([rowFromState(entry.row.id, entry.caption)]);
  }

  private announce(entry: ImageEntry, source: 'app' | 'disk', tagChanges: TagCount[]): void {
    this.bus.emit('caption.changed', { source, image: this.detail(entry.row.id) });
    this.bus.emit('images.changed', { updated: [summarize(entry)], reset: false });
    this.bus.emit('stats.changed', computeStats(this.entries));
    if (tagChanges.length) {
      this.bus.emit('tags.changed', { changes: tagChanges });
      this.tagsFile.schedule();
    }
  }

  /** every write so far is on disk, and tags.txt is up to date */
  async flush(): Promise<{ captions: number; tagsFile: string }> {
    await this.queue.idle();
    const path = await this.tagsFile.writeNow();
    return { captions: this.entries.filter((e) => statusOf(e) !== 'todo' || e.caption.exists).length, tagsFile: path ?? '' };
  }

  async close(): Promise<void> {
    this.closeController.abort();
    for (const fn of this.closers.splice(0)) fn();
    await Promise.allSettled([...this.background]);
    await this.flush();
    this.tagsFile.dispose();
    this.store.close();
  }
}

