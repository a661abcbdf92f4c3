import { forEachSliced, mapSliced } from '../perf/time-slicer';
import { probeImages } from '../scan/probe-images';
import type { FileFacts } from '../scan/scan-protocol';
import type { DatasetSession } from './dataset-session';
import type { ImageEntry } from './image-entry';
import type { OpenDeps } from './open-session';

/**
 * After the list is shown, check the headers of images not checked before:
 * fill in their sizes (in pixels, and on disk: a first sync leaves a file's
 * to this check), and move files that are not readable images out of the
 * list into the session's skipped files, with the reason. Runs as a
 * cancellable job; the session waits for it on close.
 */
export function startBackgroundProbe(session: DatasetSession, entries: ImageEntry[], deps: Pick<OpenDeps, 'jobs' | 'scanPool'>): void {
  const run = deps.jobs
    .run(
      'scan',
      'Checking images',
      async (job) => {
        const files = await mapSliced(entries, (e) => ({ rel: e.row.relPath }), job.signal);
        const results = await probeImages(session.datasetDir, files, {
          pool: deps.scanPool,
          signal: job.signal,
          onProgress: (n) => job.progress(n, entries.length, 'Checking images'),
        });
        job.signal.throwIfAborted();
        // results line up with entries
        const valid: { entry: ImageEntry; width: number; height: number; format: string; file: FileFacts }[] = [];
        const invalid: { entry: ImageEntry; reason: string; file: FileFacts | null }[] = [];
        await forEachSliced(
          results,
          (r, i) => {
            const entry = entries[i]!;
            if (r.ok) valid.push({ entry, width: r.width, height: r.height, format: r.format, file: r.file });
            else invalid.push({ entry, reason: r.reason, file: r.file });
          },
          job.signal,
        );
        const rows = await mapSliced(valid, ({ entry, width, height, format, file }) => ({ id: entry.row.id, width, height, format, size: file.size, mtimeMs: file.mtimeMs }), job.signal);
        await session.store.setProbes(rows, job.signal);
        const probed = await session.index.setProbed(valid, job.signal);
        // files that are no images leave the list: the renderer reads it again, sizes and all
        session.announce(invalid.length > 0 ? await session.index.dropInvalid(invalid, session.closing) : probed);
      },
      session.closing,
    )
    .catch(() => undefined); // cancelled on close, or a failure already reported as job.finished
  session.trackBackground(run);
}
