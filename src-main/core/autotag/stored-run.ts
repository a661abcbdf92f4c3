import type { IndexChannel } from '../store/index-channel';
import { AppError } from '../app-error';
import { decodeScores, type DecodedScores } from './packed-scores';
import type { ModelTag, TagCategory } from './tag-csv';

/** rows per request: a few hundred KB of packed scores */
const PAGE = 1000;

/** one run's scores as main reads them: decoded once, then kept (see loadRun) */
export interface StoredRun {
  runId: number;
  modelId: string;
  labels: readonly ModelTag[];
  /** by image id: the kept scores, or why the model could not read the image */
  images: ReadonlyMap<number, DecodedScores | { error: string }>;
}

interface Cached {
  /** bumped by every change to a run's scores: a load that saw an older one is not kept */
  generation: number;
  run: Promise<StoredRun> | null;
  runId: number | null;
}

/**
 * The last run read, per session database. A slider's preview asks for the
 * same run on every move: reading 10,000 images' scores from the index
 * thread each time would be most of the work, so they are decoded once and
 * kept until that run's scores change (a new batch stored, the run deleted).
 */
const cache = new WeakMap<IndexChannel, Cached>();

function cachedOf(index: IndexChannel): Cached {
  let c = cache.get(index);
  if (!c) cache.set(index, (c = { generation: 0, run: null, runId: null }));
  return c;
}

/** a run's scores changed: the next load reads them again */
export function forgetRun(index: IndexChannel, runId: number): void {
  const c = cachedOf(index);
  c.generation++;
  if (c.runId === runId) {
    c.run = null;
    c.runId = null;
  }
}

export function loadRun(index: IndexChannel, runId: number): Promise<StoredRun> {
  const c = cachedOf(index);
  if (c.runId === runId && c.run) return c.run;
  const generation = c.generation;
  const loading = readRun(index, runId);
  c.run = loading;
  c.runId = runId;
  // a failed read, or one overtaken by a change, is not kept
  const drop = () => {
    if (c.run === loading) {
      c.run = null;
      c.runId = null;
    }
  };
  loading.then(() => c.generation !== generation && drop(), drop);
  return loading;
}

async function readRun(index: IndexChannel, runId: number): Promise<StoredRun> {
  const labels = await index.call('taggerRunLabels', runId);
  if (!labels) throw new AppError('not-found', `There is no tagging run ${runId} in this dataset`);
  const modelId = (await index.call('taggerRuns')).find((r) => r.id === runId)?.modelId ?? '';
  const images = new Map<number, DecodedScores | { error: string }>();
  for (let after = -1; ; ) {
    const page = await index.call('scoresPage', runId, after, PAGE);
    for (const r of page) images.set(r.imageId, r.packed ? decodeScores(r.packed) : { error: r.error ?? 'no score' });
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.imageId;
  }
  return { runId, modelId, labels: labels.map(([name, category]) => ({ name, category: category as TagCategory })), images };
}
