import type Database from 'better-sqlite3';
import type { HistoryState } from '../../../src-shared/contract';
import { StepRecorder } from './step-recorder';

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

/** a step a crash cut short: files recorded before their write, which may or may not have happened */
export interface CutShortStep {
  id: number;
  /** the label up to its count (see batchLabelStem); null: a label without one */
  labelStem: string | null;
  /** each pending file with the bytes its write would have left */
  pending: { captionRel: string; after: Buffer | null }[];
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

/**
 * Undo and redo as changes, in session.sqlite. Steps are ordered by id; the
 * done ones (undone = 0) come before the undone ones (the redo branch), which
 * a new step drops. The caller serializes steps (one at a time per session).
 * A file recorded ahead of its write (a batch's) stays pending, out of undo's
 * sight, until its write is confirmed.
 */
export class HistoryLog {
  private readonly stmt;

  constructor(
    readonly db: Database.Database,
    private readonly limits: HistoryLimits = DEFAULT_HISTORY_LIMITS,
  ) {
    this.stmt = {
      insertStep: db.prepare('INSERT INTO history_steps (label, label_stem, created_at) VALUES (?, ?, ?)'),
      relabel: db.prepare('UPDATE history_steps SET label = ? WHERE id = ?'),
      addBytes: db.prepare('UPDATE history_steps SET bytes = bytes + ? WHERE id = ?'),
      upsertFile: db.prepare(
        `INSERT INTO history_files (step_id, caption_rel, before, after) VALUES (?, ?, ?, ?)
         ON CONFLICT (step_id, caption_rel) DO UPDATE SET after = excluded.after`,
      ),
      planFile: db.prepare(
        `INSERT INTO history_files (step_id, caption_rel, before, after, pending) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (step_id, caption_rel) DO UPDATE SET before = excluded.before, after = excluded.after, pending = 1`,
      ),
      confirmFile: db.prepare('UPDATE history_files SET pending = 0 WHERE step_id = ? AND caption_rel = ?'),
      dropPending: db.prepare('DELETE FROM history_files WHERE step_id = ? AND pending = 1'),
      pending: db.prepare<[], { step_id: number; caption_rel: string; after: Buffer | null; label_stem: string | null }>(
        `SELECT f.step_id, f.caption_rel, f.after, s.label_stem FROM history_files f JOIN history_steps s ON s.id = f.step_id
         WHERE f.pending = 1 ORDER BY f.step_id`,
      ),
      fileNames: db.prepare<[number], string>('SELECT caption_rel FROM history_files WHERE step_id = ?').pluck(),
      countBytes: db.prepare(
        `UPDATE history_steps SET bytes = (SELECT coalesce(sum(coalesce(length(before), 0) + coalesce(length(after), 0)), 0)
         FROM history_files WHERE step_id = @id) WHERE id = @id`,
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
        'SELECT caption_rel, before, after FROM history_files WHERE step_id = ? AND pending = 0 ORDER BY caption_rel',
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

  /**
   * Starts a step. Nothing is stored, and the redo branch stays, until its
   * first file is recorded. `labelStem`: the label up to its count, for a
   * step whose count is known only once its writes are (a batch).
   */
  begin(label: string, labelStem: string | null = null): StepRecorder {
    return new StepRecorder(this, label, labelStem);
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

  /** @internal StepRecorder's first write: the step, its first files (`write`), and the end of the redo branch, together */
  insertStep(label: string, labelStem: string | null, write: (stepId: number) => void): number {
    return this.db.transaction(() => {
      this.stmt.dropRedo.run();
      this.stmt.dropRedoSteps.run();
      const id = Number(this.stmt.insertStep.run(label, labelStem, Date.now()).lastInsertRowid);
      write(id);
      return id;
    })();
  }

  /** @internal */
  upsertFile(stepId: number, change: FileChange, addedBytes: number): void {
    this.stmt.upsertFile.run(stepId, change.captionRel, change.before, change.after);
    if (addedBytes !== 0) this.stmt.addBytes.run(addedBytes, stepId);
  }

  /** @internal files about to be written, recorded before the first of them is: one transaction */
  planFiles(stepId: number, changes: readonly FileChange[], addedBytes: number): void {
    this.db.transaction(() => {
      for (const c of changes) this.stmt.planFile.run(stepId, c.captionRel, c.before, c.after);
      if (addedBytes !== 0) this.stmt.addBytes.run(addedBytes, stepId);
    })();
  }

  /** @internal the pending files written are the step's; the other pending ones never were: one transaction */
  confirmFiles(stepId: number, written: readonly string[], addedBytes: number, label: string): void {
    this.db.transaction(() => {
      for (const rel of written) this.stmt.confirmFile.run(stepId, rel);
      this.stmt.dropPending.run(stepId);
      if (addedBytes !== 0) this.stmt.addBytes.run(addedBytes, stepId);
      this.stmt.relabel.run(label, stepId);
    })();
  }

  /** @internal a step that ended up writing nothing */
  dropStep(stepId: number): void {
    this.db.transaction(() => {
      this.stmt.deleteFiles.run(stepId);
      this.stmt.deleteStep.run(stepId);
    })();
  }

  /** @internal */
  relabel(stepId: number, label: string): void {
    this.stmt.relabel.run(label, stepId);
  }

  /** steps whose writes a crash cut short: their pending files, which the disk alone can confirm */
  cutShort(): CutShortStep[] {
    const steps = new Map<number, CutShortStep>();
    for (const r of this.stmt.pending.all()) {
      let step = steps.get(r.step_id);
      if (!step) steps.set(r.step_id, (step = { id: r.step_id, labelStem: r.label_stem, pending: [] }));
      step.pending.push({ captionRel: r.caption_rel, after: r.after });
    }
    return [...steps.values()];
  }

  /**
   * A step cut short, settled: its pending files found `written` stay, the
   * others leave it, and a step left with no file goes. `label` names the
   * step from every file it keeps; null keeps the label. One transaction.
   */
  settleCutShort(stepId: number, written: readonly string[], label: ((captionRels: string[]) => string) | null): void {
    this.db.transaction(() => {
      for (const rel of written) this.stmt.confirmFile.run(stepId, rel);
      this.stmt.dropPending.run(stepId);
      const kept = this.stmt.fileNames.all(stepId);
      if (kept.length === 0) {
        this.stmt.deleteStep.run(stepId);
        return;
      }
      this.stmt.countBytes.run({ id: stepId });
      if (label) this.stmt.relabel.run(label(kept), stepId);
    })();
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
