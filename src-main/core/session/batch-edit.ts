import type { BatchOp, BatchTarget } from '../../../src-shared/contract/batch-ops';
import { joinTags } from '../../../src-shared/tag-text';
import { AppError } from '../app-error';
import { prepareOrThrow, tagsEqual } from '../batch/apply-op';
import { keepTriggerFirst } from '../batch/reorder';
import type { FileChange } from '../history/history-log';
import { batchLabel, batchLabelStem, countedLabel } from '../history/step-labels';
import type { JobRunner } from '../jobs/job-runner';
import { runSliced } from '../perf/time-slicer';
import { resolveTarget } from './batch-targets';
import { encodingRefusal, planCaptionWrite, writeCaption } from './caption-write';
import { ChangeCollector } from './change-set';
import type { DatasetSession } from './dataset-session';
import { forEachLimited } from './for-each-limited';
import type { ImageEntry } from './image-entry';

const SAMPLE_SIZE = 20;
const WRITE_CONCURRENCY = 8;
/**
 * Files recorded ahead of their writes per transaction. A chunk's writes all
 * end before the next chunk is recorded, so a crash leaves at most this many
 * files for the next open to read back.
 */
const WRITE_AHEAD_CHUNK = 256;

export interface BatchPreview {
  changes: number;
  targeted: number;
  sample: { id: number; name: string; before: string[]; after: string[] }[];
}

/** an image's tags after the edit (from its tags as they are now), trigger word first; null when the image would not change */
export type Planner = (entry: ImageEntry) => string[] | null;

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
  return ({ caption: { tags } }) => {
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
 * Which images an edit changes: a pass over every targeted image, in slices
 * so the app keeps answering meanwhile; null if the session closed first.
 */
async function plan(session: DatasetSession, target: BatchTarget, op: BatchOp): Promise<Plan | null> {
  const targeted = await resolveTarget(session, target);
  const next = planner(session, op);
  const changing: ImageEntry[] = [];
  const sample: Plan['sample'] = [];
  function* steps(): Generator<void, void> {
    for (const entry of targeted) {
      const after = next(entry);
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

/** what a batch did: how many images changed, and which captions it left alone and why */
export interface BatchOutcome {
  changed: number;
  /** changed by another program meanwhile: marked as conflicts */
  conflicts: string[];
  /** files that may not take the edit (read-only, an encoding without its characters), with the reason */
  refused: { name: string; reason: string }[];
}

/**
 * Runs a batch edit as a job and as one undoable step. Each caption goes
 * through the same conflict-checked write as a single edit; a file another
 * program changed is left alone, marked as a conflict and listed, and a file
 * that may not take the edit is listed with the reason. Cancelling stops
 * before the next file, and what was written is still one step.
 *
 * Write-ahead: each chunk of files is recorded in the step, bytes before and
 * after, before any of them is written, and its writes are confirmed once
 * they are all done. A process killed in between leaves the chunk pending,
 * and the next open learns from the disk which of its files were written
 * (see settleCutShortSteps): undo then puts back every file the batch
 * changed, and only those.
 */
export function applyBatch(
  session: DatasetSession,
  target: BatchTarget,
  op: BatchOp,
  jobs: JobRunner,
): Promise<BatchOutcome> {
  return session.runStep(async () => {
    const planned = await plan(session, target, op);
    if (!planned) throw new AppError('cancelled', 'The folder was closed');
    const { changing, next } = planned;
    if (changing.length === 0) return { changed: 0, conflicts: [], refused: [] };
    const outcome = await writeBatch(session, changing, next, { label: batchLabel(op, changing.length), stem: batchLabelStem(op) }, jobs);
    if (outcome.changed > 0) await touchRecent(session, op);
    return outcome;
  });
}

/**
 * The writes of a batch, as a job and one undoable step: each image of
 * `changing` gets `next` of its tags as they are when its file is written.
 * The caller runs it inside session.runStep. `label` counts the images
 * planned; the step's label counts those written (from `stem`).
 */
export function writeBatch(
  session: DatasetSession,
  changing: readonly ImageEntry[],
  next: Planner,
  names: { label: string; stem: string },
  jobs: JobRunner,
): Promise<BatchOutcome> {
  const { label, stem } = names;
  const { separator } = session.settingsNow();
  /** the caption's text after the edit, from its tags as they are now; null when it would not change */
  const textOf = (entry: ImageEntry) => {
    const after = next(entry);
    return after && joinTags(after, separator);
  };
  return jobs.run(
    'batch',
    label,
    async (job) => {
      const { index, editor } = session;
      const step = editor.history.begin(label, stem);
      const changed = new Set<ImageEntry>();
      /** caption files written: one that two images share is written once */
      const written = new Set<string>();
      const changes = new ChangeCollector();
      const conflicts: string[] = [];
      const refused: BatchOutcome['refused'] = [];
      let done = 0;

      const writeOne = async (entry: ImageEntry, ahead: Map<string, PlannedWrite>, confirmed: string[]) => {
        if (entry.caption.conflict) conflicts.push(entry.row.relPath);
        // planned a moment ago; the tags may have changed since (another program, an image sharing the file)
        const text = entry.caption.conflict || written.has(entry.captionRel) ? null : textOf(entry);
        if (text === null) return;
        const unfit = encodingRefusal(entry, text);
        if (unfit) {
          refused.push({ name: entry.row.relPath, reason: unfit.message });
          return;
        }
        const recorded = ahead.get(entry.captionRel);
        if (recorded?.text !== text || recorded.fingerprint !== entry.caption.fingerprint) {
          // the caption changed after its chunk was recorded: record this write again, before it is made
          const again = await planCaptionWrite(session.datasetDir, entry, text);
          if (!again.ok) {
            session.announce(index.markConflict(entry, again.current.decoded.text, text));
            conflicts.push(entry.row.relPath);
            return;
          }
          await step.planAhead([again.change]);
        }
        const outcome = await writeCaption(session.datasetDir, entry, text);
        if (!outcome.ok) {
          // a file that may not be written (read-only, unreadable) is listed with the reason; the rest go on
          if (outcome.refused) {
            refused.push({ name: entry.row.relPath, reason: outcome.refused.message });
            return;
          }
          session.announce(index.markConflict(entry, outcome.current.decoded.text, text));
          conflicts.push(entry.row.relPath);
          return;
        }
        confirmed.push(entry.captionRel);
        written.add(entry.captionRel);
        const { taken, change } = index.takeWritten(entry.captionRel, outcome.snapshot);
        taken.forEach((e) => changed.add(e));
        changes.add(change);
      };

      try {
        for (let at = 0; at < changing.length && !job.signal.aborted; at += WRITE_AHEAD_CHUNK) {
          const chunk = changing.slice(at, at + WRITE_AHEAD_CHUNK);
          const ahead = await planChunk(session, chunk, textOf, written);
          await step.planAhead([...ahead.values()].map((p) => p.change));
          const confirmed: string[] = [];
          try {
            await forEachLimited(chunk, WRITE_CONCURRENCY, job.signal, (entry) =>
              editor.withCaptionFile(entry.captionRel, async () => {
                await writeOne(entry, ahead, confirmed);
                job.progress(++done, changing.length);
              }),
            );
          } finally {
            await step.confirm(confirmed, countedLabel(stem, changed.size));
          }
        }
      } finally {
        session.announce(changes.result());
        if (await step.finish()) await editor.historyChanged();
      }
      return { changed: changed.size, conflicts, refused };
    },
    session.closing,
  );
}

/** a write as recorded ahead: still the one to make while the caption and the text are as they were */
interface PlannedWrite {
  fingerprint: string;
  text: string;
  change: FileChange;
}

/** a chunk's writes, by caption file, with their bytes before and after: to record before the first is made */
async function planChunk(
  session: DatasetSession,
  chunk: readonly ImageEntry[],
  textOf: (entry: ImageEntry) => string | null,
  written: ReadonlySet<string>,
): Promise<Map<string, PlannedWrite>> {
  const ahead = new Map<string, PlannedWrite>();
  for (const entry of chunk) {
    if (entry.caption.conflict || written.has(entry.captionRel) || ahead.has(entry.captionRel)) continue;
    const text = textOf(entry);
    if (text === null) continue;
    // a file that cannot be planned now is planned again, or refused, in its turn
    const planned = await planCaptionWrite(session.datasetDir, entry, text).catch(() => null);
    if (planned?.ok) ahead.set(entry.captionRel, { fingerprint: entry.caption.fingerprint, text, change: planned.change });
  }
  return ahead;
}

/** tags the user typed into a batch edit are ones they will likely type again */
async function touchRecent(session: DatasetSession, op: BatchOp): Promise<void> {
  if (op.type === 'add') await session.store.touchRecentTags(op.tags);
  else if (op.type === 'rename') await session.store.touchRecentTags([op.to]);
}
