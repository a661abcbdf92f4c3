import { captionPathFor } from '../scan/image-extensions';
import { compareNatural } from '../scan/natural-order';
import type { FolderListing } from '../scan/walk-folder';
import type { CaptionRow, ImageRow, SessionStore } from '../store/session-store';
import { readCaptions, rowFromState, stateFromRow, stateFromSnapshot } from './caption-loader';
import type { ImageEntry } from './image-entry';

export interface SyncResult {
  entries: ImageEntry[];
  /** images whose header has not been checked for their current size and mtime */
  unprobed: ImageEntry[];
  added: number;
  removed: number;
  captionsRead: number;
}

/**
 * Bring the index in session.sqlite in line with the folder, which is the
 * truth. A caption whose size and mtime match the index is taken from the
 * index (that is what makes reopening 100,000 images fast); any other is read.
 */
export async function syncFolder(
  store: SessionStore,
  datasetDir: string,
  listing: FolderListing,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; reorder?: boolean } = {},
): Promise<SyncResult> {
  const onDisk = new Map(listing.images.map((f) => [f.rel, f]));
  const invalid = new Map(store.invalidFiles().map((r) => [r.relPath, r]));
  const rows = store.images();

  const gone: number[] = [];
  const kept: ImageRow[] = [];
  for (const row of rows) {
    const file = onDisk.get(row.relPath);
    if (!file) {
      gone.push(row.id);
      continue;
    }
    if (file.size !== row.size || file.mtimeMs !== row.mtimeMs) {
      store.setFileChanged(row.id, file.size, file.mtimeMs);
      Object.assign(row, { size: file.size, mtimeMs: file.mtimeMs, probed: false, fingerprint: null });
    }
    kept.push(row);
    onDisk.delete(row.relPath);
  }
  if (gone.length) store.deleteImages(gone);

  // what is left on disk is new, unless it is a known bad file that has not changed
  const fresh = [...onDisk.values()].filter((f) => {
    const bad = invalid.get(f.rel);
    return !bad || bad.size !== f.size || bad.mtimeMs !== f.mtimeMs;
  });
  const newIds = store.insertImages(
    fresh.map((f) => ({ relPath: f.rel, ord: 0, size: f.size, mtimeMs: f.mtimeMs, width: null, height: null, format: null, probed: false })),
  );
  const all: ImageRow[] = [
    ...kept,
    ...fresh.map((f, i) => ({
      id: newIds[i]!,
      relPath: f.rel,
      ord: 0,
      size: f.size,
      mtimeMs: f.mtimeMs,
      width: null,
      height: null,
      format: null,
      probed: false,
      fingerprint: null,
      skip: false,
    })),
  ];
  if (fresh.length > 0 || gone.length > 0 || options.reorder) {
    all.sort((a, b) => compareNatural(a.relPath, b.relPath));
    store.setOrder(all.map((r) => r.id));
    all.forEach((r, i) => (r.ord = i));
  }

  const captionRows = new Map<number, CaptionRow>(store.captions().map((c) => [c.imageId, c]));
  const entries: ImageEntry[] = [];
  const toRead: number[] = [];
  for (const row of all) {
    const captionRel = captionPathFor(row.relPath);
    const file = listing.texts.get(captionRel);
    const known = captionRows.get(row.id);
    const upToDate =
      known !== undefined &&
      (file ? known.onDisk && known.size === file.size && known.mtimeMs === file.mtimeMs : !known.onDisk);
    const entry: ImageEntry = { row, captionRel, caption: upToDate ? stateFromRow(known) : stateFromRow(emptyRow(row.id)) };
    if (!upToDate) toRead.push(entries.length);
    entries.push(entry);
  }

  const snapshots = await readCaptions(
    datasetDir,
    toRead.map((i) => entries[i]!.captionRel),
    { signal: options.signal, onProgress: (done) => options.onProgress?.(done, toRead.length) },
  );
  const changedRows: CaptionRow[] = [];
  toRead.forEach((entryIndex, j) => {
    const entry = entries[entryIndex]!;
    entry.caption = stateFromSnapshot(snapshots[j]!, 0);
    changedRows.push(rowFromState(entry.row.id, entry.caption));
  });
  store.upsertCaptions(changedRows);

  return {
    entries,
    unprobed: entries.filter((e) => !e.row.probed),
    added: fresh.length,
    removed: gone.length,
    captionsRead: toRead.length,
  };
}

function emptyRow(imageId: number): CaptionRow {
  return { imageId, onDisk: false, fingerprint: 'absent', size: 0, mtimeMs: 0, encoding: 'utf8', bom: false, lineEnding: 'none', text: '' };
}
