import { readdirSync, stat, type Dirent } from 'node:fs';
import { lstat, opendir, stat as statPromise } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError } from '../app-error';
import { EXPORT_MARKER } from '../export/export-marker';
import { isInsideFolder } from '../fs/inside-folder';
import { fileProblem } from '../fs/regular-file';
import { statFilesSync } from '../fs/stat-files-sync';
import type { ThreadPool } from '../perf/thread-pool';
import { shareWork } from '../perf/shared-work';
import { forEachSliced, inSlices } from '../perf/time-slicer';
import { extensionOf, isImageExtension, isImageName } from './image-extensions';
import type { ScanProtocol } from './scan-protocol';

export interface FileEntry {
  /** relative to the walked folder, '/'-separated */
  rel: string;
  /** SIZE_NOT_KNOWN for a file listed by name only (see withStats, statTexts) */
  size: number;
  mtimeMs: number;
}

/**
 * The size of a file listed by name only, not stat-ed: never a file's real
 * size, nor 0, which says the file is empty. A first sync stores it until
 * the header check, or a later sync's stat, gives the real one.
 */
export const SIZE_NOT_KNOWN = -1;

export interface FolderListing {
  images: FileEntry[];
  /** every .txt file, keyed by relative path: captions are matched to images from this */
  texts: Map<string, FileEntry>;
  /** subfolders that could not be read, with the reason: their images are missing from `images` */
  unreadable: { rel: string; reason: string }[];
  /**
   * names of images that are not files to read, with the reason:
   * a link that leads nowhere or out of the folder, a folder or a pipe named
   * like an image. Left out of `images` and `texts`, never silently.
   */
  notFiles: { rel: string; reason: string }[];
}

export interface WalkOptions {
  /** descend into subfolders (kohya's `10_name/` layout) */
  recursive: boolean;
  /** relative folder paths not to enter (the import output folder) */
  exclude?: ReadonlySet<string>;
  signal?: AbortSignal;
  /**
   * false: names only (size SIZE_NOT_KNOWN, mtime 0), for counting, or for a
   * first sync, which has nothing to compare sizes with and leaves them to
   * the header check. A link is still followed, to refuse one that leads
   * nowhere or out of the folder.
   */
  withStats?: boolean;
  /**
   * false: .txt files by name only (size SIZE_NOT_KNOWN), for a sync that reads
   * every caption anyway and takes them from its own read
   */
  statTexts?: boolean;
  /**
   * the scan's threads, which stat a large folder; without them every file
   * is stat-ed on this thread. With `blocking`, a thread that shares the
   * stats with this one (see shareWork).
   */
  pool?: ThreadPool<ScanProtocol>;
  /** stat in the scan's worker threads from this many files on (default WORKER_THRESHOLD) */
  workerThreshold?: number;
  /**
   * this thread may block (the index thread): the folder is listed and
   * stat-ed with synchronous calls, which skip the libuv pool's hand-offs
   * that made most of a large folder's walk
   */
  blocking?: boolean;
}

/**
 * Stats in flight at once: enough to keep the libuv pool busy on a cold disk
 * (where each is a seek), few enough that other file work is not starved.
 */
const STAT_CONCURRENCY = 128;

/**
 * One pass over a folder: image files and .txt files with their size and
 * mtime. Hidden folders (ours, `.git`, `.cache`) are skipped, and so is a
 * subfolder an export wrote (it holds EXPORT_MARKER): a trainer's copy is
 * never read back as part of a dataset or imported again. The walked folder
 * itself is taken even so: a user may open an export to look it over.
 */
export async function walkFolder(root: string, options: WalkOptions): Promise<FolderListing> {
  /**
   * each folder's names to stat, then its captions listed by name only
   * (statTexts false), kept per folder and joined once at the end: pushed
   * one by one into a list that grows, a large flat folder's names held the
   * loop while the list was copied into ever larger memory
   */
  const wantedPerFolder: string[][] = [];
  const unstatedPerFolder: string[][] = [];
  const byNameOnly = options.statTexts === false;
  /** links among `wanted`: each must lead to a file inside the folder */
  const links = new Set<string>();
  const unreadable: FolderListing['unreadable'] = [];
  const notFiles: FolderListing['notFiles'] = [];
  const pending: string[] = [''];
  while (pending.length > 0) {
    options.signal?.throwIfAborted();
    const relDir = pending.pop()!;
    let listed: Dirent[] | AsyncIterable<Dirent>;
    try {
      listed = options.blocking
        ? readdirSync(join(root, relDir), { withFileTypes: true })
        : // a directory's buffered entries come back as microtasks, which never let the event loop run: in slices
          // (a large buffer: 100,000 names in a few hundred reads, not thousands)
          inSlices(await opendir(join(root, relDir), { bufferSize: 1024 }), options.signal);
    } catch (err) {
      if (relDir === '') throw describeFsError(err, `Cannot read ${root}`);
      // an unreadable subfolder does not stop the scan; it is named, as its images are missing
      unreadable.push({ rel: relDir, reason: fileProblem(err) });
      continue;
    }
    // a subfolder's findings count only once its whole listing showed no export marker
    const files: string[] = [];
    /** this folder's captions to list by name only (see unstatedPerFolder) */
    const captions: string[] = [];
    const found: { rel: string; reason: string }[] = [];
    const subdirs: string[] = [];
    let exported = false;
    const take = (entry: Dirent) => {
      if (entry.name === EXPORT_MARKER && relDir !== '') exported = true;
      if (entry.name.startsWith('.')) return;
      const rel = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
      // captions that are not files are the caption reader's to name (the image stays listed without it)
      const extension = extensionOf(entry.name);
      const image = isImageExtension(extension);
      if (entry.isDirectory()) {
        if (options.recursive && !options.exclude?.has(rel)) subdirs.push(rel);
        else if (image) found.push({ rel, reason: 'it is a folder, though named like an image' });
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        if (image) files.push(rel);
        else if (extension === 'txt') (byNameOnly ? captions : files).push(rel);
        if (image && entry.isSymbolicLink()) links.add(rel);
      } else if (image) found.push({ rel, reason: 'it is a pipe, socket or device, not a file' });
    };
    if (Array.isArray(listed)) listed.forEach(take);
    else for await (const entry of listed) take(entry);
    if (exported) continue;
    wantedPerFolder.push(files);
    unstatedPerFolder.push(captions);
    notFiles.push(...found);
    for (const rel of subdirs) pending.push(rel);
  }

  const images: FileEntry[] = [];
  const texts = new Map<string, FileEntry>();
  const add = (entry: FileEntry) => {
    if (extensionOf(entry.rel) === 'txt') texts.set(entry.rel, entry);
    else images.push(entry);
  };
  const wanted = joined(wantedPerFolder);
  const toStat = options.withStats === false ? [] : wanted;
  /** every name found: those to stat, then those listed by name only */
  const names = joined([wanted, ...unstatedPerFolder]);
  // a thread that may block shares its loop with nobody: plain loops, not slices
  const each = <T>(items: readonly T[], fn: (item: T, i: number) => void) => (options.blocking ? items.forEach(fn) : forEachSliced(items, fn, options.signal));
  const stats = options.blocking
    ? await statBlocking(root, toStat, options.pool ?? null)
    : options.pool && toStat.length >= (options.workerThreshold ?? WORKER_THRESHOLD)
      ? await statInWorkers(options.pool, root, toStat, options.signal)
      : await statAll(root, toStat, options.signal);
  // the few names that need a look of their own (no stat: not a file; a link: perhaps leading out) are looked at first
  const notAFile = (i: number) => i < stats.length && !stats[i];
  const looks: number[] = [];
  await each(names, (rel, i) => {
    if (notAFile(i) || links.has(rel)) looks.push(i);
  });
  /** why a name is not listed; '' for a caption that is no file, which the caption reader names */
  const refused = new Map<number, string>();
  for (const i of looks) {
    const path = join(root, names[i]!);
    // a link not stat-ed (withStats false) is now: it may lead to nothing, or to a folder
    const file = i < stats.length ? stats[i] !== null : await statPromise(path).then((s) => s.isFile(), () => false);
    if (!file) refused.set(i, isImageName(path) ? await whyNotAFile(path) : '');
    // invariant 4: nothing outside the folder is read, shown, imported or exported through a link
    else if (!(await isInsideFolder(path, root).catch(() => false))) refused.set(i, 'it is a link to a file outside the folder, which LoRA Tagger does not read');
  }
  await each(names, (rel, i) => {
    const reason = refused.get(i);
    const s = i < stats.length ? stats[i]! : UNSTATED;
    if (reason === undefined) add({ rel, size: s.size, mtimeMs: s.mtimeMs });
    else if (reason !== '') notFiles.push({ rel, reason });
  });
  return { images, texts, unreadable, notFiles };
}

/** the lists as one, its memory taken once; a single non-empty list is taken as it is */
function joined(lists: readonly string[][]): string[] {
  const filled = lists.filter((list) => list.length > 0);
  if (filled.length === 1) return filled[0]!;
  const all = new Array<string>(filled.reduce((sum, list) => sum + list.length, 0));
  let at = 0;
  for (const list of filled) for (const item of list) all[at++] = item;
  return all;
}

/** the size and mtime of a name not stat-ed (see withStats, statTexts) */
const UNSTATED = { size: SIZE_NOT_KNOWN, mtimeMs: 0 };

/** why a name the walk found is not a file it can read (rare: asked of those only) */
async function whyNotAFile(path: string): Promise<string> {
  try {
    const s = await statPromise(path);
    return s.isDirectory() ? 'it is a folder, though named like an image' : 'it is a pipe, socket or device, not a file';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'it is a symbolic link that leads back to itself';
    if (code === 'ENOENT' && (await lstat(path).then(() => true, () => false))) return 'it is a symbolic link to something that is not there';
    return fileProblem(err);
  }
}

/**
 * From this many files on, the scan's worker threads stat them and the main
 * thread only gets the answers, as its share of callback stats grows with
 * the folder. Below it, a cold start of the threads costs more than that.
 */
const WORKER_THRESHOLD = 4_000;
const STAT_BATCH = 1024;

type Stat = { size: number; mtimeMs: number } | null;

/**
 * statAll, in the scan's worker threads with synchronous stats: for 200,000
 * files even callback stats cost the main thread seconds of hand-offs.
 */
async function statInWorkers(pool: ThreadPool<ScanProtocol>, root: string, rels: readonly string[], signal?: AbortSignal): Promise<Stat[]> {
  const out: Stat[] = new Array(rels.length).fill(null);
  let next = 0;
  const lane = async () => {
    while (next < rels.length) {
      const start = next;
      next += STAT_BATCH;
      const paths = rels.slice(start, start + STAT_BATCH).map((rel) => join(root, rel));
      statsOf(await pool.call('stat', { paths }, signal), paths.length, out, start);
    }
  };
  await Promise.all(Array.from({ length: pool.threads * 2 }, lane));
  return out;
}

/** statAll with synchronous stats, on a thread that may block, shared with `helper` if there is one */
async function statBlocking(root: string, rels: readonly string[], helper: ThreadPool<ScanProtocol> | null): Promise<Stat[]> {
  const out: Stat[] = new Array(rels.length).fill(null);
  const paths = (start: number, end: number) => rels.slice(start, end).map((rel) => join(root, rel));
  await shareWork(
    rels.length,
    STAT_BATCH,
    (start, end) => statsOf(statFilesSync(paths(start, end)), end - start, out, start),
    helper && {
      call: (start, end) => helper.call('stat', { paths: paths(start, end) }),
      take: (start, end, pairs) => void statsOf(pairs, end - start, out, start),
    },
  );
  return out;
}

/** [size, mtimeMs] pairs (size -1: not a file) as stats, written into `out` from `at` */
function statsOf(pairs: Float64Array, count: number, out: Stat[] = new Array(count).fill(null), at = 0): Stat[] {
  for (let k = 0; k < count; k++) {
    if (pairs[k * 2]! >= 0) out[at + k] = { size: pairs[k * 2]!, mtimeMs: pairs[k * 2 + 1]! };
  }
  return out;
}

/**
 * Every file's stat, in input order (null: gone, or not a file). A steady
 * stream of callback stats rather than batches of promises: at 200,000 files
 * the promise machinery cost more main-thread time than the stats, and each
 * batch waited for its slowest member.
 */
function statAll(root: string, rels: readonly string[], signal?: AbortSignal): Promise<Stat[]> {
  const out: Stat[] = new Array(rels.length).fill(null);
  if (rels.length === 0) return Promise.resolve(out);
  return new Promise((resolve, reject) => {
    let next = 0;
    let done = 0;
    let failed = false;
    const startOne = () => {
      if (failed || next >= rels.length) return;
      if (signal?.aborted) {
        failed = true;
        reject(signal.reason);
        return;
      }
      const i = next++;
      stat(join(root, rels[i]!), (err, s) => {
        if (!err && s.isFile()) out[i] = { size: s.size, mtimeMs: s.mtimeMs };
        if (++done === rels.length) resolve(out);
        else startOne();
      });
    };
    for (let k = 0; k < Math.min(STAT_CONCURRENCY, rels.length); k++) startOne();
  });
}
