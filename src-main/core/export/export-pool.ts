import type exportWorker from '../../workers/export-worker';
import type { Fingerprint, FingerprintTask, RenderResult, RenderTask } from '../../workers/export-worker';
import { createWorkerPool, type WorkerPool } from '../../workers/worker-pool';

/**
 * The export's worker threads, started on first use. Typed wrappers narrow
 * the worker's answer to the task that was sent.
 */
let pool: WorkerPool<typeof exportWorker> | null = null;
const exportPool = () => (pool ??= createWorkerPool<typeof exportWorker>('export-worker', { pixelWork: true }));

export const exportThreads = (): number => exportPool().threads;

export async function closeExportPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

/** No signal: a render writes a file, and is let finish so nothing is written after clean-up. */
export async function renderInWorker(task: RenderTask): Promise<RenderResult> {
  const answer = await exportPool().run({ kind: 'render', ...task });
  if (answer.kind !== 'render') throw new Error('export worker answered a render with a fingerprint');
  return answer.result;
}

/** Only reads, so an abort may stop it mid-way. */
export async function fingerprintInWorker(task: FingerprintTask, signal?: AbortSignal): Promise<Fingerprint[]> {
  const answer = await exportPool().run({ kind: 'fingerprint', ...task }, signal);
  if (answer.kind !== 'fingerprint') throw new Error('export worker answered a fingerprint with a render');
  return answer.results;
}
