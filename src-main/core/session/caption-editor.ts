import { join } from 'node:path';
import { readCaptionFile } from '../captions/caption-file';
import type { FileChange, HistoryLog } from '../history/history-log';
import { inForeground } from '../perf/foreground';
import type { ChangeAnnouncer } from './change-announcer';
import { ChangeCollector } from './change-set';
import type { DatasetIndex } from './dataset-index';
import { SerialQueue } from './serial-queue';

/**
 * The order caption files are written in and the undo history they leave.
 * Work on one caption file runs in turn (an edit, a batch's write, an undo,
 * a change another program made); undoable steps run one at a time, so the
 * history stays in the order things happened. The writes themselves are
 * caption-edits, batch-edit and undo-redo, each run under `runStep`.
 */
export class CaptionEditor {
  private readonly files = new SerialQueue<string>();
  private readonly steps = new SerialQueue<'step'>();

  constructor(
    private readonly datasetDir: string,
    private readonly index: DatasetIndex,
    readonly history: HistoryLog,
    private readonly announcer: ChangeAnnouncer,
  ) {}

  /** The user waits for each step: background indexing pauses meanwhile. */
  runStep<T>(work: () => Promise<T>): Promise<T> {
    return inForeground(() => this.steps.run('step', work));
  }

  /** Work on one caption file, in turn with edits and with changes picked up from disk. */
  withCaptionFile<T>(captionRel: string, task: () => Promise<T>): Promise<T> {
    return this.files.run(captionRel, task);
  }

  /** a single-file step: recorded as it is written, and the renderer's Undo button told */
  async recordStep(label: string, change: FileChange): Promise<void> {
    const step = this.history.begin(label);
    await step.record(change);
    await step.finish();
    await this.historyChanged();
  }

  async historyChanged(): Promise<void> {
    this.announcer.historyChanged(await this.history.state());
  }

  /** another program wrote (or removed) a caption file: its images take that version, or a pending conflict is updated */
  diskChanged(captionRel: string): Promise<void> {
    if (this.index.ofCaption(captionRel).length === 0) return Promise.resolve();
    return this.files.run(captionRel, async () => {
      const disk = await readCaptionFile(join(this.datasetDir, captionRel)).catch(() => null);
      if (!disk) return;
      const changes = new ChangeCollector();
      for (const entry of this.index.ofCaption(captionRel)) {
        if (disk.fingerprint === entry.caption.fingerprint) continue; // our own write, seen again
        changes.add(entry.caption.conflict ? this.index.updateConflict(entry, disk.decoded.text) : this.index.takeDisk(entry, disk, 'disk'));
      }
      this.announcer.announce(changes.result());
    });
  }

  /** every step and write queued so far is done */
  async idle(): Promise<void> {
    await this.steps.idle();
    await this.files.idle();
  }
}
