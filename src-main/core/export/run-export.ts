import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaptionMode, ExportOptions, ExportSkip, ExportSummary } from '../../../src-shared/contract/export';
import type { ThreadPool } from '../perf/thread-pool';
import type { ExportProtocol, RenderTask } from './export-protocol';
import { AppError, describeFsError } from '../app-error';
import { commitDestination, datasetRootsOf, discardDestination, prepareDestination, type Destination } from './export-destination';
import { markExportFolder } from './export-marker';
import { forgetExport, recordExport } from './export-records';
import { MAX_INPUT_PIXELS } from './export-limits';
import { planExport, type PlannedImage } from './export-plan';
import type { ExportSource, ProgressHooks } from './export-source';
import { renderAll } from './render-images';
import { plural } from './targets/target-spec';
import { targetSpec } from './targets';
import { writeZip, type ZipEntry } from './zip-writer';

export interface ExportHooks extends ProgressHooks {
  /** the app's folder of notes on running exports (export-records.ts): a start after a crash sweeps by them */
  recordsDir?: string;
  /** an import session's source folder: an export inside it would be imported back as new copies */
  importSource?: string | null;
}

/**
 * Writes the dataset for a trainer: plan (names, captions, limits), render
 * every image in the export's threads (`pool`) into a staging folder beside the
 * destination, zip it when asked, then move it into place. Nothing appears
 * at the destination unless the whole export succeeded.
 */
export async function runExport(
  pool: ThreadPool<ExportProtocol>,
  sources: readonly ExportSource[],
  mode: CaptionMode,
  options: ExportOptions,
  hooks: ExportHooks = {},
): Promise<ExportSummary> {
  const spec = targetSpec(options.target);
  const plan = planExport(sources, mode, options, spec);
  const dest = await prepareDestination(options.out, datasetRootsOf(sources), hooks.importSource ?? null);
  const record = hooks.recordsDir ? await recordExport(hooks.recordsDir, dest.finalPath, dest.partialZip ?? dest.stagingDir) : null;
  const imageDirs = [...new Set(plan.images.map((img) => img.dir))];
  const skipped: ExportSkip[] = [...plan.skipped];
  const written: PlannedImage[] = [];
  const writtenBytes = new Map<PlannedImage, number>();
  // the folders that received images, in plan order: one whose every image failed is not named
  const ctx = () => {
    const used = new Set(written.map((img) => img.dir));
    return { options, mode, finalPath: dest.finalPath, imageDirs: imageDirs.filter((dir) => used.has(dir)) };
  };
  let converted = 0;

  try {
    for (const dir of imageDirs) await mkdir(join(dest.stagingDir, ...splitPath(dir)), { recursive: true });
    const tasks = plan.images.map((img) => renderTask(img, options, dest, spec.maxFileBytes));
    const total = tasks.length;
    let done = 0;
    await renderAll(pool, tasks, {
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      onResult: async (index, result) => {
        const img = plan.images[index]!;
        if (result.ok) {
          if (img.caption !== null) await writeText(stagedPath(dest, img.dir, img.names.caption), img.caption);
          written.push(img);
          writtenBytes.set(img, result.bytes);
          if (result.converted) converted++;
        } else {
          skipped.push({ id: img.source.id, name: img.source.relPath, reason: result.reason });
        }
        hooks.onProgress?.(++done, total, 'Writing images');
      },
    });
    if (written.length === 0) {
      throw new AppError('no-images', `no image could be exported: ${skipped.at(-1)?.reason ?? 'unknown reason'}`);
    }
    const extra = spec.extraFiles(ctx());
    for (const file of extra) await writeText(join(dest.stagingDir, ...splitPath(file.path)), file.text);
    if (dest.kind === 'folder') await markExportFolder(dest.stagingDir);

    if (dest.kind === 'zip') {
      await writeZip(zipEntries(plan.images, writtenBytes, dest, extra), dest.partialZip!, {
        ...(hooks.signal ? { signal: hooks.signal } : {}),
        onProgress: (d, t) => hooks.onProgress?.(d, t, 'Writing the zip'),
      });
    }
    hooks.signal?.throwIfAborted();
    await commitDestination(dest);
  } catch (err) {
    await discardDestination(dest);
    if (hooks.signal?.aborted) throw new AppError('cancelled', 'export cancelled: nothing was written');
    if (err instanceof AppError) throw err;
    // a file-system failure is the user's to act on; anything else is a bug, left for the api to report as one
    if (typeof (err as NodeJS.ErrnoException).code === 'string') throw describeFsError(err, 'export');
    throw err;
  } finally {
    await forgetExport(record);
  }

  const withoutCaption = written.filter((img) => img.caption === null).length;
  return {
    written: written.length,
    skipped: skipped.sort((a, b) => a.id - b.id),
    notes: [...spec.notes({ ...ctx(), withoutCaption }), ...pixelNotes(options, converted)],
    outPath: dest.finalPath,
  };
}

function renderTask(
  img: PlannedImage,
  options: ExportOptions,
  dest: Destination,
  maxBytes: number | null,
): RenderTask {
  return {
    input: img.source.absPath,
    output: stagedPath(dest, img.dir, img.names.image),
    format: img.format.format,
    quality: options.jpgQuality,
    keepMetadata: options.keepMetadata,
    background: options.background,
    maxSide: options.maxSide,
    maxPixels: MAX_INPUT_PIXELS,
    maxBytes,
  };
}

/** In plan order, each image followed by its caption, whatever order the threads finished in. */
function zipEntries(
  planned: readonly PlannedImage[],
  written: ReadonlyMap<PlannedImage, number>,
  dest: Destination,
  extra: { path: string; text: string }[],
): ZipEntry[] {
  const entries: ZipEntry[] = extra.map((f) => ({ name: f.path, text: f.text }));
  for (const img of planned) {
    const bytes = written.get(img);
    if (bytes === undefined) continue;
    const prefix = img.dir === '' ? '' : `${img.dir}/`;
    entries.push({ name: prefix + img.names.image, file: stagedPath(dest, img.dir, img.names.image), bytes });
    if (img.caption !== null) entries.push({ name: prefix + img.names.caption, text: img.caption });
  }
  return entries;
}

function pixelNotes(options: ExportOptions, converted: number): string[] {
  const notes: string[] = [];
  if (!options.keepMetadata) notes.push('Metadata was removed: EXIF, colour profiles (converted to sRGB), XMP and PNG text such as generation prompts.');
  if (converted > 0) notes.push(`${plural(converted, 'image')} re-encoded to another format.`);
  if (options.maxSide !== null) notes.push(`Images larger than ${options.maxSide} px on their longest side were scaled down to it.`);
  return notes;
}

const splitPath = (rel: string): string[] => rel.split('/').filter((p) => p !== '');

const stagedPath = (dest: Destination, dir: string, name: string): string => join(dest.stagingDir, ...splitPath(dir), name);

/** UTF-8 without a byte-order mark, flushed: the folder is renamed into place right after */
async function writeText(path: string, text: string): Promise<void> {
  const file = await open(path, 'wx');
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
}
