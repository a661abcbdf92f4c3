import { join } from 'node:path';
import type { HistoryState } from '../../../src-shared/contract';
import { ABSENT_FINGERPRINT, fingerprintBytes, restoreCaptionBytes } from '../captions/caption-file';
import { ReadOnlyFileError } from '../fs/atomic-write';
import type { FileChange } from '../history/history-log';
import type { JobRunner } from '../jobs/job-runner';
import { ChangeCollector, type ChangeSet } from './change-set';
import type { DatasetSession } from './dataset-session';
import { forEachLimited } from './for-each-limited';

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
  const { editor, history } = session;
  return editor.runStep(async () => {
    const step = direction === 'undo' ? await history.nextUndo() : await history.nextRedo();
    if (!step) return { ...(await history.state()), restored: 0, conflicts: [] };
    const changes = new ChangeCollector();
    const conflicts: string[] = [];
    let restored = 0;
    let done = 0;
    // not cancellable: a step half put back is neither done nor undone, so it runs to its end
    const restoreAll = (progress?: (done: number, total: number) => void) =>
      forEachLimited(step.files, RESTORE_CONCURRENCY, undefined, async (file) => {
        const outcome = await restoreFile(session, file, direction);
        progress?.(++done, step.files.length);
        if (outcome === 'conflict') {
          conflicts.push(session.index.ofCaption(file.captionRel)[0]?.row.relPath ?? file.captionRel);
          return;
        }
        restored++;
        changes.add(outcome);
      });
    try {
      const label = `${direction === 'undo' ? 'Undoing' : 'Redoing'}: ${step.label}`;
      if (jobs) await jobs.run('history', label, (job) => restoreAll((n, total) => job.progress(n, total)));
      else await restoreAll();
    } finally {
      session.announce(changes.result());
    }
    await history.setUndone(step.id, direction === 'undo');
    await editor.historyChanged();
    return { ...(await history.state()), restored, conflicts: conflicts.sort() };
  });
}

/** one file put back: what the index took from it, or 'conflict' when it was left alone */
async function restoreFile(session: DatasetSession, file: FileChange, direction: Direction): Promise<ChangeSet | 'conflict'> {
  const { index } = session;
  const [target, expected] = direction === 'undo' ? [file.before, file.after] : [file.after, file.before];
  return session.editor.withCaptionFile(file.captionRel, async () => {
    const entries = index.ofCaption(file.captionRel);
    // its image left the dataset, or the user has a choice to make about this caption: not ours to overwrite
    if (entries.length === 0 || entries.some((e) => e.caption.conflict)) return 'conflict' as const;
    const path = join(session.datasetDir, file.captionRel);
    const outcome = await restoreCaptionBytes(path, target, fingerprintOf(expected)).catch((err: unknown) => {
      // made read-only since: left as it is and listed, like a file changed since
      if (err instanceof ReadOnlyFileError) return null;
      throw err;
    });
    if (outcome === null) return 'conflict' as const;
    if (outcome.ok) return index.takeWritten(file.captionRel, outcome.snapshot).change;
    // already as the step wants it (an undo cut short by a crash, tried again): nothing to write
    if (outcome.current.fingerprint === fingerprintOf(target)) return index.takeWritten(file.captionRel, outcome.current).change;
    return 'conflict' as const;
  });
}

/** what readCaptionFile says of a file holding these bytes (null: no file) */
export const fingerprintOf = (bytes: Buffer | null) => (bytes === null ? ABSENT_FINGERPRINT : fingerprintBytes(bytes));
