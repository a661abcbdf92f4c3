import { join } from 'node:path';
import type { SkippedFile } from '../../../src-shared/contract';
import { TagTally } from '../../../src-shared/tag-text';
import { AppError } from '../app-error';
import { ABSENT_FINGERPRINT } from '../captions/caption-file';
import { unpackReads } from '../captions/packed-reads';
import { readCaptionSync, type CaptionReadResult } from '../captions/read-caption-sync';
import { PERMISSION_DENIED } from '../fs/regular-file';
import { captionPathFor } from '../scan/image-extensions';
import { compareNatural } from '../scan/natural-order';
import type { ScanProtocol } from '../scan/scan-protocol';
import { shareWork } from '../perf/shared-work';
import type { ThreadPool } from '../perf/thread-pool';
import { SIZE_NOT_KNOWN, walkFolder } from '../scan/walk-folder';
import { RowShape, type PackedRows } from '../perf/packed-rows';
import { CAPTION_FEW_STRINGS, CAPTION_STRINGS, CAPTION_VALUES, captionRowOf, captionValues, IMAGE_FEW_STRINGS, IMAGE_STRINGS, IMAGE_VALUES, imageRowOf, imageValues, type CaptionRow, type ImageRow, type IndexDatabase } from './index-database';

/** captions read per chunk of a sync's reads: a few milliseconds, so the cancel check and the helper's share come often */
const READ_CHUNK = 256;

export interface FolderSyncOptions {
  /** descend into subfolders (a folder tagged in place: kohya's `10_name/`) */
  recursive: boolean;
  /** give every image its place again (after an import added copies) */
  reorder: boolean;
  /**
   * main holds the list as the index had it (a reopen's indexed list, an
   * earlier sync's): page only the images whose file or caption changed,
   * unless images came, went or moved, when the whole list is paged
   */
  changesOnly?: boolean;
  /**
   * shared with main: [0] main sets to 1 to cancel; [1] captions read so far,
   * [2] captions to read. Main reads progress from it while it waits.
   */
  shared?: Int32Array;
}

export interface FolderSyncSummary {
  images: number;
  added: number;
  removed: number;
  /** images whose file changed size or mtime */
  changed: number;
  captionsRead: number;
  /** the pages hold the whole list in order; else only the images that changed (changesOnly) */
  complete: boolean;
  /** subfolders, names and caption files that could not be read, with the reason: found again by every sync, never stored */
  unreadable: SkippedFile[];
}

/** one image of the synced list, in order: its row, its caption as indexed, and why its caption file could not be read */
export interface SyncedImage {
  row: ImageRow;
  captionRel: string;
  caption: CaptionRow;
  readError?: string;
}

/**
 * The folder's side of the index, run on the index thread: bring session.sqlite
 * in line with the folder, which is the truth. The walk, the stats, the diff,
 * the caption reads and the writes all happen here, so the main thread only
 * takes the resulting list, a page at a time (syncedPage). A caption whose
 * size and mtime match the index is taken from the index (that is what makes
 * a reopen fast); any other is read and decoded.
 */
export class FolderSync {
  private synced: SyncedImage[] | null = null;
  /** where the next page of the indexed list starts (see indexed) */
  private cursor: { ord: number; id: number } | null = null;
  /** how many images the list to page holds */
  private listLength = 0;
  /** the kept tag counts of the whole list, sent with its first page in place of each page's own (see KeptTagCounts) */
  private keptCounts: [string, number][] | null = null;
  /** the first page carried the whole list's tag counts: the rest carry none */
  private countedAhead = false;
  /** the images whose caption file the last sync could not read: listed empty, their rows left as they were */
  unreadableIds: ReadonlySet<number> = new Set();

  /**
   * `helper`: a scan thread of the index thread's own, when it is ready,
   * which takes a share of a sync's stats and caption reads (see shareWork)
   */
  constructor(
    private readonly db: IndexDatabase,
    private readonly helper: () => ThreadPool<ScanProtocol> | null = () => null,
  ) {}

  /**
   * The index as it stands, without looking at the folder: a reopen shows it
   * at once and a sync (changesOnly) checks it against the folder after.
   * syncedPage then reads it from the database a page at a time, so the
   * thread's reads overlap main's building of its entries.
   */
  indexed(): FolderSyncSummary {
    this.forgetList();
    this.cursor = { ord: -Infinity, id: -Infinity };
    this.listLength = this.db.imageCount();
    this.keptCounts = this.db.keptTagCounts.read();
    if (this.keptCounts === null) this.db.keptTagCounts.start();
    return { images: this.listLength, added: 0, removed: 0, changed: 0, captionsRead: 0, complete: true, unreadable: [] };
  }

  async syncFolder(datasetDir: string, options: FolderSyncOptions): Promise<FolderSyncSummary> {
    this.forgetList();
    const { shared } = options;
    const checkCancelled = () => {
      if (shared && Atomics.load(shared, 0) !== 0) throw new AppError('cancelled', 'Cancelled');
    };
    const invalid = new Map(this.db.invalidFiles().map((r) => [r.relPath, r]));
    // an image's size and mtime are compared with the index's, and a caption's too; with no
    // caption indexed, every caption is read, and its read gives its size and mtime. With no
    // image (a first sync), the header check that follows opens each image anyway and gives
    // its size and mtime then (see ProbeResult): the walk stats nothing
    const listedAt = Date.now();
    const helper = this.helper();
    const listing = await walkFolder(datasetDir, {
      recursive: options.recursive,
      blocking: true,
      withStats: this.db.imageCount() > 0 || invalid.size > 0,
      statTexts: this.db.anyCaption(),
      ...(helper ? { pool: helper } : {}),
    });
    checkCancelled();
    const onDisk = new Map(listing.images.map((f) => [f.rel, f]));

    const gone: number[] = [];
    const kept: ImageRow[] = [];
    const changed: { id: number; size: number; mtimeMs: number }[] = [];
    /** listed by a first sync and not yet reached by the header check that gives their sizes, nor written since: this stat gives them */
    const learnt: { id: number; size: number; mtimeMs: number }[] = [];
    for (const row of this.db.allImages()) {
      const file = onDisk.get(row.relPath);
      if (!file) {
        gone.push(row.id);
        continue;
      }
      if (file.size !== row.size || file.mtimeMs !== row.mtimeMs) {
        (row.size === SIZE_NOT_KNOWN && file.mtimeMs < row.mtimeMs ? learnt : changed).push({ id: row.id, size: file.size, mtimeMs: file.mtimeMs });
        Object.assign(row, { size: file.size, mtimeMs: file.mtimeMs, probed: false, fingerprint: null });
      }
      kept.push(row);
      onDisk.delete(row.relPath);
    }
    this.db.setFilesChanged(changed.concat(learnt));
    this.db.deleteImages(gone);

    // what is left on disk is new, unless it is a known bad file that has not changed; a file
    // refused for its permissions is looked at again, as they change without touching the mtime
    const fresh: ImageRow[] = [];
    const lookAgain: string[] = [];
    for (const f of onDisk.values()) {
      const bad = invalid.get(f.rel);
      if (bad && bad.size === f.size && bad.mtimeMs === f.mtimeMs && bad.reason !== PERMISSION_DENIED) continue;
      // checked again, it leaves the skipped files; the check puts it back if it is still bad
      if (bad) lookAgain.push(f.rel);
      // not stat-ed (a first sync): its mtime is when the walk began, so a later sync tells a file written since (changed) from one only not stat-ed yet (learnt)
      const mtimeMs = f.size === SIZE_NOT_KNOWN ? listedAt : f.mtimeMs;
      fresh.push({ id: -1, relPath: f.rel, ord: 0, size: f.size, mtimeMs, width: null, height: null, format: null, probed: false, fingerprint: null, skip: false });
    }
    let all = kept.concat(fresh);
    const moved: { id: number; ord: number }[] = [];
    if (fresh.length > 0 || gone.length > 0 || options.reorder) {
      // sorted before the new rows are written, so they go in with their place
      all = all.sort((a, b) => compareNatural(a.relPath, b.relPath));
      all.forEach((row, i) => {
        if (row.ord !== i && row.id !== -1) moved.push({ id: row.id, ord: i });
        row.ord = i;
      });
    }
    if (lookAgain.length > 0) this.db.removeInvalidFiles(lookAgain);
    // written in the list's order, so that their ids follow it: the captions are written in that order next,
    // and rows keyed out of order go into the table's tree all over it. The walk's order (by code unit) is
    // not the list's where numbers in names are not padded (1, 10, 100 come before 2), nor for hashed names
    const inOrder = all.filter((row) => row.id === -1);
    const newIds = this.db.insertImages(inOrder);
    inOrder.forEach((row, i) => (row.id = newIds[i]!));
    this.db.setOrds(moved);
    checkCancelled();

    const known = new Map(this.db.allCaptions().map((c) => [c.imageId, c]));
    const synced: SyncedImage[] = [];
    const toRead: SyncedImage[] = [];
    for (const row of all) {
      const captionRel = captionPathFor(row.relPath);
      const file = listing.texts.get(captionRel);
      const indexed = known.get(row.id);
      const upToDate =
        indexed !== undefined && (file ? indexed.onDisk && indexed.size === file.size && indexed.mtimeMs === file.mtimeMs : !indexed.onDisk);
      const image: SyncedImage = { row, captionRel, caption: upToDate ? indexed : emptyRow(row.id) };
      if (!upToDate) toRead.push(image);
      synced.push(image);
    }
    known.clear();

    const unreadable: SkippedFile[] = [
      ...listing.unreadable.map((f) => ({ name: f.rel, reason: `folder cannot be read (${f.reason}): the images in it are not listed` })),
      ...listing.notFiles.map((f) => ({ name: f.rel, reason: `not listed: ${f.reason}` })),
    ];
    if (shared) Atomics.store(shared, 2, toRead.length);
    const unreadableCaptions = new Set<string>();
    // a caption no row is stored for is read again by every sync, so each sync finds them all
    const unreadableIds = new Set<number>();
    // each run of reads is written as soon as it is done, while the helper reads on
    await this.readCaptions(datasetDir, toRead, checkCancelled, shared, (reads, start) => {
      const rows: CaptionRow[] = [];
      reads.forEach((read, j) => {
        const image = toRead[start + j]!;
        if (read.ok) {
          const { snapshot: s } = read;
          image.caption = { imageId: image.row.id, onDisk: s.exists, fingerprint: s.fingerprint, size: s.size, mtimeMs: s.mtimeMs, text: s.decoded.text, ...s.decoded.format };
          rows.push(image.caption);
          return;
        }
        // the image stays listed, its caption empty and never written over; no row is
        // stored, so the next sync reads the file again
        image.readError = read.reason;
        unreadableIds.add(image.row.id);
        // two images sharing a stem share the file: one line for it
        if (unreadableCaptions.has(image.captionRel)) return;
        unreadableCaptions.add(image.captionRel);
        unreadable.push({
          name: image.captionRel,
          reason: `caption cannot be read (${read.reason}): ${image.row.relPath} is listed without it, and it is left as it is`,
        });
      });
      this.db.upsertCaptions(rows);
    });
    if (shared) Atomics.store(shared, 1, toRead.length);
    this.unreadableIds = unreadableIds;
    const complete = !options.changesOnly || fresh.length > 0 || gone.length > 0 || moved.length > 0;
    if (complete) {
      this.synced = synced;
      // the list holds the captions table as it now is, unless a caption could not be read (its row is left as it was)
      if (unreadableIds.size === 0) this.db.keptTagCounts.start();
    } else {
      const changedIds = new Set(changed.map((c) => c.id));
      const reread = new Set(toRead);
      this.synced = synced.filter((image) => changedIds.has(image.row.id) || reread.has(image));
    }
    this.listLength = this.synced.length;
    return {
      images: this.listLength,
      added: fresh.length,
      removed: gone.length,
      changed: changed.length,
      captionsRead: toRead.length,
      complete,
      unreadable: unreadable.sort((a, b) => compareNatural(a.name, b.name)),
    };
  }

  /**
   * The last sync's list from `start`, packed (see packSynced), with the
   * page's tags counted: main takes the counts rather than parsing three
   * million tags before it can show a 100,000-image list. Where the index
   * kept the counts of the whole list, the first page carries them and the
   * rest none; else the counts of a list paged whole are kept for next time.
   * The last page lets the list go. After indexed(), the next page of the
   * index.
   */
  syncedPage(start: number, count: number): SyncedPage {
    const last = start + count >= this.listLength;
    let images: PackedImage[];
    if (this.cursor) images = this.indexedPage(count);
    else {
      images = (this.synced ?? []).slice(start, start + count).map(packSynced);
      if (last) this.synced = null;
    }
    let tags: [string, number][];
    if (this.keptCounts) {
      tags = this.keptCounts;
      this.keptCounts = null;
      this.countedAhead = true;
    } else if (this.countedAhead) tags = [];
    else {
      tags = countPageTags(images);
      this.db.keptTagCounts.add(tags);
    }
    if (last) {
      this.db.keptTagCounts.finish();
      this.countedAhead = false;
    }
    return { images: PACKED.pack(images), tags };
  }

  /**
   * Each image's caption file read and decoded, shared with the helper if it
   * is ready (see shareWork). `store` is given the reads in order, a run at a
   * time as soon as the run is complete, with the index of its first; the
   * progress goes in `shared`.
   */
  private async readCaptions(
    datasetDir: string,
    images: readonly SyncedImage[],
    checkCancelled: () => void,
    shared: Int32Array | undefined,
    store: (reads: CaptionReadResult[], start: number) => void,
  ): Promise<void> {
    const reads: (CaptionReadResult | undefined)[] = new Array(images.length);
    const pathOf = (k: number) => join(datasetDir, images[k]!.captionRel);
    let done = 0;
    let stored = 0;
    const landed = (start: number, end: number) => {
      if (shared) Atomics.store(shared, 1, (done += end - start));
      // a run that does not follow the last one stored waits for the one before it
      if (start !== stored) return;
      let upTo = end;
      while (upTo < images.length && reads[upTo] !== undefined) upTo++;
      const run = reads.slice(stored, upTo) as CaptionReadResult[];
      // taken: the decoded texts live on in the rows only
      reads.fill(undefined, stored, upTo);
      stored = upTo;
      // a failed write fails the sync (see shareWork), even where it follows a read of the helper's
      store(run, upTo - run.length);
    };
    const helper = this.helper();
    await shareWork(
      images.length,
      READ_CHUNK,
      (start, end) => {
        checkCancelled();
        for (let k = start; k < end; k++) reads[k] = readCaptionSync(pathOf(k));
        landed(start, end);
      },
      helper && {
        call: (start, end) => helper.call('readCaptions', { paths: Array.from({ length: end - start }, (_, j) => pathOf(start + j)) }),
        take: (start, end, answer) => {
          unpackReads(answer).forEach((read, j) => (reads[start + j] = read));
          landed(start, end);
        },
      },
    );
  }

  /** a new list begins: what was left of the last one's paging goes, its counts too */
  private forgetList(): void {
    this.synced = null;
    this.cursor = null;
    this.keptCounts = null;
    this.countedAhead = false;
    this.db.keptTagCounts.abandon();
  }

  private indexedPage(count: number): PackedImage[] {
    const rows = this.db.imagesWithCaptions(this.cursor!.ord, this.cursor!.id, count);
    const last = rows.at(-1);
    if (last) this.cursor = { ord: last[2] as number, id: last[0] as number };
    if (rows.length < count) this.cursor = null;
    for (const row of rows) {
      // no caption row: the image's caption as a sync gives it, empty
      if (row[IMAGE_VALUES] === null) row.splice(IMAGE_VALUES, CAPTION_VALUES, ...captionValues(emptyRow(row[0] as number)));
      row.push(null);
    }
    return rows;
  }
}

/** a page of the synced list: its images packed (see PACKED), and how many of their captions carry each tag (as TagCounter.addAll counts) */
export interface SyncedPage {
  images: PackedRows;
  tags: [string, number][];
}

const TEXT_AT = IMAGE_VALUES + CAPTION_VALUES - 1;

function countPageTags(images: readonly PackedImage[]): [string, number][] {
  const tally = new TagTally();
  for (const image of images) tally.add(image[TEXT_AT] as string);
  return tally.entries();
}

/**
 * A SyncedImage as one row: its image's and its caption's values (see
 * imageValues), then its caption's read error. Its caption's name is not
 * sent: main gives it from the image's, as the sync does.
 */
type PackedImage = unknown[];

const PACKED = new RowShape(
  IMAGE_VALUES + CAPTION_VALUES + 1,
  [...IMAGE_STRINGS, ...CAPTION_STRINGS.map((i) => IMAGE_VALUES + i), IMAGE_VALUES + CAPTION_VALUES],
  [...IMAGE_FEW_STRINGS, ...CAPTION_FEW_STRINGS.map((i) => IMAGE_VALUES + i)],
);

function packSynced({ row, caption, readError }: SyncedImage): PackedImage {
  return [...imageValues(row), ...captionValues(caption), readError ?? null];
}

export function unpackPage(page: SyncedPage): SyncedImage[] {
  return PACKED.unpack(page.images, (p) => {
    const row = imageRowOf(p);
    const image: SyncedImage = { row, caption: captionRowOf(p, IMAGE_VALUES), captionRel: captionPathFor(row.relPath) };
    const readError = p[IMAGE_VALUES + CAPTION_VALUES];
    if (readError !== null) image.readError = readError as string;
    return image;
  });
}

/**
 * A made-up page of `count` captioned images, packed as syncedPage packs a
 * real one: for main to unpack before any folder opens (see
 * SessionStore.warmUp).
 */
export function madeUpPage(count: number): SyncedPage {
  const images = Array.from({ length: count }, (_, i) => {
    const row: ImageRow = { id: i + 1, relPath: `10_name/img_${i}.png`, ord: i, size: 1000 + i, mtimeMs: 1.7e12 + i, width: 512, height: 384, format: 'png', probed: true, fingerprint: null, skip: false };
    const caption: CaptionRow = { ...emptyRow(row.id), onDisk: true, fingerprint: `${i}`, size: 20, mtimeMs: 1.7e12 + i, text: `tag ${i % 7}, shared, img ${i}` };
    return packSynced({ row, captionRel: captionPathFor(row.relPath), caption });
  });
  return { images: PACKED.pack(images), tags: [] };
}

function emptyRow(imageId: number): CaptionRow {
  return { imageId, onDisk: false, fingerprint: ABSENT_FINGERPRINT, size: 0, mtimeMs: 0, encoding: 'utf8', bom: false, lineEnding: 'none', text: '' };
}
