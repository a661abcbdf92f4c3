import { joinTags } from '../../../src-shared/tag-text';
import { AppError } from '../app-error';
import { countedLabel } from '../history/step-labels';
import type { JobRunner } from '../jobs/job-runner';
import { writeBatch, type BatchOutcome } from '../session/batch-edit';
import { entriesOf } from '../session/batch-targets';
import type { DatasetSession } from '../session/dataset-session';
import type { ImageEntry } from '../session/image-entry';
import type { CaptionResultRow, CaptionStatus } from '../store/index-database';
import { CaptionStore } from './caption-store';

/**
 * A person's review of a run's suggestions. Accepting writes them into the
 * captions through the one conflict-checked path, as one undoable step;
 * rejecting writes nothing and marks them, so a later run can ask again for
 * those images only. Either names images, or every pending result of the run.
 */
export type ReviewImages = readonly number[] | 'all-pending';
export type AcceptMode = 'replace' | 'append';

export interface ReviewResult {
  runId: number;
  imageId: number;
  name: string;
  status: CaptionStatus;
  current: string;
  suggested: string | null;
  raw: string;
  error: string | null;
  model: string;
  prompt: string;
}

async function runOf(store: CaptionStore, runId: number) {
  const run = await store.run(runId);
  if (!run) throw new AppError('not-found', `No caption run ${runId} in this dataset`);
  return run;
}

/**
 * An accepted result whose text is no longer in the caption (the accept was
 * undone, or the caption rewritten since) is pending again: it can be
 * accepted anew.
 */
function statusNow(row: CaptionResultRow, entry: ImageEntry): CaptionStatus {
  return row.status === 'accepted' && row.accepted && !entry.caption.text.includes(row.accepted) ? 'pending' : row.status;
}

function entryOf(session: DatasetSession, imageId: number): ImageEntry | null {
  try {
    return session.entry(imageId);
  } catch {
    return null;
  }
}

function shown(session: DatasetSession, row: CaptionResultRow, run: { id: number; model: string; prompt: string }): ReviewResult | null {
  const entry = entryOf(session, row.imageId);
  if (!entry) return null;
  return {
    runId: run.id,
    imageId: row.imageId,
    name: entry.row.relPath,
    status: statusNow(row, entry),
    current: entry.caption.text,
    suggested: row.suggested,
    raw: row.raw,
    error: row.error,
    model: run.model,
    prompt: run.prompt,
  };
}

/** the dataset's runs, their counts as the review shows them (an undone accept counted as pending again) */
export async function runSummaries(session: DatasetSession) {
  const store = new CaptionStore(session.store.index);
  const runs = await store.runs();
  return Promise.all(
    runs.map(async ({ settings: _settings, ...run }) => {
      if (run.accepted === 0) return run;
      const undone = (await store.of(run.id, null)).filter((r) => {
        const entry = r.status === 'accepted' ? entryOf(session, r.imageId) : null;
        return entry !== null && statusNow(r, entry) === 'pending';
      }).length;
      return { ...run, accepted: run.accepted - undone, pending: run.pending + undone };
    }),
  );
}

export async function runResults(session: DatasetSession, runId: number, status: CaptionStatus | null, offset: number, limit: number) {
  const store = new CaptionStore(session.store.index);
  const run = await runOf(store, runId);
  const page = await store.page(runId, status, offset, limit);
  return { total: page.total, results: page.rows.map((r) => shown(session, r, run)).filter((r) => r !== null) };
}

export async function imageResults(session: DatasetSession, imageId: number): Promise<ReviewResult[]> {
  const store = new CaptionStore(session.store.index);
  const runs = new Map((await store.runs()).map((r) => [r.id, r]));
  return (await store.ofImage(imageId)).flatMap((row) => {
    const run = runs.get(row.runId);
    const result = run && shown(session, row, run);
    return result ? [result] : [];
  });
}

/** the results a review acts on: named ones with a suggestion, or every pending one */
async function reviewed(session: DatasetSession, store: CaptionStore, runId: number, images: ReviewImages): Promise<CaptionResultRow[]> {
  await runOf(store, runId);
  const rows = await store.of(runId, images === 'all-pending' ? null : images);
  return rows.filter((r) => {
    if (images !== 'all-pending') return r.status !== 'failed';
    const entry = entryOf(session, r.imageId);
    return entry !== null && statusNow(r, entry) === 'pending';
  });
}

/** the caption's tags once `text` is accepted: the text alone, or after the existing tags */
export function acceptedTags(entry: ImageEntry, text: string, mode: AcceptMode): string[] {
  if (mode === 'replace') return [text];
  const tags = entry.caption.tags;
  return tags.at(-1) === text ? [...tags] : [...tags, text];
}

export async function acceptCaptions(
  session: DatasetSession,
  request: { runId: number; images: ReviewImages; mode: AcceptMode; edits: readonly { imageId: number; text: string }[] },
  jobs: JobRunner,
): Promise<BatchOutcome> {
  const store = new CaptionStore(session.store.index);
  const rows = await reviewed(session, store, request.runId, request.images);
  const edited = new Map(request.edits.map((e) => [e.imageId, e.text.replace(/\s+/g, ' ').trim()]));
  const textOf = new Map(rows.map((r) => [r.imageId, edited.get(r.imageId) || r.suggested || '']));
  const entries = entriesOf(session, [...textOf.keys()]);
  const { separator } = session.settingsNow();
  const next = (entry: ImageEntry) => {
    const text = textOf.get(entry.row.id);
    if (!text) return null;
    const after = acceptedTags(entry, text, request.mode);
    return joinTags(after, separator) === entry.caption.text ? null : after;
  };
  const outcome = await session.runStep(async () => {
    const changing = entries.filter((e) => next(e) !== null);
    if (changing.length === 0) return { changed: 0, conflicts: [], refused: [] };
    const stem = request.mode === 'replace' ? 'Accept captions for ' : 'Append captions to ';
    return writeBatch(session, changing, next, { label: countedLabel(stem, changing.length), stem }, jobs);
  });
  // a caption left alone (a conflict, a refusal) stays pending; one already as suggested counts as accepted
  const notWritten = new Set([...outcome.conflicts, ...outcome.refused.map((r) => r.name)]);
  const accepted = entries.filter((e) => !notWritten.has(e.row.relPath) && next(e) === null).map((e) => ({ imageId: e.row.id, text: textOf.get(e.row.id)! }));
  await store.accept(request.runId, accepted);
  return outcome;
}

export async function rejectCaptions(session: DatasetSession, runId: number, images: ReviewImages): Promise<number> {
  const store = new CaptionStore(session.store.index);
  const ids = (await reviewed(session, store, runId, images)).map((r) => r.imageId);
  await store.setStatus(runId, ids, 'rejected');
  return ids.length;
}
