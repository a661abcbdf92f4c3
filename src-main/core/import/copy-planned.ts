import { join } from 'node:path';
import { describeFsError } from '../app-error';
import { fingerprintBytes } from '../captions/caption-file';
import { evenBatchSize } from '../perf/even-batches';
import type { ThreadPool } from '../perf/thread-pool';
import type { CopyRecord, NewCaptionRow } from '../store/index-database';
import type { SessionStore } from '../store/session-store';
import type { CopyResult, ScanProtocol } from '../scan/scan-protocol';

/** one image of an import, its header checked and its new name given */
export interface PlannedCopy {
  file: { rel: string; size: number; mtimeMs: number };
  probe: { width: number; height: number; format: string };
  name: string;
  /** planned by an import that was cut short (see migration 003) */
  resumed: boolean;
  /** its place among the import's copies, stored as its place in the list (a sync after the import may give it another) */
  place: number;
}

/**
 * Copies per worker message at most: at 64 small images a message the
 * hand-off is noise, and a cancel waits for at most one message's copies.
 * Fewer images are split evenly over the lanes (evenBatchSize).
 */
const COPY_BATCH = 64;
/** two batches in flight: one thread copies while the other hands its results over */
const COPY_LANES = 2;
const EMPTY_FINGERPRINT = fingerprintBytes(new Uint8Array(0));

/**
 * Copies planned images into `outputDir` on the scan's worker threads (`pool`), a
 * batch per message, and records each batch in the index as it lands. The plan is in
 * the index before any copy is made, so a killed process leaves rows to
 * finish, never a copy nobody knows came from which original. On cancel or
 * failure, what was copied stays recorded, and what was not is forgotten.
 * `onCopied` gets the number of images copied so far.
 */
export async function copyPlanned(
  pool: ThreadPool<ScanProtocol>,
  root: string,
  outputDir: string,
  plan: readonly PlannedCopy[],
  store: SessionStore,
  signal: AbortSignal,
  onCopied: (n: number) => void,
): Promise<void> {
  await store.addImports(plan.map((p) => ({ sourceRel: p.file.rel, size: p.file.size, mtimeMs: p.file.mtimeMs, imageRel: p.name, copied: false })));
  const batchSize = evenBatchSize(plan.length, COPY_BATCH, COPY_LANES);
  let copied = 0;
  let nextStart = 0;
  let stopped = false;
  const lane = async () => {
    while (nextStart < plan.length && !stopped) {
      signal.throwIfAborted();
      const batch = plan.slice(nextStart, (nextStart += batchSize));
      let results: CopyResult[];
      try {
        // no signal: a batch is short, and cut off midway its copies would go unrecorded
        results = await pool.call('copy', { items: batch.map((p) => copyItem(root, outputDir, p)) });
      } catch (err) {
        throw describeFsError(err, `Cannot copy images into ${outputDir}`);
      }
      await store.recordCopies(copyRecords(batch, results));
      copied += results.filter((r) => r.ok).length;
      onCopied(copied);
      const last = results[results.length - 1];
      if (last && !last.ok) {
        const failed = batch[results.length - 1]!;
        throw describeFsError(Object.assign(new Error(last.message), { code: last.code }), `Cannot copy ${failed.file.rel} into ${outputDir}`);
      }
    }
  };
  // the first lane to fail stops the others at their next batch
  const lanes = Array.from({ length: COPY_LANES }, () =>
    lane().catch((err: unknown) => {
      stopped = true;
      throw err;
    }),
  );
  const settled = await Promise.allSettled(lanes);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    // the copies not made are forgotten; confirmed ones are kept (dropPlannedImports leaves them)
    await store.dropPlannedImports(plan.map((p) => p.file.rel));
    throw failed.reason;
  }
}

function copyItem(root: string, outputDir: string, p: PlannedCopy) {
  return {
    source: join(root, p.file.rel),
    temp: join(outputDir, `.${p.name}.importing`),
    dest: join(outputDir, p.name),
    caption: join(outputDir, p.name.replace(/\.[^.]+$/, '.txt')),
    resumed: p.resumed,
  };
}

/** a batch's copies for the index, recorded in one transaction: confirmed, with their images and empty captions */
function copyRecords(batch: readonly PlannedCopy[], results: readonly CopyResult[]): CopyRecord[] {
  const records: CopyRecord[] = [];
  results.forEach((r, k) => {
    if (!r.ok) return;
    const item = batch[k]!;
    // a copy found made already may be indexed already too: the folder sync that follows the import reads it
    if (r.kept) return void records.push({ sourceRel: item.file.rel, added: null });
    const image = { relPath: item.name, ord: item.place, size: r.imageSize, mtimeMs: r.imageMtimeMs, ...item.probe, probed: true };
    const caption: NewCaptionRow =
      r.captionSize === 0
        ? { onDisk: true, fingerprint: EMPTY_FINGERPRINT, size: 0, mtimeMs: r.captionMtimeMs, encoding: 'utf8', bom: false, lineEnding: 'none', text: '' }
        : // a caption was already there: leave the row out so the next sync reads it
          { onDisk: false, fingerprint: 'stale', size: -1, mtimeMs: -1, encoding: 'utf8', bom: false, lineEnding: 'none', text: '' };
    records.push({ sourceRel: item.file.rel, added: { image, caption } });
  });
  return records;
}
