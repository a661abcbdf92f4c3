import { constants } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { AppError, describeFsError } from '../app-error';
import { fingerprintBytes } from '../captions/caption-file';
import type { JobContext } from '../jobs/job-runner';
import { extensionOf } from '../scan/image-extensions';
import { sortSliced } from '../perf/sort-sliced';
import { compareNatural } from '../scan/natural-order';
import { probeImages } from '../scan/probe-images';
import { walkFolder } from '../scan/walk-folder';
import type { InvalidFileRow, SessionStore } from '../store/session-store';
import { highestNumber, importName } from './import-naming';

export interface ImportOutcome {
  imported: number;
  alreadyImported: number;
  invalid: InvalidFileRow[];
}

const COPY_CONCURRENCY = 4;
/** headers checked per step of the pipeline */
const PROBE_CHUNK = 256;
const EMPTY_FINGERPRINT = fingerprintBytes(new Uint8Array(0));

/**
 * civitai-tagger's import: every valid image under `root` (the output folder
 * excepted) is copied into `outputDir` as `<prefix>_NNN.<ext>` in natural
 * order, with an empty caption beside it. Originals are never touched; an
 * image recorded as imported before is not copied again. Each copy goes to a
 * temporary name first, so a crash never leaves a half-written image under a
 * real name.
 */
export async function importImages(
  root: string,
  outputDir: string,
  prefix: string,
  store: SessionStore,
  job: JobContext,
): Promise<ImportOutcome> {
  const outputRel = relative(root, outputDir).split(sep).join('/');
  const listing = await walkFolder(root, { recursive: true, exclude: new Set([outputRel]), signal: job.signal });
  const done = new Set(store.imports().map((r) => r.sourceRel));
  // sorted in slices: one sort of 100,000 paths in natural order holds the loop for most of a second
  const candidates = await sortSliced(
    listing.images.filter((f) => !done.has(f.rel)),
    (a, b) => compareNatural(a.rel, b.rel),
    job.signal,
  );
  const alreadyImported = listing.images.length - candidates.length;
  if (candidates.length === 0) return { imported: 0, alreadyImported, invalid: [] };

  try {
    await mkdir(outputDir, { recursive: true });
  } catch (err) {
    throw describeFsError(err, `Cannot create the output folder ${outputDir}`);
  }
  let next = highestNumber(await readdir(outputDir), prefix);

  // headers are checked a chunk ahead of the copying, so the two overlap: header reads on
  // the scan's worker threads, copies in the kernel. Numbers follow natural order still:
  // each chunk is named only once the chunks before it are.
  const chunks: (typeof candidates)[] = [];
  for (let i = 0; i < candidates.length; i += PROBE_CHUNK) chunks.push(candidates.slice(i, i + PROBE_CHUNK));
  const check = (k: number) => {
    const probing = probeImages(root, chunks[k]!, { signal: job.signal });
    probing.catch(() => undefined); // awaited below; a copy failing first must not leave it unhandled
    return probing;
  };
  const invalid: InvalidFileRow[] = [];
  let copied = 0;
  const report = () => job.progress(copied + invalid.length, candidates.length, 'Importing');
  report();
  let ahead = check(0);
  for (let k = 0; k < chunks.length; k++) {
    const probes = await ahead;
    if (k + 1 < chunks.length) ahead = check(k + 1);
    const valid: { file: (typeof candidates)[number]; probe: { width: number; height: number; format: string } }[] = [];
    const bad: InvalidFileRow[] = [];
    chunks[k]!.forEach((file, i) => {
      const p = probes[i]!;
      if (p.ok) valid.push({ file, probe: p });
      else bad.push({ relPath: file.rel, size: file.size, mtimeMs: file.mtimeMs, reason: p.reason });
    });
    // the session lists the originals it could not import, with the reason, until they are fixed
    store.db.transaction(() => {
      for (const v of valid) store.removeInvalidFile(v.file.rel);
      for (const b of bad) store.addInvalidFile(b);
    })();
    invalid.push(...bad);
    const plan = valid.map((v) => ({ ...v, name: importName(prefix, ++next, extensionOf(v.file.rel)) }));
    let cursor = 0;
    const copyNext = async () => {
      while (cursor < plan.length) {
        job.signal.throwIfAborted();
        await copyOne(root, outputDir, plan[cursor++]!, store);
        copied++;
        report();
      }
    };
    await Promise.all(Array.from({ length: Math.min(COPY_CONCURRENCY, plan.length) }, copyNext));
  }
  if (copied === 0 && invalid.length === candidates.length && alreadyImported === 0) {
    throw new AppError('no-images', `No readable images in ${root}`, { invalid });
  }
  return { imported: copied, alreadyImported, invalid };
}

/** one image into the dataset under its new name, with an empty caption beside it, recorded in the index */
async function copyOne(
  root: string,
  outputDir: string,
  item: { file: { rel: string; size: number; mtimeMs: number }; probe: { width: number; height: number; format: string }; name: string },
  store: SessionStore,
): Promise<void> {
  const dest = join(outputDir, item.name);
  const temp = join(outputDir, `.${item.name}.importing`);
  const captionPath = join(outputDir, item.name.replace(/\.[^.]+$/, '.txt'));
  let imageStat, captionStat;
  try {
    await copyFile(join(root, item.file.rel), temp, constants.COPYFILE_EXCL);
    await rename(temp, dest);
    await writeFile(captionPath, '', { flag: 'wx' }).catch((err) => {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    });
    // the index must hold what is on disk, or the next open would read everything again
    [imageStat, captionStat] = await Promise.all([stat(dest), stat(captionPath)]);
  } catch (err) {
    await rm(temp, { force: true });
    throw describeFsError(err, `Cannot copy ${item.file.rel} into ${outputDir}`);
  }
  // record at once: an interrupted import resumes without copying anything twice
  store.db.transaction(() => {
    store.addImports([{ sourceRel: item.file.rel, size: item.file.size, mtimeMs: item.file.mtimeMs, imageRel: item.name }]);
    const [id] = store.insertImages([
      { relPath: item.name, ord: 0, size: imageStat.size, mtimeMs: imageStat.mtimeMs, ...item.probe, probed: true },
    ]);
    store.upsertCaptions([
      captionStat.size === 0
        ? { imageId: id!, onDisk: true, fingerprint: EMPTY_FINGERPRINT, size: 0, mtimeMs: captionStat.mtimeMs, encoding: 'utf8', bom: false, lineEnding: 'none', text: '' }
        : // a caption was already there: leave the row out so the next sync reads it
          { imageId: id!, onDisk: false, fingerprint: 'stale', size: -1, mtimeMs: -1, encoding: 'utf8', bom: false, lineEnding: 'none', text: '' },
    ]);
  })();
}
