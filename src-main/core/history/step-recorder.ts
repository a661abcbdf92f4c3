import type { FileChange, HistoryLog } from './history-log';

const sizeOf = (bytes: Buffer | null) => bytes?.length ?? 0;

/**
 * One step being recorded. A single edit records its file once written
 * (`record`). A batch records each file before writing it (`planAhead`, a
 * chunk of files to a transaction) and confirms the chunk's writes after
 * (`confirm`): a batch cut short, cancelled or killed, is still one
 * undoable step for everything it wrote, and no more. Each call resolves
 * once the index has committed it; the sizes are counted here at once, so
 * calls made before the last one resolved count right.
 */
export class StepRecorder {
  /** the step's id once its first file is recorded: a promise, so two first records cannot make two steps */
  private id: Promise<number> | null = null;
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

  /** a file already written */
  async record(change: FileChange): Promise<void> {
    const known = this.sizes.get(change.captionRel);
    const afterSize = sizeOf(change.after);
    if (this.id === null) {
      this.sizes.set(change.captionRel, { before: sizeOf(change.before), after: afterSize });
      this.id = this.log.insertStep(this.label, this.labelStem, { written: change }, sizeOf(change.before) + afterSize);
      await this.id;
      return;
    }
    let added = sizeOf(change.before) + afterSize;
    if (known) {
      added = afterSize - known.after;
      known.after = afterSize;
    } else this.sizes.set(change.captionRel, { before: sizeOf(change.before), after: afterSize });
    await this.log.upsertFile(await this.id, change, added);
  }

  /**
   * Files about to be written, each with its exact bytes before and after,
   * recorded before the first write starts. Planning a pending file again
   * (it changed before its turn came) replaces its record; a file this step
   * already wrote is not planned again.
   */
  async planAhead(changes: readonly FileChange[]): Promise<void> {
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
    if (this.id === null) {
      this.id = this.log.insertStep(this.label, this.labelStem, { planned: changes }, added);
      await this.id;
    } else await this.log.planFiles(await this.id, changes, added);
  }

  /** of the files planned ahead, these were written; the rest never will be (unchanged, a conflict, cancelled) */
  async confirm(written: readonly string[], label: string): Promise<void> {
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
    await this.log.confirmFiles(await this.id, written, -removed, label);
  }

  async relabel(label: string): Promise<void> {
    if (label === this.label) return;
    this.label = label;
    if (this.id !== null) await this.log.relabel(await this.id, label);
  }

  /** the step is complete: keep the log within its limits. True when it changed any file. */
  async finish(): Promise<boolean> {
    if (this.id === null) return false;
    const id = await this.id;
    if (this.files === 0) {
      // every planned write was refused or never made
      this.id = null;
      await this.log.dropStep(id);
      return false;
    }
    await this.log.prune(id);
    return true;
  }
}
