import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { SessionMode, SkippedFile } from '../../../src-shared/contract';
import { AppError, describeFsError } from '../app-error';
import { sweepStaleTempsIn } from '../fs/sweep-temps';
import type { EventBus } from '../events/event-bus';
import { importImages, startNewImport, walkOriginals } from '../import/import-images';
import type { JobRunner } from '../jobs/job-runner';
import { readCivitaiSession, resolveCivitaiPosition } from '../legacy/civitai-session';
import type { ThreadPool } from '../perf/thread-pool';
import type { ScanProtocol } from '../scan/scan-protocol';
import type { OpenIndex } from '../store/index-channel';
import { SESSION_DIR } from '../store/open-database';
import { SessionStore } from '../store/session-store';
import { readTagsFile } from '../vocabulary/tags-file';
import { startBackgroundProbe } from './background-probe';
import { settleCutShortSteps } from './cut-short-steps';
import { DatasetSession } from './dataset-session';
import { FolderWatcher, foldersOf } from './folder-watcher';
import { guessCaptionMode } from '../export/caption-mode';
import type { ImageEntry } from './image-entry';
import { resyncSession } from './resync';
import { SerialQueue } from './serial-queue';
import { databasePath, locateSession } from './locate-session';
import { readSettings, writeSettings, type SessionSettings } from './session-settings';
import { indexedList, syncFolder } from './sync-folder';

export interface OpenRequest {
  path: string;
  setup?: { mode: SessionMode; outputDir: string; prefix: string };
  defaults: { outputDir: string; prefix: string };
}

export interface OpenDeps {
  bus: EventBus;
  jobs: JobRunner;
  /** serve: throws for a folder outside the served one; every folder this open writes in or imports from is checked first */
  checkFolder?: (folder: string) => Promise<unknown>;
  /** where session.sqlite is opened: the index thread the api host starts */
  openIndex: OpenIndex;
  /** the scan's threads (header checks, an import's copies, a large walk's stats): the api host starts them */
  scanPool: ThreadPool<ScanProtocol>;
}

/**
 * Open a folder: resume our session or civitai-tagger's, or set up a new one
 * as the user chose; import new originals (import mode); bring the index in
 * line with the folder; then check image headers in the background.
 */
export async function openSession(req: OpenRequest, deps: OpenDeps): Promise<DatasetSession> {
  const folder = resolve(req.path);
  const info = await stat(folder).catch((err) => {
    throw describeFsError(err, `Cannot open ${folder}`);
  });
  if (!info.isDirectory()) throw new AppError('invalid-input', `${folder} is not a folder`);

  const located = await locateSession(folder, req.setup?.outputDir ?? req.defaults.outputDir);
  if (deps.checkFolder) {
    // the dataset may be a subfolder (`output`) that is a link to somewhere else
    const newDir = req.setup?.mode === 'import' ? join(folder, req.setup.outputDir) : folder;
    await deps.checkFolder(located.kind === 'new' ? newDir : located.datasetDir);
    if (located.kind === 'civitai') await deps.checkFolder(located.root);
  }
  let datasetDir: string;
  let settings: SessionSettings;
  let store: SessionStore;
  let resumedFrom: 'lora-tagger' | 'civitai-tagger' | 'new';
  let knownTags: string[] = [];
  let civitaiPosition: string | number | null = null;
  let created = false;
  /** a new import's first steps, taken ahead (see startNewImport) */
  let headStart: ReturnType<typeof startNewImport> | undefined;

  if (located.kind === 'ours') {
    datasetDir = located.datasetDir;
    store = new SessionStore(await deps.openIndex(databasePath(datasetDir)));
    settings = (await readSettings(store)) ?? defaultSettings('in-place', datasetDir, null, req.defaults.prefix);
    resumedFrom = 'lora-tagger';
  } else if (located.kind === 'civitai') {
    datasetDir = located.datasetDir;
    const legacy = await readCivitaiSession(datasetDir);
    store = await createStore(datasetDir, deps.openIndex);
    settings = defaultSettings('import', located.root, basename(datasetDir), req.defaults.prefix);
    await writeSettings(store, settings);
    await markCivitaiImports(store, located.root, datasetDir, legacy?.processedImages ?? new Map(), deps.scanPool);
    knownTags = legacy?.tags ?? [];
    civitaiPosition = legacy?.currentPosition ?? null;
    resumedFrom = 'civitai-tagger';
  } else {
    if (!req.setup) {
      throw new AppError('invalid-input', `${folder} has not been set up yet: choose Import copies or Tag in place`);
    }
    const { mode, outputDir, prefix } = req.setup;
    datasetDir = mode === 'import' ? join(folder, outputDir) : folder;
    if (mode === 'import') {
      // begun while the database is made; a failed creation fails the open, and this with it
      headStart = startNewImport(deps.scanPool, folder, datasetDir);
      headStart.catch(() => undefined);
    }
    store = await createStore(datasetDir, deps.openIndex);
    settings = defaultSettings(mode, folder, mode === 'import' ? outputDir : null, prefix);
    await writeSettings(store, settings);
    resumedFrom = 'new';
    created = true;
  }

  try {
    knownTags = [...new Set([...knownTags, ...(await readTagsFile(datasetDir))])];
    let imported = 0;
    let indexHoldsFolder = resumedFrom === 'lora-tagger';
    let notImported: SkippedFile[] = [];
    if (settings.mode === 'import' && (await isFolder(settings.root))) {
      await deps.checkFolder?.(settings.root); // a resumed import reads its originals from there
      const outcome = await deps.jobs.run('import', 'Importing images', (job) =>
        importImages(deps.scanPool, settings.root, datasetDir, settings.prefix, store, job, headStart),
      );
      imported = outcome.imported;
      notImported = outcome.unreadable;
      // copies into a folder that held none are in the index as made (see ImportOutcome); others are read by the sync
      if (imported > 0) indexHoldsFolder = outcome.indexHoldsFolder;
    }
    // a folder open before, or just filled by an import, is shown as its index has it, and checked against the folder just after (resyncSession)
    const indexed = indexHoldsFolder ? await indexedList(store) : null;
    const checkAfter = indexed !== null && indexed.entries.length > 0;
    const listing = checkAfter
      ? indexed
      : await deps.jobs.run('scan', 'Reading captions', (job) =>
          syncFolder(store, datasetDir, {
            recursive: settings.mode === 'in-place',
            signal: job.signal,
            reorder: imported > 0,
            onProgress: (done, total) => job.progress(done, total, 'Reading captions'),
          }),
        );
    const skipped = await skippedOf(store);
    if (listing.entries.length === 0 && skipped.length === 0 && notImported.length === 0) {
      throw new AppError('no-images', `No images in ${folder}. LoRA Tagger reads jpg, jpeg, png, webp, gif, bmp, tif, tiff, avif.`);
    }

    if (resumedFrom === 'new') settings = await guessModeOnce(store, settings, listing.entries);
    const session = new DatasetSession(datasetDir, store, settings, deps.bus, resumedFrom, knownTags);
    // nothing to announce yet: the renderer hears of the session when open returns it
    session.index.setNotImported(notImported);
    session.index.setUnreadable(listing.unreadable);
    await session.index.replace(listing.entries, skipped, undefined, { counted: listing.tagCounts, lookup: listing.lookup });
    // a batch a crash cut short: the disk tells which of its last writes were made, before anyone can undo
    await settleCutShortSteps(session);
    // the first filter query should not pay for indexing every image; begun once the open has answered, behind the requests that show the folder
    session.afterShown(() => session.trackBackground(session.index.warmFilter(() => !session.closing.aborted)));
    if (civitaiPosition !== null) {
      const index = resolveCivitaiPosition(civitaiPosition, listing.entries.map((e) => e.row.relPath));
      if (index !== null) await session.setPositionByIndex(index);
    }
    if (listing.unprobed.length > 0) startBackgroundProbe(session, listing.unprobed, deps);
    await watchSession(session, settings.mode === 'in-place', checkAfter, deps);
    session.afterShown(() => session.trackBackground(sweepTemps(session, settings.mode === 'in-place')));
    return session;
  } catch (err) {
    const copied = created ? (await store.imports().catch(() => [])).map((r) => r.imageRel).filter(Boolean) : [];
    await store.close().catch(() => undefined);
    if (created) await undoCreation(datasetDir, settings.mode, copied);
    throw err;
  }
}

/**
 * Edits and new images from other programs show up while the folder is open;
 * `checkFirst`: the list came from the index, and what changed while the
 * folder was closed is looked for at once.
 */
async function watchSession(session: DatasetSession, recursive: boolean, checkFirst: boolean, deps: OpenDeps): Promise<void> {
  const folders = () => foldersOf(session.allEntries(), recursive, session.closing);
  // one resync at a time: files arriving during a long one (100,000 images) wait for it, rather than
  // a second sync reading the index half-written and giving new rows ids the first is still writing
  const resyncs = new SerialQueue<'resync'>();
  const resync = (work: () => Promise<void>): Promise<void> => {
    const run = resyncs
      .run('resync', () => work().then(folders))
      .then((f) => watcher.watchFolders(f))
      .catch(() => undefined);
    session.trackBackground(run);
    return run;
  };
  const watcher = new FolderWatcher(session.datasetDir, {
    captionChanged: (rel) => void session.editor.diskChanged(rel).catch(() => undefined),
    imagesChanged: () => resync(() => resyncSession(session, deps)),
  });
  session.onClose(() => watcher.close());
  if (!checkFirst) {
    watcher.watchFolders(await folders());
    return;
  }
  // after the open has answered: the check holds the index thread for a while, and the renderer's first
  // questions go first; the watcher starts before it, so a change the check's walk has passed is still seen
  const check = () =>
    resync(async () => {
      watcher.watchFolders(await folders());
      await deps.jobs.run('scan', 'Checking the folder for changes', () => resyncSession(session, deps), session.closing);
    });
  session.stepsWaitFor(new Promise<void>((resolve) => session.afterShown(() => resolve(check()))));
}

/**
 * Temps a killed write left, in every folder the dataset spans (kohya's
 * `10_name/` too): in the background, since the folder is usable meanwhile
 * and a write of this session makes only fresh ones, which the sweep leaves.
 */
async function sweepTemps(session: DatasetSession, recursive: boolean): Promise<void> {
  try {
    const folders = await foldersOf(session.allEntries(), recursive, session.closing);
    await sweepStaleTempsIn(session.datasetDir, folders, { signal: session.closing });
  } catch {
    // closed meanwhile, or a temp that would not go: the next open tries again
  }
}

/** the index thread makes the session's folder with its database (see openDatabase) */
async function createStore(datasetDir: string, openIndex: OpenIndex): Promise<SessionStore> {
  try {
    return new SessionStore(await openIndex(databasePath(datasetDir)));
  } catch (err) {
    if (err instanceof AppError && err.code === 'read-only') {
      throw new AppError('read-only', `${datasetDir} is read-only: LoRA Tagger needs to write captions there. Copy the folder somewhere you can write, or change its permissions.`);
    }
    throw err;
  }
}

/** a refused, failed or cancelled first open leaves the folder as it was: no half-done import */
async function undoCreation(datasetDir: string, mode: SessionMode, copied: readonly string[]): Promise<void> {
  await rm(join(datasetDir, SESSION_DIR), { recursive: true, force: true }).catch(() => undefined);
  if (mode === 'import') {
    for (const rel of copied) {
      await rm(join(datasetDir, rel), { force: true }).catch(() => undefined);
      // the empty caption we created beside it; a caption with text in it was not ours
      const caption = join(datasetDir, rel.replace(/\.[^.]+$/, '.txt'));
      if ((await stat(caption).catch(() => null))?.size === 0) await rm(caption, { force: true }).catch(() => undefined);
    }
    const left = await readdir(datasetDir).catch(() => ['?']);
    if (left.length === 0) await rmdir(datasetDir).catch(() => undefined);
  }
}

/** prose captions (Flux) are edited as text: guessed once, when a folder is first set up; the user can switch */
async function guessModeOnce(store: SessionStore, settings: SessionSettings, entries: readonly ImageEntry[]): Promise<SessionSettings> {
  const guessed = guessCaptionMode(entries, (e) => e.caption.text);
  if (guessed === null || guessed === settings.captionMode) return settings;
  await writeSettings(store, { captionMode: guessed });
  return { ...settings, captionMode: guessed };
}

function defaultSettings(mode: SessionMode, root: string, outputDir: string | null, prefix: string): SessionSettings {
  return {
    mode,
    root,
    outputDir,
    prefix,
    separator: ', ',
    captionMode: 'tags',
    triggerWord: null,
    underscoresToSpaces: false,
    positionImageId: null,
  };
}

const skippedOf = async (store: SessionStore) => (await store.invalidFiles()).map((r) => ({ name: r.relPath, reason: r.reason }));

const isFolder = (p: string) => stat(p).then((s) => s.isDirectory(), () => false);

/**
 * civitai-tagger's `processed_images` maps originals to copies. Originals it
 * names are marked imported, matched by path under the root or, for paths
 * from another machine, by file name. With no map at all, every original
 * present is taken as imported: copying a whole folder twice is worse than
 * missing an image, which the user can still import.
 */
async function markCivitaiImports(
  store: SessionStore,
  root: string,
  datasetDir: string,
  processed: Map<string, string>,
  pool: ThreadPool<ScanProtocol>,
) {
  const listing = await walkOriginals(pool, root, datasetDir);
  const names = new Set<string>();
  const rels = new Set<string>();
  for (const original of processed.keys()) {
    const p = original.replace(/\\/g, '/');
    names.add(p.split('/').pop()!);
    if (isAbsolute(original)) rels.add(relative(root, original).split(sep).join('/'));
    else rels.add(p);
  }
  const rows = listing.images
    .filter((f) => processed.size === 0 || rels.has(f.rel) || names.has(f.rel.split('/').pop()!))
    .map((f) => ({ sourceRel: f.rel, size: f.size, mtimeMs: f.mtimeMs, imageRel: processed.get(f.rel) ?? '', copied: true }));
  await store.addImports(rows);
}
