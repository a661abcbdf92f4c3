import type { ImageSummary } from '../../../src-shared/contract';
import { probeImages } from '../scan/probe-images';
import type { DatasetSession } from './dataset-session';
import { summarize, type ImageEntry } from './image-entry';
import type { OpenDeps } from './open-session';

/**
 * After the list is shown, check the headers of images not checked before:
 * fill in their sizes, and move files that are not readable images out of the
 * list into the session's skipped files, with the reason. Runs as a
 * cancellable job; the session waits for it on close.
 */
export function startBackgroundProbe(session: DatasetSession, entries: ImageEntry[], deps: OpenDeps): void {
  const run = deps.jobs
    .run(
      'scan',
      'Checking images',
      async (job) => {
        const results = await probeImages(
          session.datasetDir,
          entries.map((e) => ({ rel: e.row.relPath, size: e.row.size })),
          { signal: job.signal, onProgress: (n) => job.progress(n, entries.length, 'Checking images') },
        );
        job.signal.throwIfAborted();
        const valid: { id: number; width: number; height: number; format: string }[] = [];
        const invalid: { entry: ImageEntry; reason: string }[] = [];
        results.forEach((r, i) => {
          const entry = entries[i]!;
          if (r.ok) valid.push({ id: entry.row.id, width: r.width, height: r.height, format: r.format });
          else invalid.push({ entry, reason: r.reason });
        });
        session.store.setProbes(valid);
        const updated: ImageSummary[] = [];
        for (const v of valid) {
          const entry = entries.find((e) => e.row.id === v.id);
          if (!entry) continue;
          Object.assign(entry.row, { width: v.width, height: v.height, format: v.format, probed: true });
          updated.push(summarize(entry));
        }
        if (invalid.length > 0) session.dropInvalid(invalid.map((x) => ({ entry: x.entry, reason: x.reason })));
        else if (updated.length > 0) deps.bus.emit('images.changed', { updated, reset: false });
      },
      session.closing,
    )
    .catch(() => undefined); // cancelled on close, or a failure already reported as job.finished
  session.trackBackground(run);
}
