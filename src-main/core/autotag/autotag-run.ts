import { AppError } from '../app-error';
import type { ImageScore, OpenedModel, TaggerModelSpec, TaggerPool, TaggerResponse } from './tagger-protocol';

/**
 * One scoring run over a list of images: batches sent to the tagger worker,
 * two in flight so the worker decodes the next while it runs the model on
 * the current one; progress with an ETA after each batch; cancel between
 * batches (the batch being scored finishes, its scores are kept, no thread is
 * killed inside onnxruntime). Images already scored (by an earlier run that
 * was cancelled or killed) are skipped: the caller passes their ids.
 */
export interface RunImage {
  id: string;
  path: string;
}

export interface RunProgress {
  total: number;
  /** scored or failed in this run, plus skipped as done before */
  done: number;
  failed: number;
  /** milliseconds left at the pace so far; null before the first batch */
  etaMs: number | null;
}

export interface AutotagRunOptions {
  pool: TaggerPool;
  model: TaggerModelSpec;
  images: readonly RunImage[];
  /** ids scored before: not scored again */
  alreadyScored?: ReadonlySet<string>;
  /** for a model with a symbolic batch dimension; a fixed one wins */
  batchSize?: number;
  signal?: AbortSignal;
  onOpened?(model: OpenedModel): void;
  /** each image as its batch comes back: persist here (a kill then loses at most the batches in flight) */
  onScored?(image: RunImage, probabilities: Float32Array): void;
  onFailed?(image: RunImage, reason: string): void;
  onProgress?(progress: RunProgress): void;
  now?: () => number;
}

export interface AutotagRunOutcome {
  scored: number;
  failed: number;
  skipped: number;
  cancelled: boolean;
  model: OpenedModel;
}

const DEFAULT_BATCH = 16;
const IN_FLIGHT = 2;

function expect<K extends TaggerResponse['kind']>(response: TaggerResponse, kind: K): Extract<TaggerResponse, { kind: K }> {
  if (response.kind === 'unusable') throw new AppError('invalid-input', response.reason);
  if (response.kind !== kind) throw new AppError('internal', `the tagger answered ${response.kind} to a ${kind} request`);
  return response as Extract<TaggerResponse, { kind: K }>;
}

export async function autotagRun(options: AutotagRunOptions): Promise<AutotagRunOutcome> {
  const { pool, model, signal } = options;
  const now = options.now ?? (() => performance.now());
  const opened = expect(await pool.run({ kind: 'open', model }), 'opened').model;
  options.onOpened?.(opened);
  const batchSize = opened.layout.fixedBatch ?? Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const done = options.alreadyScored ?? new Set<string>();
  const todo = options.images.filter((image) => !done.has(image.id));
  const skipped = options.images.length - todo.length;
  const batches: RunImage[][] = [];
  for (let i = 0; i < todo.length; i += batchSize) batches.push(todo.slice(i, i + batchSize));

  let scored = 0;
  let failed = 0;
  const started = now();
  const report = () => {
    const finished = scored + failed;
    const elapsed = now() - started;
    options.onProgress?.({
      total: options.images.length,
      done: skipped + finished,
      failed,
      etaMs: finished > 0 ? ((todo.length - finished) * elapsed) / finished : null,
    });
  };
  report();

  const send = (batch: RunImage[]) => pool.run({ kind: 'score', model, paths: batch.map((image) => image.path) });
  const inFlight: Promise<TaggerResponse>[] = [];
  let next = 0;
  const fill = () => {
    while (inFlight.length < IN_FLIGHT && next < batches.length && !signal?.aborted) inFlight.push(send(batches[next++]!));
  };
  fill();
  let taken = 0;
  try {
    while (inFlight.length > 0) {
      const scores: ImageScore[] = expect(await inFlight[0]!, 'scored').scores;
      inFlight.shift();
      const batch = batches[taken++]!;
      batch.forEach((image, i) => {
        const score = scores[i];
        if (score?.ok) {
          scored++;
          options.onScored?.(image, score.probabilities);
        } else {
          failed++;
          options.onFailed?.(image, score ? score.reason : 'the tagger gave no score for this image');
        }
      });
      report();
      fill();
    }
  } finally {
    // a batch still running when a response failed: wait for it, so the thread is idle when the caller moves on
    await Promise.allSettled(inFlight);
  }
  return { scored, failed, skipped, cancelled: next < batches.length, model: opened };
}
