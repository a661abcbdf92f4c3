import { sortSliced } from '../perf/sort-sliced';
import { forEachSliced } from '../perf/time-slicer';
import { captionPathFor } from '../scan/image-extensions';
import { readCaptionFiles } from '../scan/read-captions';
import type { ScanProtocol } from '../scan/scan-protocol';
import type { ThreadPool } from '../perf/thread-pool';
import { compareNatural } from '../scan/natural-order';
import type { FolderListing } from '../scan/walk-folder';
import type { SkippedFile } from '../../../src-shared/contract';
import { PERMISSION_DENIED } from '../fs/regular-file';
import type { CaptionRow, ImageRow } from '../store/index-database';
import type { SessionStore } from '../store/session-store';
import { rowFromState, stateFromRow, stateFromSnapshot } from './caption-loader';
import type { ImageEntry } from './image-entry';

export interface SyncResult {
  entries: ImageEntry[];
  /** images whose header has not been checked for their current size and mtime */
  unprobed: ImageEntry[];
  added: number;
  removed: number;
  captionsRead: number;
  /** subfolders and caption files that could not be read, with the reason: found again by every sync, never stored */
  unreadable: SkippedFile[];
}

/**
 * Bring the index in session.sqlite in line with the folder, which is the
 * truth. A caption whose size and mtime match the index is taken from the
 * index (that is what makes reopening 100,000 images fast); any other is read.
 * Each step walks every image, so each runs in slices.
 */
export async function syncFolder(
  store: SessionStore,
  datasetDir: string,
  listing: FolderListing,
  options: { pool: ThreadPool<ScanProtocol>; signal?: AbortSignal; onProgress?: (done: number, total: number) => void; reorder?: boolean },
): Promise<SyncResult> {
  const { signal } = options;
  const onDisk = new Map<string, (typeof listing.images)[number]>();
  await forEachSliced(listing.images, (f) => onDisk.set(f.rel, f), signal);
  const invalid = new Map((await store.invalidFiles()).map((r) => [r.relPath, r]));
  const rows = await store.images(signal);

  const gone: number[] = [];
  const kept: ImageRow[] = [];
  const changed: { id: number; size: number; mtimeMs: number }[] = [];
  await forEachSliced(
    rows,
    (row) => {
      const file = onDisk.get(row.relPath);
      if (!file) return void gone.push(row.id);
      if (file.size !== row.size || file.mtimeMs !== row.mtimeMs) {
        changed.push({ id: row.id, size: file.size, mtimeMs: file.mtimeMs });
        Object.assign(row, { size: file.size, mtimeMs: file.mtimeMs, probed: false, fingerprint: null });
      }
      kept.push(row);
      onDisk.delete(row.relPath);
    },
    signal,
  );
  await store.setFilesChanged(changed, signal);
  await store.deleteImages(gone, signal);

  // what is left on disk is new, unless it is a known bad file that has not changed; a file
  // refused for its permissions is looked at again, as they change without touching the mtime
  const fresh: ImageRow[] = [];
  const lookAgain: string[] = [];
  await forEachSliced(
    onDisk.values(),
    (f) => {
      const bad = invalid.get(f.rel);
      if (bad && bad.size === f.size && bad.mtimeMs === f.mtimeMs && bad.reason !== PERMISSION_DENIED) return;
      // checked again, it leaves the skipped files; the check puts it back if it is still bad
      if (bad) lookAgain.push(f.rel);
      fresh.push({ id: -1, relPath: f.rel, ord: 0, size: f.size, mtimeMs: f.mtimeMs, width: null, height: null, format: null, probed: false, fingerprint: null, skip: false });
    },
    signal,
  );
  onDisk.clear();
  let all: ImageRow[] = kept.concat(fresh);
  const moved: { id: number; ord: number }[] = [];
  if (fresh.length > 0 || gone.length > 0 || options.reorder) {
    // sorted before the new rows are written, so they go in with their place: no second pass over them
    all = await sortSliced(all, (a, b) => compareNatural(a.relPath, b.relPath), signal);
    for (let i = 0; i < all.length; i++) {
      const row = all[i]!;
      if (row.ord !== i && row.id !== -1) moved.push({ id: row.id, ord: i });
      row.ord = i;
    }
  }
  if (lookAgain.length > 0) await store.removeInvalidFiles(lookAgain);
  const newIds = await store.insertImages(fresh, signal);
  fresh.forEach((row, i) => (row.id = newIds[i]!));
  await store.setOrds(moved, signal);

  const captionRows = new Map<number, CaptionRow>();
  await forEachSliced(await store.captions(signal), (c) => captionRows.set(c.imageId, c), signal);
  const entries: ImageEntry[] = [];
  const unprobed: ImageEntry[] = [];
  const toRead: number[] = [];
  await forEachSliced(
    all,
    (row) => {
      const captionRel = captionPathFor(row.relPath);
      const file = listing.texts.get(captionRel);
      const known = captionRows.get(row.id);
      const upToDate =
        known !== undefined &&
        (file ? known.onDisk && known.size === file.size && known.mtimeMs === file.mtimeMs : !known.onDisk);
      const entry: ImageEntry = { row, captionRel, caption: upToDate ? stateFromRow(known) : stateFromRow(emptyRow(row.id)) };
      if (!upToDate) toRead.push(entries.length);
      if (!row.probed) unprobed.push(entry);
      entries.push(entry);
    },
    signal,
  );
  captionRows.clear();

  // each caption goes into its entry as it arrives: 100,000 files' bytes are never held at once
  const changedRows: CaptionRow[] = [];
  const unreadable: SkippedFile[] = [
    ...listing.unreadable.map((f) => ({ name: f.rel, reason: `folder cannot be read (${f.reason}): the images in it are not listed` })),
    ...listing.notFiles.map((f) => ({ name: f.rel, reason: `not listed: ${f.reason}` })),
  ];
  const unreadableCaptions = new Set<string>();
  await readCaptionFiles(
    datasetDir,
    toRead.map((i) => entries[i]!.captionRel),
    (j, read) => {
      const entry = entries[toRead[j]!]!;
      if (read.ok) {
        entry.caption = stateFromSnapshot(read.snapshot, 0);
        changedRows.push(rowFromState(entry.row.id, entry.caption));
        return;
      }
      // the image stays listed, its caption empty and never written over; no row is
      // stored, so the next sync reads the file again
      entry.caption = { ...stateFromRow(emptyRow(entry.row.id)), readError: read.reason };
      // two images sharing a stem share the file: one line for it
      if (unreadableCaptions.has(entry.captionRel)) return;
      unreadableCaptions.add(entry.captionRel);
      unreadable.push({
        name: entry.captionRel,
        reason: `caption cannot be read (${read.reason}): ${entry.row.relPath} is listed without it, and it is left as it is`,
      });
    },
    { pool: options.pool, signal, onProgress: (done) => options.onProgress?.(done, toRead.length) },
  );
  await store.upsertCaptions(changedRows, signal);

  return {
    entries,
    unprobed,
    added: fresh.length,
    removed: gone.length,
    captionsRead: toRead.length,
    unreadable: unreadable.sort((a, b) => compareNatural(a.name, b.name)),
  };
}

function emptyRow(imageId: number): CaptionRow {
  return { imageId, onDisk: false, fingerprint: 'absent', size: 0, mtimeMs: 0, encoding: 'utf8', bom: false, lineEnding: 'none', text: '' };
}
