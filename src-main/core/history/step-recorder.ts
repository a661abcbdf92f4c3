import type { FileChange, HistoryLog } from './history-log';

const sizeOf = (bytes: Buffer | null) => bytes?.length ?? 0;

/**
 * One step being recorded. A single edit records its file once written
 * (`record`). A batch records each file before writing it (`planAhead`, a
 * chunk of files to a transaction) and confirms the chunk's writes after
 * (`confirm`): a batch cut short, cancelled or killed, is still one
 * undoable step for everything it wrote, and no more.
 */
export class StepRecorder {
  private id: number | null = null;
  /** bytes counted so far per file: a file written twice in one step keeps its first `before` */
  private readonly sizes = new Map<string, { before: number; after: number }>();
  /** files planned ahead whose write is not yet confirmed */
  private readonly pending = new Set<string>();

  constructor(
    private readonly log: HistoryLog,
    private label: string,
    private readonly labelStem: string | null,
  ) {}

  /** how many caption files the step is known to have changed so far */
  get files(): number {
    return this.sizes.size - this.pending.size;
  }

  get stepId(): number | null {
    return this.id;
  }

  /** a file already written */
  record(change: FileChange): void {
    const known = this.sizes.get(change.captionRel);
    const afterSize = sizeOf(change.after);
    if (this.id === null) {
      this.id = this.log.insertStep(this.label, this.labelStem, (id) =>
        this.log.upsertFile(id, change, sizeOf(change.before) + afterSize),
      );
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

  /**
   * Files about to be written, each with its exact bytes before and after,
   * recorded before the first write starts. Planning a pending file again
   * (it changed before its turn came) replaces its record; a file this step
   * already wrote is not planned again.
   */
  planAhead(changes: readonly FileChange[]): void {
    if (changes.length === 0) return;
    let added = 0;
    for (const c of changes) {
      const known = this.sizes.get(c.captionRel);
      if (known && !this.pending.has(c.captionRel)) throw new Error(`${c.captionRel} was already written in this step`);
      const size = { before: sizeOf(c.before), after: sizeOf(c.after) };
      added += size.before + size.after - (known ? known.before + known.after : 0);
      this.sizes.set(c.captionRel, size);
      this.pending.add(c.captionRel);
    }
    if (this.id === null) this.id = this.log.insertStep(this.label, this.labelStem, (id) => this.log.planFiles(id, changes, added));
    else this.log.planFiles(this.id, changes, added);
  }

  /** of the files planned ahead, these were written; the rest never will be (unchanged, a conflict, cancelled) */
  confirm(written: readonly string[], label: string): void {
    this.label = label;
    if (this.id === null) return;
    for (const rel of written) this.pending.delete(rel);
    let removed = 0;
    for (const rel of this.pending) {
      const size = this.sizes.get(rel)!;
      removed += size.before + size.after;
      this.sizes.delete(rel);
    }
    this.pending.clear();
    this.log.confirmFiles(this.id, written, -removed, label);
  }

  relabel(label: string): void {
    if (label === this.label) return;
    this.label = label;
    if (this.id !== null) this.log.relabel(this.id, label);
  }

  /** the step is complete: keep the log within its limits. True when it changed any file. */
  finish(): boolean {
    if (this.id === null) return false;
    if (this.files === 0) {
      // every planned write was refused or never made
      this.log.dropStep(this.id);
      this.id = null;
      return false;
    }
    this.log.prune(this.id);
    return true;
  }
}
