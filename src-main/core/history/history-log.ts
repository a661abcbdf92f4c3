import type Database from 'better-sqlite3';
import type { HistoryState } from '../../../src-shared/contract';

/** One caption file's part in a step: its exact bytes before and after; null means no file. */
export interface FileChange {
  captionRel: string;
  before: Buffer | null;
  after: Buffer | null;
}

export interface HistoryStep {
  id: number;
  label: string;
  files: FileChange[];
}

export interface HistoryLimits {
  maxSteps: number;
  /** before + after bytes of every file of every step kept */
  maxBytes: number;
}

/**
 * 1,000 steps is more than anyone walks back through; 256 MB holds a batch
 * over 100,000 typical captions (about 300 bytes each, before and after) with
 * room for the steps around it. The newest step is always kept, however big:
 * a batch that could not be undone is what this log exists to prevent.
 */
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxSteps: 1000, maxBytes: 256 * 1024 * 1024 };

const EMPTY_STATE: HistoryState = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

const sizeOf = (bytes: Buffer | null) => bytes?.length ?? 0;

/**
 * Undo and redo as changes, in session.sqlite. Steps are ordered by id; the
 * done ones (undone = 0) come before the undone ones (the redo branch), which
 * a new step drops. The caller serializes steps (one at a time per session).
 */
export class HistoryLog {
  private readonly stmt;

  constructor(
    readonly db: Database.Database,
    private readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS,
  ) {
    this.stmt = {
      insertStep: db.prepare('INSERT INTO history_steps (label, created_at) VALUES (?, ?)'),
      relabel: db.prepare('UPDATE history_steps SET label = ? WHERE id = ?'),
      addBytes: db.prepare('UPDATE history_steps SET bytes = bytes + ? WHERE id = ?'),
      upsertFile: db.prepare(
        `INSERT INTO history_files (step_id, caption_rel, before, after) VALUES (?, ?, ?, ?)
         ON CONFLICT (step_id, caption_rel) DO UPDATE SET after = excluded.after`,
      ),
      dropRedo: db.prepare('DELETE FROM history_files WHERE step_id IN (SELECT id FROM history_steps WHERE undone = 1)'),
      dropRedoSteps: db.prepare('DELETE FROM history_steps WHERE undone = 1'),
      lastDone: db.prepare<[], { id: number; label: string }>(
        'SELECT id, label FROM history_steps WHERE undone = 0 ORDER BY id DESC LIMIT 1',
      ),
      firstUndone: db.prepare<[], { id: number; label: string }>(
        'SELECT id, label FROM history_steps WHERE undone = 1 ORDER BY id ASC LIMIT 1',
      ),
      files: db.prepare<[number], { caption_rel: string; before: Buffer | null; after: Buffer | null }>(
        'SELECT caption_rel, before, after FROM history_files WHERE step_id = ? ORDER BY caption_rel',
      ),
      setUndone: db.prepare('UPDATE history_steps SET undone = ? WHERE id = ?'),
      totals: db.prepare<[], { steps: number; bytes: number | null; oldest: number | null }>(
        'SELECT count(*) AS steps, sum(bytes) AS bytes, min(id) AS oldest FROM history_steps',
      ),
      deleteFiles: db.prepare('DELETE FROM history_files WHERE step_id = ?'),
      deleteStep: db.prepare('DELETE FROM history_steps WHERE id = ?'),
      orphans: db.prepare('DELETE FROM history_steps WHERE id NOT IN (SELECT DISTINCT step_id FROM history_files)'),
    };
    // a step is written with its first file, so an empty one cannot normally exist; drop any anyway
    this.stmt.orphans.run();
  }

  /** Starts a step. Nothing is stored, and the redo branch stays, until its first file is recorded. */
  begin(label: string): StepRecorder {
    return new StepRecorder(this, label);
  }

  state(): HistoryState {
    if (!this.db.open) return EMPTY_STATE;
    const undo = this.stmt.lastDone.get();
    const redo = this.stmt.firstUndone.get();
    return { canUndo: !!undo, canRedo: !!redo, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
  }

  /** what Ctrl+Z would undo, with its files */
  nextUndo(): HistoryStep | null {
    const row = this.stmt.lastDone.get();
    return row ? this.withFiles(row) : null;
  }

  nextRedo(): HistoryStep | null {
    const row = this.stmt.firstUndone.get();
    return row ? this.withFiles(row) : null;
  }

  setUndone(stepId: number, undone: boolean): void {
    this.stmt.setUndone.run(undone ? 1 : 0, stepId);
  }

  private withFiles(row: { id: number; label: string }): HistoryStep {
    const files = this.stmt.files.all(row.id).map((f) => ({ captionRel: f.caption_rel, before: f.before, after: f.after }));
    return { id: row.id, label: row.label, files };
  }

  /** @internal StepRecorder's first write: the step, its first file, and the end of the redo branch, together */
  insertStep(label: string, first: FileChange): number {
    return this.db.transaction(() => {
      this.stmt.dropRedo.run();
      this.stmt.dropRedoSteps.run();
      const id = Number(this.stmt.insertStep.run(label, Date.now()).lastInsertRowid);
      this.upsertFile(id, first, sizeOf(first.before) + sizeOf(first.after));
      return id;
    })();
  }

  /** @internal */
  upsertFile(stepId: number, change: FileChange, addedBytes: number): void {
    this.stmt.upsertFile.run(stepId, change.captionRel, change.before, change.after);
    if (addedBytes !== 0) this.stmt.addBytes.run(addedBytes, stepId);
  }

  /** @internal */
  relabel(stepId: number, label: string): void {
    this.stmt.relabel.run(label, stepId);
  }

  /** Oldest steps go first until the log is within its limits; `keep` (the newest) always stays. */
  prune(keep: number): number {
    return this.db.transaction(() => {
      let dropped = 0;
      for (;;) {
        const t = this.stmt.totals.get()!;
        const over = t.steps > this.limits.maxSteps || (t.bytes ?? 0) > this.limits.maxBytes;
        if (!over || t.oldest === null || t.oldest === keep) return dropped;
        this.stmt.deleteFiles.run(t.oldest);
        this.stmt.deleteStep.run(t.oldest);
        dropped++;
      }
    })();
  }
}

/**
 * One step being recorded, file by file as each is written, so that a batch
 * cut short (cancelled, or the app killed) is still one undoable step for
 * what it did write.
 */
export class StepRecorder {
  private id: number | null = null;
  /** bytes counted so far per file: a file written twice in one step keeps its first `before` */
  private readonly sizes = new Map<string, { before: number; after: number }>();

  constructor(
    private readonly log: HistoryLog,
    private label: string,
  ) {}

  /** how many caption files the step changed so far */
  get files(): number {
    return this.sizes.size;
  }

  get stepId(): number | null {
    return this.id;
  }

  record(change: FileChange): void {
    const known = this.sizes.get(change.captionRel);
    const afterSize = sizeOf(change.after);
    if (this.id === null) {
      this.id = this.log.insertStep(this.label, change);
      this.sizes.set(change.captionRel, { before: sizeOf(change.before), after: afterSize });
      return;
    }
    if (known) {
      this.log.upsertFile(this.id, change, afterSize - known.after);
      known.after = afterSize;
      return;
    }
    this.log.upsertFile(this.id, change, sizeOf(change.before) + afterSize);
    this.sizes.set(change.captionRel, { before: sizeOf(change.before), after: afterSize });
  }

  relabel(label: string): void {
    if (label === this.label) return;
    this.label = label;
    if (this.id !== null) this.log.relabel(this.id, label);
  }

  /** the step is complete: keep the log within its limits. True when anything was recorded. */
  finish(): boolean {
    if (this.id === null) return false;
    this.log.prune(this.id);
    return true;
  }
}
