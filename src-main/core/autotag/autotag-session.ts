import { availableParallelism } from 'node:os';
import type { JobContext } from '../jobs/job-runner';
import { withTimeLeft } from '../jobs/time-left';
import type { DatasetSession } from '../session/dataset-session';
import type { ImageEntry } from '../session/image-entry';
import type { ImageScoresRow } from '../store/index-database';
import { autotagRun, type AutotagRunOutcome } from './autotag-run';
import type { ModelFolder } from './model-folder';
import { packScores } from './packed-scores';
import { ScoreStore } from './score-store';
import { defaultTaggerThreads } from './tagger-threads';
import type { ExecutionProvider, TaggerPool } from './tagger-protocol';

/** scores below this are not kept: no threshold a person sets goes lower */
export const SCORE_FLOOR = 0.05;

export interface ScoreRequest {
  pool: TaggerPool;
  model: ModelFolder;
  /** what the run is kept under: a repository id, or the folder's path */
  modelId: string;
  provider: ExecutionProvider | 'auto';
  /** onnxruntime's threads; left out: every core but one */
  intraOpThreads?: number;
  batchSize?: number;
  /** the images to score, in dataset order */
  entries: readonly ImageEntry[];
}

export interface ScoreOutcome extends Omit<AutotagRunOutcome, 'model'> {
  runId: number;
  provider: ExecutionProvider;
  /** why a faster provider was not used, or null */
  fallback: string | null;
  /** each image not scored in this run, by its name in the dataset, with why */
  failures: { name: string; reason: string }[];
}

/**
 * Scores images with a tagging model and keeps every score in the index. A
 * run of the same model that a cancel or a kill cut short is taken up again:
 * images it scored are not scored again. Nothing is written to a caption.
 */
export async function scoreImages(session: DatasetSession, req: ScoreRequest, job: JobContext): Promise<ScoreOutcome> {
  const scores = new ScoreStore(session.store.index);
  const settings = { floor: SCORE_FLOOR };
  const unfinished = (await scores.runs()).filter((r) => r.modelId === req.modelId && r.finishedAt === null && r.settings === JSON.stringify(settings));
  const runId = unfinished.at(-1)?.id ?? (await scores.startRun(req.modelId, req.model.tags, settings));
  const done = new Set([...(await scores.scoredImageIds(runId))].map(String));

  // each batch's results are stored as they come, in order: a kill loses at most the batches not yet stored
  let pending: ImageScoresRow[] = [];
  const failures: { name: string; reason: string }[] = [];
  const names = new Map(req.entries.map((e) => [String(e.row.id), e.row.relPath]));
  let saving = Promise.resolve();
  const save = () => {
    const rows = pending;
    pending = [];
    if (rows.length > 0) saving = saving.then(() => scores.put(runId, rows));
  };
  const outcome = await autotagRun({
    pool: req.pool,
    model: { modelPath: req.model.modelPath, tagCount: req.model.tags.length, provider: req.provider, intraOpThreads: req.intraOpThreads ?? defaultTaggerThreads(availableParallelism()) },
    images: req.entries.map((e) => ({ id: String(e.row.id), path: session.absolutePath(e) })),
    alreadyScored: done,
    ...(req.batchSize ? { batchSize: req.batchSize } : {}),
    signal: job.signal,
    onScored: (image, probabilities) => pending.push({ imageId: Number(image.id), packed: packScores(probabilities, SCORE_FLOOR), error: null }),
    onFailed: (image, reason) => {
      pending.push({ imageId: Number(image.id), packed: null, error: reason });
      failures.push({ name: names.get(image.id) ?? image.path, reason });
    },
    onProgress: (p) => {
      save();
      job.progress(p.done, p.total, withTimeLeft('Tagging images', p.etaMs));
    },
  }).finally(save);
  await saving;
  if (!outcome.cancelled) await scores.finishRun(runId);
  const { model, ...counts } = outcome;
  return { ...counts, runId, provider: model.provider, fallback: model.fallback, failures };
}
