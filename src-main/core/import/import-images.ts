import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { AppError, describeFsError } from '../app-error';
import type { JobContext } from '../jobs/job-runner';
import { extensionOf } from '../scan/image-extensions';
import { sortSliced } from '../perf/sort-sliced';
import { compareNatural } from '../scan/natural-order';
import type { ThreadPool } from '../perf/thread-pool';
import { probeImages } from '../scan/probe-images';
import type { ProbeResult, ScanProtocol } from '../scan/scan-protocol';
import { SIZE_NOT_KNOWN, walkFolder, type FileEntry, type FolderListing } from '../scan/walk-folder';
import type { InvalidFileRow } from '../store/index-database';
import { SESSION_DIR } from '../store/open-database';
import type { SessionStore } from '../store/session-store';
import { copyPlanned, type PlannedCopy } from './copy-planned';
import type { SkippedFile } from '../../../src-shared/contract';
import { isImageName } from '../scan/image-extensions';
import { highestNumber, importName } from './import-naming';

export interface ImportOutcome {
  imported: number;
  alreadyImported: number;
  invalid: InvalidFileRow[];
  /** originals the walk could not take (an unreadable subfolder, a link out or to nothing), found again by every import: never stored */
  unreadable: SkippedFile[];
  /**
   * the output folder held nothing but the session's own folder before this
   * import, which recorded every copy it made with its place in the list:
   * the index holds the folder as the import left it, and no sync need read
   * it before it is shown
   */
  indexHoldsFolder: boolean;
}

/** headers checked per step of the pipeline */
const PROBE_CHUNK = 256;

/**
 * The originals an import looks at: every image under `root` but those in
 * the output folder. `withStats` false: listed by name only (SIZE_NOT_KNOWN),
 * as an import learns each original's size and mtime from its header check,
 * which opens the file anyway.
 */
export function walkOriginals(pool: ThreadPool<ScanProtocol>, root: string, outputDir: string, options: { signal?: AbortSignal; withStats?: boolean } = {}): Promise<FolderListing> {
  const outputRel = relative(root, outputDir).split(sep).join('/');
  return walkFolder(root, { recursive: true, exclude: new Set([outputRel]), pool, ...options });
}

/** what a new import has done before its database is there (see startNewImport) */
export interface ImportHeadStart {
  listing: FolderListing;
  /** the originals in natural order */
  ordered: FileEntry[];
  /** the headers of the first chunk of `ordered`, checked */
  firstChecks: Promise<ProbeResult[]>;
}

/**
 * A new import's first steps, taken while its session database is made
 * (for a small import, about as long as these steps): its originals walked,
 * put in natural order, and the first chunk's headers checked. A new
 * database records no import, so every original is to be imported;
 * importImages checks that it is so.
 */
export async function startNewImport(pool: ThreadPool<ScanProtocol>, root: string, outputDir: string): Promise<ImportHeadStart> {
  const listing = await walkOriginals(pool, root, outputDir, { withStats: false });
  const ordered = await sortSliced(listing.images, byPath);
  const firstChecks = probeImages(root, ordered.slice(0, PROBE_CHUNK), { pool });
  firstChecks.catch(() => undefined); // awaited by importImages, unless the open failed first
  return { listing, ordered, firstChecks };
}

const byPath = (a: FileEntry, b: FileEntry) => compareNatural(a.rel, b.rel);

/**
 * civitai-tagger's import: every valid image under `root` (the output folder
 * excepted) is copied into `outputDir` as `<prefix>_NNN.<ext>` in natural
 * order, with an empty caption beside it. Originals are never touched; an
 * image recorded as imported before is not copied again. Each copy goes to a
 * temporary name first, so a crash never leaves a half-written image under a
 * real name, and each is planned in the index before it is made, so an
 * import cut short is finished under the same names (copy-planned.ts).
 * Headers are checked and copies made on the scan's threads (`pool`).
 * `headStart`: what a new import did while its database was made (see
 * startNewImport).
 */
export async function importImages(
  pool: ThreadPool<ScanProtocol>,
  root: string,
  outputDir: string,
  prefix: string,
  store: SessionStore,
  job: JobContext,
  headStart?: Promise<ImportHeadStart>,
): Promise<ImportOutcome> {
  const head = await headStart;
  const listing = head?.listing ?? (await walkOriginals(pool, root, outputDir, { signal: job.signal, withStats: false }));
  job.signal.throwIfAborted();
  const unreadable: SkippedFile[] = [
    ...listing.unreadable.map((f) => ({ name: f.rel, reason: `folder cannot be read (${f.reason}): its images are not imported` })),
    ...listing.notFiles.filter((f) => isImageName(f.rel)).map((f) => ({ name: f.rel, reason: `not imported: ${f.reason}` })),
  ];
  const recorded = await store.imports();
  const done = new Set(recorded.filter((r) => r.copied).map((r) => r.sourceRel));
  // planned by an import that was cut short: finished under the names given then
  const planned = new Map(recorded.filter((r) => !r.copied).map((r) => [r.sourceRel, r.imageRel]));
  if (planned.size > 0) await settleVanished(planned, new Set(listing.images.map((f) => f.rel)), outputDir, store);
  // nothing recorded: the head start's order and first checks are the import's own
  const fresh = head !== undefined && done.size === 0 && planned.size === 0 ? head : null;
  // sorted in slices: a natural-order sort of a large folder's paths is too long for one turn
  const candidates = fresh ? fresh.ordered : await sortSliced(listing.images.filter((f) => !done.has(f.rel)), byPath, job.signal);
  const alreadyImported = listing.images.length - candidates.length;
  if (candidates.length === 0) return { imported: 0, alreadyImported, invalid: [], unreadable, indexHoldsFolder: false };

  try {
    await mkdir(outputDir, { recursive: true });
  } catch (err) {
    throw describeFsError(err, `Cannot create the output folder ${outputDir}`);
  }
  const present = await readdir(outputDir);
  // a planned name may be higher than any copy made so far
  let next = Math.max(highestNumber(present, prefix), highestNumber(planned.values(), prefix));

  // headers are checked a chunk ahead of the copying, so the two overlap on the scan's
  // worker threads. Numbers follow natural order still: each chunk is named only once
  // the chunks before it are.
  const chunks: (typeof candidates)[] = [];
  for (let i = 0; i < candidates.length; i += PROBE_CHUNK) chunks.push(candidates.slice(i, i + PROBE_CHUNK));
  const check = (k: number) => {
    const probing = probeImages(root, chunks[k]!, { pool, signal: job.signal });
    probing.catch(() => undefined); // awaited below; a copy failing first must not leave it unhandled
    return probing;
  };
  const invalid: InvalidFileRow[] = [];
  let copied = 0;
  const report = (chunkCopied: number) => job.progress(copied + chunkCopied + invalid.length, candidates.length, 'Importing');
  report(0);
  let ahead = fresh ? fresh.firstChecks : check(0);
  for (let k = 0; k < chunks.length; k++) {
    const probes = await ahead;
    if (k + 1 < chunks.length) ahead = check(k + 1);
    const plan: PlannedCopy[] = [];
    const bad: InvalidFileRow[] = [];
    chunks[k]!.forEach(({ rel }, i) => {
      const p = probes[i]!;
      // the original as its check opened it (the walk listed names only); one it could not open has no size
      const file = { rel, size: p.file?.size ?? SIZE_NOT_KNOWN, mtimeMs: p.file?.mtimeMs ?? 0 };
      if (!p.ok) bad.push({ relPath: rel, size: file.size, mtimeMs: file.mtimeMs, reason: p.reason });
      else {
        const name = planned.get(rel);
        const place = k * PROBE_CHUNK + i;
        plan.push({ file, probe: { width: p.width, height: p.height, format: p.format }, name: name ?? importName(prefix, ++next, extensionOf(rel)), resumed: name !== undefined, place });
      }
    });
    // the session lists the originals it could not import, with the reason, until they are fixed
    await store.refuseImports(bad, plan.map((p) => p.file.rel));
    invalid.push(...bad);
    await copyPlanned(pool, root, outputDir, plan, store, job.signal, report);
    copied += plan.length;
  }
  if (copied === 0 && invalid.length === candidates.length && alreadyImported === 0) {
    throw new AppError('no-images', `No readable images in ${root}`, { invalid, unreadable });
  }
  // a fresh import names its copies in the order of `candidates`, which is their place
  const indexHoldsFolder = fresh !== null && copied > 0 && present.every((name) => name === SESSION_DIR);
  return { imported: copied, alreadyImported, invalid, unreadable, indexHoldsFolder };
}

/**
 * Planned imports whose original is gone: a copy that was made is kept (the
 * folder sync indexes it) and its import confirmed; one that was not is
 * forgotten.
 */
async function settleVanished(planned: Map<string, string>, present: ReadonlySet<string>, outputDir: string, store: SessionStore): Promise<void> {
  for (const [sourceRel, imageRel] of planned) {
    if (present.has(sourceRel)) continue;
    if (existsSync(join(outputDir, imageRel))) await store.confirmImport(sourceRel);
    else await store.dropPlannedImports([sourceRel]);
    planned.delete(sourceRel);
  }
}
