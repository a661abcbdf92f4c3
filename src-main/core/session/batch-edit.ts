import type { BatchOp, BatchTarget } from '../../../src-shared/contract/batch-ops';
import type { TagCount } from '../../../src-shared/contract';
import { joinTags } from '../../../src-shared/tag-text';
import { AppError } from '../app-error';
import { prepareOrThrow, tagsEqual } from '../batch/apply-op';
import { keepTriggerFirst } from '../batch/reorder';
import { batchLabel } from '../history/step-labels';
import type { JobRunner } from '../jobs/job-runner';
import { runSliced } from '../perf/run-sliced';
import { resolveTarget } from './batch-targets';
import { writeCaption } from './caption-write';
import type { DatasetSession } from './dataset-session';
import { forEachLimited } from './for-each-limited';
import type { ImageEntry } from './image-entry';
import { mergeTagChanges } from './tag-changes';

const SAMPLE_SIZE = 20;
const WRITE_CONCURRENCY = 8;

export interface BatchPreview {
  changes: number;
  targeted: number;
  sample: { id: number; name: string; before: string[]; after: string[] }[];
}

/** an image's tags after the edit, trigger word first; null when the image would not change */
type Planner = (tags: readonly string[]) => string[] | null;

/**
 * The operation compiled once for the whole batch. Preview and apply share
 * it, so the count a preview shows is what apply changes; apply runs it again
 * on each image's tags as they are when its file is written.
 */
function planner(session: DatasetSession, op: BatchOp): Planner {
  const edit = prepareOrThrow(op);
  const counts = session.tagCounts();
  const ctx = { frequency: (tag: string) => counts.get(tag) ?? 0 };
  const trigger = session.settingsNow().triggerWord;
  return (tags) => {
    const edited = edit(tags, ctx);
    const after = trigger === null ? edited : keepTriggerFirst(edited, trigger);
    return tagsEqual(tags, after) ? null : after;
  };
}

interface Plan {
  targeted: number;
  /** the images the edit changes, in dataset order */
  changing: ImageEntry[];
  /** the first few of them with their tags after */
  sample: { entry: ImageEntry; after: string[] }[];
  next: Planner;
}

/**
 * Which images an edit changes. At 100,000 images this is a few hundred
 * milliseconds of work, done in slices so the app keeps answering meanwhile;
 * null if the session closed first.
 */
async function plan(session: DatasetSession, target: BatchTarget, op: BatchOp): Promise<Plan | null> {
  const targeted = await resolveTarget(session, target);
  const next = planner(session, op);
  const changing: ImageEntry[] = [];
  const sample: Plan['sample'] = [];
  function* steps(): Generator<void, void> {
    for (const entry of targeted) {
      const after = next(entry.caption.tags);
      if (after) {
        changing.push(entry);
        if (sample.length < SAMPLE_SIZE) sample.push({ entry, after });
      }
      yield;
    }
  }
  const finished = await runSliced(steps(), () => !session.closing.aborted);
  return finished === null ? null : { targeted: targeted.length, changing, sample, next };
}

/** How many images an edit would change, with the first few changes. Nothing is written. */
export async function previewBatch(session: DatasetSession, target: BatchTarget, op: BatchOp): Promise<BatchPreview> {
  const planned = await plan(session, target, op);
  if (!planned) throw new AppError('cancelled', 'The folder was closed');
  return {
    changes: planned.changing.length,
    targeted: planned.targeted,
    sample: planned.sample.map(({ entry, after }) => ({
      id: entry.row.id,
      name: entry.row.relPath,
      before: [...entry.caption.tags],
      after,
    })),
  };
}

/**
 * Runs a batch edit as a job and as one undoable step. Each caption goes
 * through the same conflict-checked write as a single edit; a file another
 * program changed is left alone, marked as a conflict and listed. Cancelling
 * stops before the next file, and what was written is still one step.
 */
export function applyBatch(
  session: DatasetSession,
  target: BatchTarget,
  op: BatchOp,
  jobs: JobRunner,
): Promise<{ changed: number; conflicts: string[] }> {
  return session.runStep(async () => {
    const planned = await plan(session, target, op);
    if (!planned) throw new AppError('cancelled', 'The folder was closed');
    const { changing, next } = planned;
    if (changing.length === 0) return { changed: 0, conflicts: [] };
    const label = batchLabel(op, changing.length);
    const { separator } = session.settingsNow();
    return jobs.run(
      'batch',
      label,
      async (job) => {
        const step = session.history.begin(label);
        const changed = new Set<ImageEntry>();
        const tagLists: TagCount[][] = [];
        const conflicts: string[] = [];
        let done = 0;
        try {
          await forEachLimited(changing, WRITE_CONCURRENCY, job.signal, (entry) =>
            session.withCaptionFile(entry.captionRel, async () => {
              // planned a moment ago; the tags may have changed since (another program, an image sharing the file)
              const after = entry.caption.conflict ? null : next(entry.caption.tags);
              if (entry.caption.conflict) conflicts.push(entry.row.relPath);
              if (after) {
                const text = joinTags(after, separator);
                const written = await writeCaption(session.datasetDir, entry, text);
                if (written.ok) {
                  step.record(written.change);
                  const taken = session.takeWritten(entry.captionRel, written.snapshot);
                  taken.entries.forEach((e) => changed.add(e));
                  tagLists.push(taken.tagChanges);
                } else {
                  session.markConflict(entry, written.current.decoded.text, text);
                  conflicts.push(entry.row.relPath);
                }
              }
              job.progress(++done, changing.length);
            }),
          );
        } finally {
          step.relabel(batchLabel(op, changed.size));
          if (step.finish()) session.historyChanged();
          session.announce([...changed], mergeTagChanges(tagLists));
          if (changed.size > 0) touchRecent(session, op);
        }
        return { changed: changed.size, conflicts };
      },
      session.closing,
    );
  });
}

/** tags the user typed into a batch edit are ones they will likely type again */
function touchRecent(session: DatasetSession, op: BatchOp): void {
  if (op.type === 'add') session.store.touchRecentTags(op.tags);
  else if (op.type === 'rename') session.store.touchRecentTags([op.to]);
}
