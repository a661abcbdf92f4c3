import { join } from 'node:path';
import type { HistoryState, TagCount } from '../../../src-shared/contract';
import { ABSENT_FINGERPRINT, fingerprintBytes, restoreCaptionBytes } from '../captions/caption-file';
import { ReadOnlyFileError } from '../fs/atomic-write';
import type { FileChange } from '../history/history-log';
import type { JobRunner } from '../jobs/job-runner';
import type { DatasetSession } from './dataset-session';
import { forEachLimited } from './for-each-limited';
import type { ImageEntry } from './image-entry';
import { mergeTagChanges } from './tag-changes';

export interface HistoryOutcome extends HistoryState {
  /** caption files put back */
  restored: number;
  /** images whose caption was left alone: changed since by another program, or with a choice pending */
  conflicts: string[];
}

type Direction = 'undo' | 'redo';

const RESTORE_CONCURRENCY = 8;

/** with `jobs`, the restore reports its progress as a 'history' job, as an undo of thousands of images takes a while */
export const undo = (session: DatasetSession, jobs?: JobRunner): Promise<HistoryOutcome> => replay(session, 'undo', jobs);
export const redo = (session: DatasetSession, jobs?: JobRunner): Promise<HistoryOutcome> => replay(session, 'redo', jobs);

/**
 * Undo puts every caption file of the last step back to its exact bytes
 * before (removing a file the step created); redo puts the bytes after back.
 * Each file is restored only if it still holds what the step left there:
 * anything else was changed by another program since, and is left alone and
 * listed. The step then moves to the other side, conflicts or not, so one
 * stubborn file never blocks the rest of the history.
 */
function replay(session: DatasetSession, direction: Direction, jobs?: JobRunner): Promise<HistoryOutcome> {
  return session.runStep(async () => {
    const step = direction === 'undo' ? await session.history.nextUndo() : await session.history.nextRedo();
    if (!step) return { ...(await session.history.state()), restored: 0, conflicts: [] };
    const changed = new Set<ImageEntry>();
    const tagLists: TagCount[][] = [];
    const conflicts: string[] = [];
    let restored = 0;
    let done = 0;
    // not cancellable: a step half put back is neither done nor undone, so it runs to its end
    const restoreAll = (progress?: (done: number, total: number) => void) =>
      forEachLimited(step.files, RESTORE_CONCURRENCY, undefined, async (file) => {
        const outcome = await restoreFile(session, file, direction);
        progress?.(++done, step.files.length);
        if (outcome === 'conflict') {
          conflicts.push(session.entriesOfCaption(file.captionRel)[0]?.row.relPath ?? file.captionRel);
          return;
        }
        restored++;
        outcome.entries.forEach((e) => changed.add(e));
        tagLists.push(outcome.tagChanges);
      });
    try {
      const label = `${direction === 'undo' ? 'Undoing' : 'Redoing'}: ${step.label}`;
      if (jobs) await jobs.run('history', label, (job) => restoreAll((n, total) => job.progress(n, total)));
      else await restoreAll();
    } finally {
      session.announce([...changed], mergeTagChanges(tagLists));
    }
    await session.history.setUndone(step.id, direction === 'undo');
    await session.historyChanged();
    return { ...(await session.history.state()), restored, conflicts: conflicts.sort() };
  });
}

async function restoreFile(session: DatasetSession, file: FileChange, direction: Direction) {
  const [target, expected] = direction === 'undo' ? [file.before, file.after] : [file.after, file.before];
  return session.withCaptionFile(file.captionRel, async () => {
    const entries = session.entriesOfCaption(file.captionRel);
    // its image left the dataset, or the user has a choice to make about this caption: not ours to overwrite
    if (entries.length === 0 || entries.some((e) => e.caption.conflict)) return 'conflict' as const;
    const path = join(session.datasetDir, file.captionRel);
    const outcome = await restoreCaptionBytes(path, target, fingerprintOf(expected)).catch((err: unknown) => {
      // made read-only since: left as it is and listed, like a file changed since
      if (err instanceof ReadOnlyFileError) return null;
      throw err;
    });
    if (outcome === null) return 'conflict' as const;
    if (outcome.ok) return session.takeWritten(file.captionRel, outcome.snapshot);
    // already as the step wants it (an undo cut short by a crash, tried again): nothing to write
    if (outcome.current.fingerprint === fingerprintOf(target)) return session.takeWritten(file.captionRel, outcome.current);
    return 'conflict' as const;
  });
}

/** what readCaptionFile says of a file holding these bytes (null: no file) */
export const fingerprintOf = (bytes: Buffer | null) => (bytes === null ? ABSENT_FINGERPRINT : fingerprintBytes(bytes));
