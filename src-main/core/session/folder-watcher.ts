import { forEachSliced } from '../perf/time-slicer';
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { isImageName } from '../scan/image-extensions';

export interface WatchHandlers {
  /** a caption file was written, created or removed by some program (perhaps us) */
  captionChanged(rel: string): void;
  /** image files appeared or went away: the list needs a resync */
  imagesChanged(): void;
}

const CAPTION_SETTLE_MS = 120;
export const IMAGES_SETTLE_MS = 500;

/**
 * Edits from other programs are picked up. One fs.watch per folder of the
 * dataset (inotify/FSEvents/ReadDirectoryChanges under it): no stat of every
 * file at start, so it costs nothing extra at 100,000 images. Bursts are
 * coalesced: an editor's save (temp write + rename) arrives as one change.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly captionTimers = new Map<string, NodeJS.Timeout>();
  private imagesTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly handlers: WatchHandlers,
  ) {}

  /** watch exactly these folders (relative, '' for the root); call again after a resync */
  watchFolders(relDirs: Iterable<string>): void {
    if (this.closed) return;
    const wanted = new Set(relDirs);
    for (const [rel, w] of this.watchers) {
      if (!wanted.has(rel)) {
        w.close();
        this.watchers.delete(rel);
      }
    }
    for (const rel of wanted) {
      if (this.watchers.has(rel)) continue;
      try {
        const w = watch(join(this.root, rel), { persistent: false }, (_type, name) => {
          if (name) this.onEvent(rel === '' ? String(name) : `${rel}/${String(name)}`);
        });
        w.on('error', () => {
          w.close();
          this.watchers.delete(rel);
        });
        this.watchers.set(rel, w);
      } catch {
        // a folder that vanished or cannot be watched: edits there are seen at the next open
      }
    }
  }

  private onEvent(rel: string): void {
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if (name.startsWith('.')) return; // our temp files and the session folder
    if (name.toLowerCase().endsWith('.txt')) {
      clearTimeout(this.captionTimers.get(rel));
      this.captionTimers.set(
        rel,
        setTimeout(() => {
          this.captionTimers.delete(rel);
          if (!this.closed) this.handlers.captionChanged(rel);
        }, CAPTION_SETTLE_MS),
      );
    } else if (isImageName(name) || !name.includes('.')) {
      // an image, or perhaps a new subfolder
      if (this.imagesTimer) clearTimeout(this.imagesTimer);
      this.imagesTimer = setTimeout(() => {
        this.imagesTimer = null;
        if (!this.closed) this.handlers.imagesChanged();
      }, IMAGES_SETTLE_MS);
    }
  }

  close(): void {
    this.closed = true;
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    for (const t of this.captionTimers.values()) clearTimeout(t);
    this.captionTimers.clear();
    if (this.imagesTimer) clearTimeout(this.imagesTimer);
  }
}

/**
 * The folders to watch: the root, and in a tag-in-place dataset every folder
 * holding an image. In slices: it walks every image's path.
 */
export async function foldersOf(images: readonly { row: { relPath: string } }[], recursive: boolean, signal?: AbortSignal): Promise<Set<string>> {
  const dirs = new Set<string>(['']);
  if (!recursive) return dirs;
  await forEachSliced(
    images,
    ({ row }) => {
      const rel = row.relPath;
      let slash = rel.lastIndexOf('/');
      while (slash > 0) {
        dirs.add(rel.slice(0, slash));
        slash = rel.lastIndexOf('/', slash - 1);
      }
    },
    signal,
  );
  return dirs;
}
