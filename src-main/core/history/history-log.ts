import type { HistoryState } from '../../../src-shared/contract';
import type { IndexChannel } from '../store/index-channel';
import type {
  CutShortStep as StoredCutShortStep,
  FileChange as StoredFileChange,
  FirstFiles,
  HistoryStep as StoredHistoryStep,
} from '../store/index-database';
import { StepRecorder } from './step-recorder';

export type FileChange = StoredFileChange<Buffer>;
export type HistoryStep = StoredHistoryStep<Buffer>;
export type CutShortStep = StoredCutShortStep<Buffer>;

/**
 * Undo and redo as changes, kept in session.sqlite by the index thread (see
 * IndexDatabase for the tables' rules). The caller serializes steps (one at
 * a time per session); each call here is answered once it is committed, so
 * a step awaited is a step a crash cannot lose.
 */
export class HistoryLog {
  constructor(private readonly index: IndexChannel) {}

  /**
   * Starts a step. Nothing is stored, and the redo branch stays, until its
   * first file is recorded. `labelStem`: the label up to its count, for a
   * step whose count is known only once its writes are (a batch).
   */
  begin(label: string, labelStem: string | null = null): StepRecorder {
    return new StepRecorder(this, label, labelStem);
  }

  state(): Promise<HistoryState> {
    return this.index.call('historyState');
  }

  /** what Ctrl+Z would undo, with its files */
  async nextUndo(): Promise<HistoryStep | null> {
    return stepOf(await this.index.call('nextUndo'));
  }

  async nextRedo(): Promise<HistoryStep | null> {
    return stepOf(await this.index.call('nextRedo'));
  }

  setUndone(stepId: number, undone: boolean): Promise<void> {
    return this.index.call('setUndone', stepId, undone);
  }

  /** @internal StepRecorder's first write: the step, its first files, and the end of the redo branch, together */
  insertStep(label: string, labelStem: string | null, first: FirstFiles, addedBytes: number): Promise<number> {
    return this.index.call('insertStep', label, labelStem, first, addedBytes);
  }

  /** @internal */
  upsertFile(stepId: number, change: FileChange, addedBytes: number): Promise<void> {
    return this.index.call('upsertFile', stepId, change, addedBytes);
  }

  /** @internal files about to be written, recorded before the first of them is */
  planFiles(stepId: number, changes: readonly FileChange[], addedBytes: number): Promise<void> {
    return this.index.call('planFiles', stepId, changes, addedBytes);
  }

  /** @internal the pending files written are the step's; the other pending ones never were */
  confirmFiles(stepId: number, written: readonly string[], addedBytes: number, label: string): Promise<void> {
    return this.index.call('confirmFiles', stepId, written, addedBytes, label);
  }

  /** @internal a step that ended up writing nothing */
  dropStep(stepId: number): Promise<void> {
    return this.index.call('dropStep', stepId);
  }

  /** @internal */
  relabel(stepId: number, label: string): Promise<void> {
    return this.index.call('relabel', stepId, label);
  }

  /** @internal keep the log within its limits; `keep` (the newest) always stays */
  prune(keep: number): Promise<number> {
    return this.index.call('prune', keep);
  }

  /** steps whose writes a crash cut short: their pending files, which the disk alone can confirm */
  async cutShort(): Promise<CutShortStep[]> {
    const steps = await this.index.call('cutShort');
    return steps.map((s) => ({ ...s, pending: s.pending.map((p) => ({ captionRel: p.captionRel, after: bufferOf(p.after) })) }));
  }

  /**
   * A step cut short, settled: its pending files found `written` stay, the
   * others leave it, and a step left with no file goes; a batch's label
   * counts the images of the files it keeps (`imagesPerFile`).
   */
  settleCutShort(stepId: number, written: readonly string[], imagesPerFile: Readonly<Record<string, number>>): Promise<void> {
    return this.index.call('settleCutShort', stepId, written, imagesPerFile);
  }
}

/** bytes that crossed from the index thread arrive as a Uint8Array: a Buffer over the same memory */
const bufferOf = (bytes: Uint8Array | null): Buffer | null =>
  bytes === null || Buffer.isBuffer(bytes) ? (bytes as Buffer | null) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function stepOf(step: StoredHistoryStep | null): HistoryStep | null {
  if (!step) return null;
  return { ...step, files: step.files.map((f) => ({ captionRel: f.captionRel, before: bufferOf(f.before), after: bufferOf(f.after) })) };
}
