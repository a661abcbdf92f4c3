import type { JobRunner } from '../jobs/job-runner';
import { inSlices } from '../perf/time-slicer';
import type { DatasetSession } from '../session/dataset-session';
import type { ImageEntry } from '../session/image-entry';
import type { RenderResult } from './render-protocol';

export interface ThumbnailOutcome {
  total: number;
  /** thumbnails made by this run */
  made: number;
  /** already in the cache: found by fingerprint, no worker asked */
  cached: number;
  failed: number;
}

export interface ThumbnailMaker {
  /** how many renders run at once: the job keeps twice that in the queue, no more */
  readonly concurrency: number;
  /** fingerprints whose thumbnail is in the cache */
  listCachedThumbs(): Promise<Set<string>>;
  /** a background-priority thumbnail render; aborting drops it if it has not started */
  renderThumb(session: DatasetSession, entry: ImageEntry, signal: AbortSignal): Promise<RenderResult>;
}

/**
 * The "make all thumbnails" job, started after a folder opens: every image
 * whose thumbnail is not cached yet, in list order, behind any thumbnail the
 * user is looking at (those are asked for at visible priority and overtake
 * it). Cancelling stops it between renders; the ones under way finish before
 * the job ends, so it leaves complete files or none, never a half one.
 */
export function runThumbnailJob(maker: ThumbnailMaker, session: DatasetSession, jobs: JobRunner): Promise<ThumbnailOutcome> {
  return jobs.run(
    'thumbnails',
    'Making thumbnails',
    async (job) => {
      const entries = session.allEntries().slice();
      const outcome: ThumbnailOutcome = { total: entries.length, made: 0, cached: 0, failed: 0 };
      const report = () => job.progress(outcome.made + outcome.cached + outcome.failed, outcome.total, 'Making thumbnails');
      const cached = await maker.listCachedThumbs();
      const window = maker.concurrency * 2;
      const inFlight = new Set<Promise<void>>();
      try {
        for await (const entry of inSlices(entries)) {
          if (job.signal.aborted) break;
          if (entry.row.fingerprint !== null && cached.has(entry.row.fingerprint)) {
            outcome.cached++;
            report();
            continue;
          }
          while (inFlight.size >= window) await Promise.race(inFlight);
          if (job.signal.aborted) break;
          const one: Promise<void> = maker.renderThumb(session, entry, job.signal).then(
            (result) => {
              if (!result.ok) outcome.failed++;
              else if (result.created) outcome.made++;
              else outcome.cached++;
              report();
            },
            () => undefined, // dropped by the cancel
          );
          const tracked = one.finally(() => inFlight.delete(tracked));
          inFlight.add(tracked);
        }
      } finally {
        // whatever happens, the job ends only when no render of its own is writing
        await Promise.allSettled([...inFlight]);
      }
      return outcome;
    },
    session.closing,
  );
}
