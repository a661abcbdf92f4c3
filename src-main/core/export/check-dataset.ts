import type { CaptionMode, CheckReport, ExportOptions } from '../../../src-shared/contract/export';
import type { ThreadPool } from '../perf/thread-pool';
import type { ExportProtocol, Fingerprint } from './export-protocol';
import { AppError } from '../app-error';
import { checkRules, shownSize, type CheckedImage } from './check-rules';
import { MAX_INPUT_PIXELS } from './export-limits';
import type { ExportSource, ProgressHooks } from './export-source';
import { bucketHistogram } from './kohya-buckets';
import { targetSpec } from './targets';
import { unreadableCaptionLines } from './unreadable-captions';

/** images per worker message: the hand-off stays cheap at 100,000 images */
const BATCH = 16;

export interface CheckHooks extends ProgressHooks {
  /** CLIP token count of a caption; without it caption length is not checked */
  clipCount?: (text: string) => number;
}

/**
 * Looks the dataset over before an export, writing nothing: every image not
 * marked to skip is hashed in the export's threads (bytes and picture), then
 * the rules in check-rules.ts report what a trainer would refuse or train
 * badly on, and kohya's buckets are counted.
 */
export async function checkDataset(
  pool: ThreadPool<ExportProtocol>,
  sources: readonly ExportSource[],
  mode: CaptionMode,
  options: ExportOptions,
  hooks: CheckHooks = {},
): Promise<CheckReport> {
  const active = sources.filter((s) => !s.skip && !s.captionProblem);
  const skipped = sources.filter((s) => s.skip);
  const fingerprints = await fingerprintAll(pool, active, hooks);
  const images: CheckedImage[] = active.map((source, i) => ({ source, fingerprint: fingerprints[i] ?? null }));

  const lines = [
    ...unreadableCaptionLines(sources.filter((s) => !s.skip)),
    ...checkRules({
      images,
      skipped,
      mode,
      options,
      spec: targetSpec(options.target),
      clipCount: hooks.clipCount,
    }),
  ];

  const { resolution, minBucket, maxBucket, bucketStep } = options.kohya;
  const sized = images.flatMap((img) => {
    const size = shownSize(img);
    return size && img.fingerprint?.ok !== false ? [{ key: img.source.id, ...size }] : [];
  });
  const counts = bucketHistogram(sized, { resolution, minBucket, maxBucket, step: bucketStep }).map((b) => ({
    width: b.width,
    height: b.height,
    count: b.keys.length,
    imageIds: b.keys,
  }));

  return { imageCount: active.length, lines, buckets: { resolution, step: bucketStep, counts } };
}

async function fingerprintAll(pool: ThreadPool<ExportProtocol>, sources: readonly ExportSource[], hooks: ProgressHooks): Promise<Fingerprint[]> {
  const results: Fingerprint[] = new Array(sources.length);
  const batches: number[][] = [];
  for (let i = 0; i < sources.length; i += BATCH) {
    batches.push(Array.from({ length: Math.min(BATCH, sources.length - i) }, (_, k) => i + k));
  }
  let done = 0;
  try {
    await Promise.all(
      batches.map(async (batch) => {
        // only reads, so an abort may stop it mid-way
        const out = await pool.call(
          'fingerprint',
          { paths: batch.map((i) => sources[i]!.absPath), maxPixels: MAX_INPUT_PIXELS },
          hooks.signal,
        );
        batch.forEach((index, k) => (results[index] = out[k]!));
        done += batch.length;
        hooks.onProgress?.(done, sources.length, 'Checking images');
      }),
    );
  } catch (err) {
    if (hooks.signal?.aborted) throw new AppError('cancelled', 'check cancelled');
    throw err;
  }
  return results;
}
